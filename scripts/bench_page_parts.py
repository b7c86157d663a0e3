#!/usr/bin/env python3
"""Where a structure page's bytes go: its <head>, the site-wide chrome, each part of its content.

    .venv/bin/python scripts/bench_page_parts.py output [--structures 15359] [--prefix en/]

A structure page is written ~15 000 times nationally, in each language: a part that costs 1 KB costs
15 MB of the 1 GB Pages budget per language (issue #15). This prints, over every structure page of a
built site (`services/<slug>/index.html`, or `<prefix>services/…`), the average bytes of each part, its
share and its national cost, then the average and largest page. Parts are cut out of the page with
patterns on the theme's own markup, innermost first (the chart's data before its figure, the history
tables before their indicator block), so that they add up to the page; what no pattern claims is
"autre". "Blancs" is not a part: it counts the whitespace between tags, wherever it is.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

NATIONAL_STRUCTURES = 15_359  # scripts/generate_demo_data.py --scale national

# (part, pattern): cut out in this order, innermost first, so that no byte is counted twice.
PARTS = (
    ("head : chaînes des scripts (JSON)", r'<script type="application/json" class="site-strings">.*?</script>'),
    ("head : alternates hreflang", r'<link rel="alternate" hreflang=[^>]*>'),
    ("head : le reste", r"<head>.*?</head>"),
    ("en-tête : recherche", r'<form class="header-search".*?</form>'),
    ("en-tête : langues", r'<nav class="language[^"]*".*?</nav>'),
    ("en-tête : menu", r'<nav class="site-nav".*?</nav>'),
    ("en-tête : le reste", r'<a class="skip-link".*?</header>'),
    ("bandeau démonstration", r'<div class="demo-banner".*?</div>'),
    ("fil d'Ariane", r'<nav class="breadcrumb.*?</nav>'),
    ("pied de page", r"<footer.*?</footer>"),
    ("index de recherche (caché)", r'<div class="search-record".*?</div>'),
    ("graphique : données (JSON)", r'<script type="application/json" id="[^"]*">.*?</script>'),
    ("graphique : résumé", r'<figcaption.*?</figcaption>'),
    ("graphique : le reste", r'<figure class="chart".*?</figure>'),
    ("en bref (verdict)", r'<section class="verdict".*?</section>'),
    ("indicateurs : tableaux d'historique", r'<div class="table-wrap".*?</table>\s*</div>'),
    ("indicateurs : dépliant", r"<details>.*?</details>"),
    ("indicateurs : chiffres (dl)", r'<dl class="figures">.*?</dl>'),
    ("indicateurs : le reste", r'<section class="indicator-block".*?</section>'),
    ("label", r'<section class="label-block".*?</section>'),
    ("expériences, actions", r'<section class="(?:voice|improvements)".*?</section>'),
    ("téléchargements", r'<section class="downloads".*?</section>'),
    ("identité", r'<div class="identity">.*?</div>'),
)
COMPILED = tuple((name, re.compile(pattern, re.S)) for name, pattern in PARTS)
WHITESPACE = re.compile(r">(\s+)<")


def parts_of(html: str) -> Counter[str]:
    """Bytes of each part of one page (UTF-8), "autre" for the rest and "blancs" beside them."""
    costs: Counter[str] = Counter()
    costs["blancs (entre balises)"] = sum(len(gap) for gap in WHITESPACE.findall(html))
    rest = html
    for name, pattern in COMPILED:
        pieces = pattern.findall(rest)
        costs[name] += sum(len(piece.encode()) for piece in pieces)
        rest = pattern.sub("", rest)
    costs["autre"] = len(rest.encode())
    return costs


def human(size: float) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}".replace(",", " ")
    return f"{size:.0f} B"


def structure_pages(site: Path, prefix: str) -> list[Path]:
    return sorted(page for page in (site / prefix / "services").glob("*/index.html")
                  if not page.parent.name.startswith("lettre-"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--structures", type=int, default=NATIONAL_STRUCTURES)
    parser.add_argument("--prefix", default="", help="language folder, e.g. en/ (default: the root)")
    args = parser.parse_args(argv)
    pages = structure_pages(args.site, args.prefix)
    if not pages:
        print(f"Aucune page de structure sous {args.site / args.prefix / 'services'}")
        return 1
    totals: Counter[str] = Counter()
    sizes = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        sizes.append((len(html.encode()), page))
        totals.update(parts_of(html))
    count = len(pages)
    average = sum(size for size, _ in sizes) / count
    largest, largest_page = max(sizes)
    print(f"{count} pages de structure sous {args.site / args.prefix}: moyenne {human(average)}, "
          f"plus grande {human(largest)} ({largest_page.parent.name}), "
          f"national ×{args.structures:,}: {human(average * args.structures)}")
    print(f"{'partie':<38}{'moyenne':>10}{'part':>7}{'national':>11}")
    for name, size in sorted(totals.items(), key=lambda item: -item[1]):
        if name.startswith("blancs"):
            continue
        print(f"{name:<38}{human(size / count):>10}{size / count / average:>7.1%}"
              f"{human(size / count * args.structures):>11}")
    blanks = totals["blancs (entre balises)"] / count
    print(f"{'(dont blancs entre balises)':<38}{human(blanks):>10}{blanks / average:>7.1%}"
          f"{human(blanks * args.structures):>11}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
