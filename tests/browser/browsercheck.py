"""What a visitor's Chromium sees on one page: served locally, charts drawn, then measured.

One visit collects everything the gates assert on (console, CSP reports, requests, axe results,
horizontal overflow), so each page is loaded once per viewport however many gates read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from support.paths import ROOT

AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}
# Page kinds checked by every gate, named as a visitor would (test ids).
PAGE_KINDS = (
    "accueil", "reseaux", "reseau", "structure", "affiche", "indicateurs", "indicateur", "territoires",
    "region", "departement", "services", "lettre", "engagements", "labels", "labels-niveau", "programme",
    "rapport", "donnees", "page-editoriale", "404", "recherche",
)

# Registered before any page script: the page's own CSP reports, kept where the test can read them.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " (" + (event.sourceFile || "page") + ":" + event.lineNumber + ")");
});
"""

# Charts become interactive when the reader asks: press each chart's button, then wait for a final state.
DRAW_CHARTS = """
async () => {
  const figures = Array.from(document.querySelectorAll("figure[data-chart-spec]"));
  for (const figure of figures) {
    figure.scrollIntoView({block: "center"});
    const button = figure.querySelector(".chart-explore button");
    if (button) button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  }
  window.scrollTo(0, 0);
  return figures.length;
}
"""
CHARTS_SETTLED = """
() => Array.from(document.querySelectorAll("figure[data-chart-spec]"))
  .every((figure) => ["interactive", "static"].includes(figure.getAttribute("data-chart-state")))
"""
CHART_STATES = """
() => Array.from(document.querySelectorAll("figure[data-chart-spec]"))
  .map((figure) => (figure.id || figure.getAttribute("data-chart-spec"))
    + " " + figure.getAttribute("data-chart-state"))
"""
RUN_AXE = """
(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]})
  .then((results) => ({
    violations: results.violations.map(summarise),
    incomplete: results.incomplete.map(summarise),
  }));
function summarise(rule) {
  return {id: rule.id, impact: rule.impact, help: rule.help, nodes: rule.nodes.map((node) => ({
    target: node.target.join(" "), summary: node.failureSummary || "", html: node.html.slice(0, 200)}))};
}
"""
# Every table of data must scroll inside its own keyboard-reachable container, never the page.
TABLE_OVERFLOW = """
() => Array.from(document.querySelectorAll("table")).flatMap((table) => {
  const name = (table.caption ? table.caption.textContent : table.className).trim().slice(0, 60);
  const wrap = table.closest(".table-wrap");
  if (!wrap) {
    return table.getBoundingClientRect().right > document.documentElement.clientWidth + 1
      ? [name + " : dépasse de la page, sans conteneur défilant"] : [];
  }
  const overflowX = getComputedStyle(wrap).overflowX;
  const problems = [];
  if (!["auto", "scroll"].includes(overflowX)) {
    problems.push(name + " : conteneur sans défilement (" + overflowX + ")");
  }
  if (wrap.scrollWidth > wrap.clientWidth && wrap.tabIndex < 0) {
    problems.push(name + " : conteneur défilant hors du clavier");
  }
  return problems;
})
"""


@dataclass
class PageReport:
    """Everything one visit of one page at one viewport size observed."""

    path: str
    width: int
    console: list[str] = field(default_factory=list)  # errors and warnings, page errors, HTTP errors
    external_requests: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    charts: list[str] = field(default_factory=list)  # "id state" of every chart figure
    scroll_width: int = 0
    table_problems: list[str] = field(default_factory=list)
    axe: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def visit(browser: Any, base_url: str, path: str, viewport: dict[str, int], axe_source: str | None) -> PageReport:
    """Load one page like a visitor, draw its charts, then measure it (and run axe when given its source)."""
    report = PageReport(path=path, width=viewport["width"])
    context = browser.new_context(viewport=viewport, locale="fr-FR", service_workers="block")
    context.add_init_script(CSP_LISTENER)

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:  # never let a test reach the internet: record and refuse
            report.external_requests.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("console", lambda message: report.console.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: report.console.append(f"erreur JavaScript : {error}"))
    page.on("response", lambda response: report.console.append(f"HTTP {response.status} {response.url}")
            if response.status >= 400 else None)
    try:
        page.goto(base_url + path, wait_until="load")
        if page.evaluate(DRAW_CHARTS):
            page.wait_for_function(CHARTS_SETTLED, timeout=20_000)
        report.charts = page.evaluate(CHART_STATES)
        page.wait_for_load_state("networkidle")
        report.scroll_width = page.evaluate("document.documentElement.scrollWidth")
        report.table_problems = page.evaluate(TABLE_OVERFLOW)
        if axe_source is not None:
            page.evaluate(axe_source)  # through DevTools, not a <script>: the page's CSP stays untouched
            report.axe = page.evaluate(RUN_AXE, AXE_TAGS)
        report.csp_violations = page.evaluate("window.__cspViolations")
    finally:
        context.close()
    return report


def describe(rules: list[dict[str, Any]], nodes: int = 3) -> str:
    """axe results as readable lines: rule, impact, help, then the first few elements concerned."""
    lines = []
    for rule in rules:
        lines.append(f"{rule['id']} ({rule['impact']}, {len(rule['nodes'])} éléments) : {rule['help']}")
        for node in rule["nodes"][:nodes]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']} : {summary[:300]}")
    return "\n".join(lines)


def reasons(rules: list[dict[str, Any]]) -> list[str]:
    """One line per rule and distinct reason, with how many elements: the short form for a run's summary."""
    lines = []
    for rule in rules:
        counts: dict[str, int] = {}
        for node in rule["nodes"]:
            reason = " ".join(node["summary"].replace("Fix any of the following:", "").split()) or rule["help"]
            counts[reason] = counts.get(reason, 0) + 1
        lines.extend(f"{rule['id']} ({count} éléments) : {reason}" for reason, count in counts.items())
    return lines
