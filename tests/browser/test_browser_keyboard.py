"""Keyboard use, the way someone who cannot use a mouse browses: Tab through the page, see the focus.

RGAA 12.7 (skip link), 12.8 (tab order), 10.7 (visible focus); WCAG 2.4.1, 2.4.3, 2.4.7.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsercheck import CHARTS_SETTLED, DESKTOP, DRAW_CHARTS

pytest_plugins = ["browserfixtures"]  # chromium, site_url, page_paths, page_report fixtures
pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Pages with every kind of control: menus and letters, details/summary and the badge code, sort
# buttons and scrollable tables, the labels filter form, the open-data page's many links.
KEYBOARD_KINDS = ("accueil", "structure", "labels", "donnees", "programme", "affiche")
MOST_TABS = 250  # enough to cross header, content and footer of these pages in a few seconds

# Records every focus change with the element's focused look; `unfocused()` reads the same elements
# once the focus has left them, to compare.
FOCUS_RECORDER = r"""
() => {
  const look = (element) => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
            style.backgroundColor, style.color, style.textDecorationLine, style.borderColor].join(" | ");
  };
  window.__focusLook = look;
  window.__describe = (element) => {
    if (!element) return "rien";
    const text = (element.getAttribute("aria-label") || element.textContent || "").trim().replace(/\s+/g, " ");
    const classes = typeof element.className === "string" ? element.className.split(" ") : [];
    const name = classes[0] ? "." + classes[0] : "";
    return element.tagName.toLowerCase() + (element.id ? "#" + element.id : "") + name
      + (text ? " « " + text.slice(0, 40) + " »" : "");
  };
  window.__focused = [];
  window.__focusedLooks = [];
  document.addEventListener("focusin", (event) => {
    window.__focused.push(event.target);
    window.__focusedLooks.push(look(event.target));
  });
}
"""
# What should be reachable, in document order: every visible link and control, nothing in a closed
# <details> but its summary, no positive tabindex (which would break the reading order).
EXPECTED_ORDER = """
() => {
  const selector = "a[href], button, input, select, textarea, summary, [tabindex]";
  return Array.from(document.querySelectorAll(selector)).filter((element) => {
    if (element.disabled || element.tabIndex < 0) return false;
    if (!element.getClientRects().length || getComputedStyle(element).visibility === "hidden") return false;
    const closed = element.closest("details:not([open])");
    if (closed && !(element.tagName === "SUMMARY" && element.parentElement === closed)) return false;
    return true;
  });
}
"""


@pytest.fixture
def keyboard_page(chromium: Any, site_url: str, page_paths: dict[str, str]) -> Iterator[Any]:
    """A fresh tab for each test (focus state must start from the top of the page)."""
    context = chromium.new_context(viewport=DESKTOP, locale="fr-FR")
    page = context.new_page()

    def open_kind(kind: str) -> Any:
        page.goto(site_url + page_paths[kind], wait_until="load")
        if page.evaluate(DRAW_CHARTS):  # interactive charts add their own controls (PNG button)
            page.wait_for_function(CHARTS_SETTLED, timeout=20_000)
        page.evaluate("document.activeElement && document.activeElement.blur()")
        return page

    yield open_kind
    context.close()


@pytest.mark.parametrize("kind", KEYBOARD_KINDS)
def test_skip_link_comes_first_and_moves_focus_to_main(kind: str, keyboard_page: Any) -> None:
    """The first Tab shows « Aller au contenu »; Enter puts the focus on the main content."""
    page = keyboard_page(kind)
    page.keyboard.press("Tab")
    first = page.evaluate_handle("document.activeElement")
    assert page.evaluate("(element) => element.getAttribute('href')", first) == "#contenu", page.url
    assert page.evaluate("(element) => element.textContent.trim()", first) == "Aller au contenu"
    box = first.bounding_box()
    assert box and box["y"] >= 0 and box["x"] >= 0 and box["height"] > 10, f"lien d'évitement invisible : {box}"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'contenu'", timeout=2_000)
    assert page.evaluate("document.activeElement.tagName") in ("MAIN", "DIV")
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('contenu').contains(document.activeElement)"), (
        "après le lien d'évitement, la tabulation doit continuer dans le contenu")


@pytest.mark.parametrize("kind", KEYBOARD_KINDS)
def test_tab_reaches_every_control_in_reading_order_with_a_visible_focus(kind: str, keyboard_page: Any) -> None:
    """Tab visits every link and control once, in document order, and each one shows where the focus is."""
    page = keyboard_page(kind)
    positive = "[tabindex]:not([tabindex='0']):not([tabindex^='-'])"
    assert page.evaluate("(selector) => document.querySelectorAll(selector).length", positive) == 0
    expected = page.evaluate_handle(EXPECTED_ORDER)
    expected_count = page.evaluate("(list) => list.length", expected)
    page.evaluate(FOCUS_RECORDER)
    for _ in range(min(expected_count, MOST_TABS)):
        page.keyboard.press("Tab")
    mismatch = page.evaluate(
        """(expected) => {
          const reached = window.__focused, describe = window.__describe;
          for (let index = 0; index < reached.length; index++) {
            if (reached[index] !== expected[index]) {
              const wanted = describe(expected[index]), got = describe(reached[index]);
              return `position ${index + 1} : attendu ${wanted}, atteint ${got}`;
            }
          }
          return reached.length === Math.min(expected.length, %d) ? null : `${reached.length} éléments atteints`;
        }""".replace("%d", str(MOST_TABS)),
        expected,
    )
    assert mismatch is None, f"{page.url}: ordre de tabulation : {mismatch}"
    reached = page.evaluate("window.__focused.length")
    page.keyboard.press("Tab")  # the last element reached loses the focus too
    invisible = page.evaluate(
        """(count) => window.__focused.slice(0, count).flatMap((element, index) => {
          const focused = window.__focusedLooks[index].split(" | ");
          const resting = window.__focusLook(element).split(" | ");
          const outline = focused[0] !== "none" && parseFloat(focused[1]) >= 2;
          const changed = focused.some((value, position) => value !== resting[position]);
          const shadow = focused[3] !== "none" && focused[3] !== resting[3];
          return (outline && changed) || shadow ? [] : [window.__describe(element)];
        })""",
        reached,
    )
    assert invisible == [], f"{page.url}: focus invisible sur {invisible[:10]}"
