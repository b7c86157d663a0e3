#!/usr/bin/env python3
"""What a built site costs the host and a visitor: bytes and files per page kind and per structure,
the national extrapolation, and the bytes a first visit to each page kind transfers.

    .venv/bin/python scripts/bench_site_size.py output [--structures 15359] [--no-browser] [--national DIR]

Host: every file is given to one page kind (a structure's folder, its poster, its API document…);
"per structure" is what one structure adds (its folder under services/ and its API document), and
the national figure is that cost times the national number of structures, plus everything else as
built (an underestimate of the shared part: network and indicator pages grow with the structures).
Folders: bytes and files of each top-level folder, and its national estimate. A file one structure
owns (services/<slug>/…, its API document, its search fragment) is multiplied by the ratio of national
to local structures; a chart (SVG, PNG, spec, chart data) and the theme keep their size; every other
file (CSV, XLSX, zip, JSON, HTML of network, indicator, territory and data pages) is one per record
and grows with the data: its bytes are multiplied by the ratio of national to local result rows.
`--national DIR` prints beside it what a real national build measured, to check the method.
Visitor: Chromium (Playwright, /usr/bin/chromium) opens one page of each kind with an empty cache and
adds up the bytes received, then presses every "Version interactive" button and adds what that costs.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from localserver import serve
from pages_limits import MAX_BYTES as PAGES_MAX_BYTES
from pages_limits import MAX_FILES as PAGES_MAX_FILES

NATIONAL_STRUCTURES = 15_359  # scripts/generate_demo_data.py --scale national
# A structure's share of services/ in the national target (the test's budget, its arithmetic there).
SERVICES_BUDGET_BYTES, SERVICES_BUDGET_FILES = 45_000, 4
NATIONAL_ROWS = 1_660_940  # its result rows

# (page kind, pattern on the output-relative path): the first match wins.
KINDS = (
    ("affiche de structure", re.compile(r"services/(?!lettre-)[^/]+/affiche/")),
    ("page de structure", re.compile(r"services/(?!lettre-)[^/]+/")),
    ("API : structure", re.compile(r"api/v\d+/structures/")),
    ("liste des structures", re.compile(r"services/")),
    ("page de réseau", re.compile(r"reseaux/")),
    ("page d'indicateur", re.compile(r"indicateurs/")),
    ("territoires", re.compile(r"territoires/")),
    ("API : autres", re.compile(r"api/")),
    ("données ouvertes (paquet)", re.compile(r"donnees/")),
    ("thème (CSS, JS, Vega)", re.compile(r"theme/")),
    ("modèles de graphiques", re.compile(r"graphiques/")),
    ("recherche (Pagefind)", re.compile(r"pagefind/")),  # fragments: one per indexed page, so per structure too
)
PER_STRUCTURE = ("page de structure", "affiche de structure", "API : structure")
# Page kinds a visitor lands on, and how to find one in the built site (the largest of its kind).
VISITS = (
    ("accueil", "index.html"),
    ("structure", "services/*/index.html"),
    ("réseau", "reseaux/*/index.html"),
    ("indicateur", "indicateurs/*/index.html"),
    ("département", "territoires/departements/*/index.html"),
    ("affiche", "services/*/affiche/index.html"),
)


def kind_of(relative: str) -> str:
    for kind, pattern in KINDS:
        if pattern.match(relative):
            return kind
    return "autres pages"


def human(size: float) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}".replace(",", " ")
    return f"{size:.0f} B"


def measure(site: Path) -> tuple[Counter[str], Counter[str], Counter[str], int]:
    """Bytes and files per page kind, bytes per file type inside structure folders, structure count."""
    sizes: Counter[str] = Counter()
    files: Counter[str] = Counter()
    structure_types: Counter[str] = Counter()
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        kind = kind_of(relative)
        size = path.stat().st_size
        sizes[kind] += size
        files[kind] += 1
        if kind in PER_STRUCTURE:
            label = "affiche/index.html" if kind == "affiche de structure" else (
                "api/…/<id>.json" if kind == "API : structure" else re.sub(r"^resultats-.*\.", "resultats-<slug>.",
                                                                            path.name))
            structure_types[label] += size
    return sizes, files, structure_types, measure_structures(site)


def print_host(site: Path, national: int) -> None:
    sizes, files, types, structures = measure(site)
    total_bytes, total_files = sum(sizes.values()), sum(files.values())
    print(f"Site {site}: {human(total_bytes)} in {total_files:,} files, {structures} structures")
    print(f"{'page kind':<28}{'bytes':>12}{'files':>9}")
    for kind, size in sizes.most_common():
        print(f"{kind:<28}{human(size):>12}{files[kind]:>9,}")
    if not structures:
        return
    own_bytes = sum(sizes[k] for k in PER_STRUCTURE) / structures
    own_files = sum(files[k] for k in PER_STRUCTURE) / structures
    folder_bytes = sum(sizes[k] for k in PER_STRUCTURE[:2]) / structures
    folder_files = sum(files[k] for k in PER_STRUCTURE[:2]) / structures
    print(f"\nservices/ per structure (its folder and poster): {human(folder_bytes)} in {folder_files:.2f} files, "
          f"national {human(folder_bytes * national)} in {folder_files * national:,.0f} files "
          f"(budget {human(SERVICES_BUDGET_BYTES)} and {SERVICES_BUDGET_FILES} files: tests/site/test_site_size.py)")
    print(f"Per structure (its folder, poster and API document): {human(own_bytes)} in {own_files:.2f} files")
    for name, size in types.most_common():
        print(f"  {name:<36}{human(size / structures):>10}")
    print(f"Whole site per structure: {human(total_bytes / structures)} in {total_files / structures:.2f} files")
    shared_bytes, shared_files = total_bytes - own_bytes * structures, total_files - own_files * structures
    national_bytes = own_bytes * national + shared_bytes
    national_files = own_files * national + shared_files
    print(f"National extrapolation ({national:,} structures): {human(national_bytes)} in {national_files:,.0f} files "
          f"(limits {human(PAGES_MAX_BYTES)}, {PAGES_MAX_FILES:,} files; shared pages counted as built here)")
    print(f"Budget per structure for the national site to fit: {human(PAGES_MAX_BYTES / national)} and "
          f"{PAGES_MAX_FILES / national:.1f} files, everything included")


OWN_FILES = re.compile(r"(services/(?!lettre-)[^/]+/|api/v\d+/structures/|pagefind/fragment/|labels/badges/)")
FIXED_FILES = re.compile(r"(^theme/|^graphiques/|\.(png|svg|vl\.json|vg\.json)$|/(graphique|carte)-[^/]*\.csv$)")


def folder_estimates(site: Path, structures_ratio: float, rows_ratio: float) -> dict[str, list[float]]:
    """Per top-level folder: [bytes, files, national bytes, national files] (see the module's docstring)."""
    figures: dict[str, list[float]] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        folder = relative.split("/", 1)[0] if "/" in relative else "(racine)"
        size = path.stat().st_size
        if OWN_FILES.match(relative):
            scale_bytes = scale_files = structures_ratio
        elif FIXED_FILES.search(relative):
            scale_bytes = scale_files = 1.0
        else:
            scale_bytes, scale_files = rows_ratio, 1.0
        row = figures.setdefault(folder, [0.0, 0.0, 0.0, 0.0])
        row[0] += size
        row[1] += 1
        row[2] += size * scale_bytes
        row[3] += scale_files
    return figures


def result_rows(site: Path) -> int:
    """Rows of the published results: the package's per-network files (`donnees/results/…csv`), or the
    one uncompressed table an older build published (`donnees/results.csv`); 0 if there is none."""
    folder = site / "donnees"
    tables = sorted((folder / "results").rglob("*.csv")) or [folder / "results.csv"]
    rows = 0
    for table in tables:
        if table.is_file():
            with table.open("rb") as handle:
                rows += max(sum(1 for _ in handle) - 1, 0)
    return rows


def print_folders(site: Path, national: int, measured: Path | None) -> None:
    """Each folder's bytes and files and their national estimate; a measured national site beside."""
    structures, rows = measure_structures(site), result_rows(site)
    if not structures or not rows:
        return
    structures_ratio = national / structures
    rows_ratio = NATIONAL_ROWS * national / NATIONAL_STRUCTURES / rows
    figures = folder_estimates(site, structures_ratio, rows_ratio)
    real = folder_estimates(measured, 1.0, 1.0) if measured else {}
    print(f"\nPer folder, national estimate ({structures_ratio:.1f}× the structures, {rows_ratio:.1f}× the rows):")
    print(f"{'folder':<16}{'bytes':>11}{'files':>8}{'national':>12}{'files':>9}"
          + (f"{'measured':>12}{'files':>9}" if measured else ""))
    total = [0.0, 0.0, 0.0, 0.0]
    outside = [0.0, 0.0]
    for folder, row in sorted(figures.items(), key=lambda item: -item[1][2]):
        seen = real.get(folder, [0.0, 0.0])
        print(f"{folder:<16}{human(row[0]):>11}{row[1]:>8,.0f}{human(row[2]):>12}{row[3]:>9,.0f}"
              + (f"{human(seen[0]):>12}{seen[1]:>9,.0f}" if measured else ""))
        total = [a + b for a, b in zip(total, row, strict=True)]
        if folder not in ("services", "pagefind"):
            outside = [outside[0] + row[2], outside[1] + row[3]]
    real_total = [sum(r[0] for r in real.values()), sum(r[1] for r in real.values())]
    print(f"{'total':<16}{human(total[0]):>11}{total[1]:>8,.0f}{human(total[2]):>12}{total[3]:>9,.0f}"
          + (f"{human(real_total[0]):>12}{real_total[1]:>9,.0f}" if measured else ""))
    print(f"Outside services/ and pagefind/, national estimate: {human(outside[0])} in {outside[1]:,.0f} files")


def measure_structures(site: Path) -> int:
    return sum(1 for p in (site / "services").glob("*/index.html") if not p.parent.name.startswith("lettre-"))


def _largest(site: Path, pattern: str) -> Path | None:
    pages = [p for p in site.glob(pattern) if "lettre-" not in p.as_posix()]
    return max(pages, key=lambda p: p.stat().st_size) if pages else None


def _visit(browser, url: str, width: int) -> tuple[list[int], list[int]]:
    """Bytes of each response (headers + body) of a first visit, then after asking for every chart."""
    received: list[int] = []
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.on("requestfinished", lambda request: received.append(
        request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]))
    page.goto(url, wait_until="load")
    page.evaluate("""async () => {  // a reader who scrolls through the whole page
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    }""")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    first = list(received)
    asked = page.evaluate("() => { const buttons = document.querySelectorAll('.chart-explore button');"
                          " buttons.forEach((button) => button.click()); return buttons.length; }")
    if asked:
        page.wait_for_function("() => !document.querySelector('figure[data-chart-state=loading]')", timeout=60_000)
        page.wait_for_load_state("networkidle")
    after = list(received)
    context.close()
    return first, after


