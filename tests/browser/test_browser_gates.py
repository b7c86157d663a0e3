"""Quality gates on one page of every kind, in Chromium: what a visitor gets, not what the HTML says.

RGAA 4.1 (WCAG 2.1 AA) automated rules with axe-core, the Content-Security-Policy holding while the
interactive charts draw, nothing fetched outside the site, a clean console, and no horizontal
scrolling on a 320 px wide phone. Every gate runs on both languages of the bilingual demo site.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from browsercheck import PAGE_KINDS, PageReport, describe, reasons

pytest_plugins = ["browserfixtures"]  # chromium, site_url, page_paths, page_report fixtures
pytestmark = [pytest.mark.browser, pytest.mark.slow]
Report = Callable[..., PageReport]
LANGUAGES = pytest.mark.parametrize("language", ["fr", "en"])


@LANGUAGES
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_accessibility_violation(language: str, kind: str, page_report: Report,
                                    request: pytest.FixtureRequest) -> None:
    """axe-core's WCAG 2.0/2.1 A and AA rules find nothing; what it cannot decide is listed for a human."""
    report = page_report(kind, "desktop", language)
    incomplete = report.axe["incomplete"]
    if incomplete:
        text = describe(incomplete, nodes=1)
        print(f"axe incomplete, {kind} ({report.path}):\n{text}")
        summary = request.config.__dict__.setdefault("_axe_incomplete", [])
        summary.extend(f"[{language} {kind}] {line}" for line in reasons(incomplete))
    assert not report.axe["violations"], f"{report.path}\n{describe(report.axe['violations'])}"


@LANGUAGES
@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("size", ["desktop", "mobile"])
def test_content_security_policy_holds(language: str, kind: str, size: str, page_report: Report) -> None:
    """The CSP (default-src 'self', no inline code) reports no violation, charts drawn included."""
    report = page_report(kind, size, language)
    refused = [line for line in report.console if "Content Security Policy" in line]
    assert not report.csp_violations and not refused, f"{report.path}: {report.csp_violations + refused}"
    assert all(state.endswith(" interactive") for state in report.charts), f"{report.path}: {report.charts}"


@LANGUAGES
@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("size", ["desktop", "mobile"])
def test_no_request_leaves_the_site(language: str, kind: str, size: str, page_report: Report) -> None:
    """No font, script, image or tracker from elsewhere: visitors are not exposed to third parties."""
    report = page_report(kind, size, language)
    assert report.external_requests == [], report.path


@LANGUAGES
@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("size", ["desktop", "mobile"])
def test_console_is_clean(language: str, kind: str, size: str, page_report: Report) -> None:
    """No JavaScript error or warning, no missing file (the favicon included)."""
    report = page_report(kind, size, language)
    assert report.console == [], f"{report.path}:\n" + "\n".join(report.console)


@LANGUAGES
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_at_320_px(language: str, kind: str, page_report: Report) -> None:
    """WCAG 1.4.10 (reflow): at 320 CSS px the page never scrolls sideways; wide tables scroll in their box."""
    report = page_report(kind, "mobile", language)
    assert report.scroll_width <= 320, f"{report.path}: largeur {report.scroll_width} px"
    assert report.table_problems == [], f"{report.path}: {report.table_problems}"
