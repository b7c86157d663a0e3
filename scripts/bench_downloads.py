#!/usr/bin/env python3
"""Cost of the open-data downloads per file and per page kind, without Pelican's page rendering.

    .venv/bin/python scripts/bench_downloads.py data/datapackage.json [--sample 2000]

Reports encoding (once per build), CSV / XLSX / JSON cost per structure file, the whole per-page
step (three files written), the other page kinds and the package zip, so a change to the writers
can be compared on the demo and the national-scale packages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from results.downloads import DownloadsSection  # noqa: E402
from results.downloads.columns import RESULT_COLUMNS  # noqa: E402
from results.downloads.extracts import RESULTS_SHEET  # noqa: E402
from results.downloads.rows import RESULT_NAMES, csv_text  # noqa: E402
from results.downloads.section import NO_ROWS  # noqa: E402
from results.downloads.xlsx import Sheet, workbook_bytes  # noqa: E402
from results.load import load_catalog  # noqa: E402
from results.sections import Site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path)
    parser.add_argument("--sample", type=int, default=2000, help="structures timed per measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-downloads-") as folder:
        settings = {"RESULTS_DATA": str(args.package.resolve()), "OUTPUT_PATH": folder,
                    "PATH": str(ROOT / "content"), "SITEURL": ""}
        started = time.perf_counter()
        catalog = load_catalog(args.package)
        site = Site.of(catalog, settings)
        print(f"load + views: {time.perf_counter() - started:.2f} s ({len(catalog.results):,} result rows)")
        section = DownloadsSection(site)
        started = time.perf_counter()
        state = section.prepared
        print(f"encode + group once: {time.perf_counter() - started:.2f} s")
        structures = list(catalog.structures.values())[: args.sample]
        rows = [state.by_structure.get(s.id, NO_ROWS) for s in structures]
        writer, day = state.writer, catalog.info.as_of

        def csv_size(structure, positions) -> int:
            return len(csv_text(RESULT_COLUMNS, state.encoded.cells(positions, RESULT_NAMES, "csv")))

        def xlsx_size(structure, positions) -> int:
            cells = state.encoded.cells(positions, RESULT_NAMES, "xml")
            sheets = [Sheet(RESULTS_SHEET, RESULT_NAMES, cells, writer.widths),
                      writer.about.sheet("titre", "lignes", "page", [(RESULTS_SHEET, writer.columns.results)])]
            return len(workbook_bytes(sheets, "titre", "éditeur", day))

        def json_size(structure, positions) -> int:
            return len(state.api.structure(structure, positions, {}).encode())

        for name, measure in (("CSV", csv_size), ("XLSX", xlsx_size), ("JSON", json_size)):
            started = time.perf_counter()
            size = sum(measure(s, p) for s, p in zip(structures, rows, strict=True))
            elapsed = time.perf_counter() - started
            per_file = elapsed / len(rows) * 1000
            print(f"structure {name:5s} {per_file:6.3f} ms/file, {size / len(rows) / 1000:6.1f} kB avg")
        for label, template, key, items in (
            ("structure pages", "structure", "structure", structures),
            ("network pages", "network", "network", list(catalog.networks.values())),
            ("indicator pages", "indicator", "indicator", list(catalog.indicators.values())),
            ("région pages", "region", "region", list(catalog.regions.values())),
            ("département pages", "departement", "departement", list(catalog.departements.values())),
        ):
            started = time.perf_counter()
            for item in items:
                section.extend(template, {key: item})
            elapsed = time.perf_counter() - started
            print(f"{label:18s} {elapsed / max(len(items), 1) * 1000:7.2f} ms/page (files written)")
        started = time.perf_counter()
        section.extend("open_data", {})
        print(f"package copy + zip: {time.perf_counter() - started:.2f} s")
        print(f"average rows per structure: {sum(len(p) for p in rows) / max(len(rows), 1):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