def print_visits(site: Path, width: int) -> None:
    from playwright.sync_api import sync_playwright

    print(f"\nFirst visit, empty cache, Chromium at {width} px (bytes received; then after pressing every "
          "'Version interactive' button):")
    print(f"{'page kind':<14}{'first visit':>14}{'requests':>10}{'with charts':>14}{'requests':>10}  page")
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for kind, pattern in VISITS:
            page_file = _largest(site, pattern)
            if page_file is None:
                continue
            first, after = _visit(browser, f"{base}/{page_file.relative_to(site).as_posix()}", width)
            print(f"{kind:<14}{human(sum(first)):>14}{len(first):>10}{human(sum(after)):>14}{len(after):>10}"
                  f"  {page_file.relative_to(site)}")
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, nargs="?", default=Path("output"))
    parser.add_argument("--structures", type=int, default=NATIONAL_STRUCTURES, help="national structure count")
    parser.add_argument("--width", type=int, default=390, help="viewport width of the visits (px)")
    parser.add_argument("--no-browser", action="store_true", help="host figures only")
    parser.add_argument("--national", type=Path, help="a national build, to print its measured folders beside")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"{args.site} : aucun site construit (index.html absent). Lancez d'abord `make site`.", file=sys.stderr)
        return 2
    print_host(args.site, args.structures)
    print_folders(args.site, args.structures, args.national)
    if not args.no_browser:
        print_visits(args.site, args.width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
