#!/usr/bin/env python3
"""Cost of the open-data downloads per file and per page kind, without Pelican's page rendering.

    .venv/bin/python scripts/bench_downloads.py data/datapackage.json [--sample 2000]

Reports encoding (once per build), CSV and JSON cost per structure file (no XLSX: not published per
structure), then the bytes of every page kind's result CSV with the columns it publishes
(downloads/columns.py, ExtractKind) beside what the same rows would weigh with every column
(RESULT_COLUMNS, before #15): on the national package (/tmp/national-pkg) these are the national
figures themselves, not an extrapolation.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results.downloads import DownloadsSection  # noqa: E402
from results.downloads.columns import (  # noqa: E402
    INDICATOR_FILE,
    NETWORK_FILE,
    RESULT_COLUMNS,
    STRUCTURE_FILE,
    TERRITORY_FILE,
)
from results.downloads.rows import RESULT_NAMES, csv_text  # noqa: E402
from results.downloads.section import NO_ROWS  # noqa: E402
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

        def csv_size(structure, positions) -> int:
            return len(csv_text(STRUCTURE_FILE.columns, state.encoded.cells(positions, STRUCTURE_FILE.names, "csv")))

        def json_size(structure, positions) -> int:
            latest = state.latest_by_structure.get(structure.id, NO_ROWS)
            return len(state.api.structure(structure, positions, latest, {}).encode())

        for name, measure in (("CSV", csv_size), ("JSON", json_size)):
            started = time.perf_counter()
            size = sum(measure(s, p) for s, p in zip(structures, rows, strict=True))
            elapsed = time.perf_counter() - started
            per_file = elapsed / len(rows) * 1000
            print(f"structure {name:5s} {per_file:6.3f} ms/file, {size / len(rows) / 1000:6.1f} kB avg")
        print(f"{'result CSV of':<18}{'files':>7}{'published':>12}{'every column':>14}{'per file':>10}")
        for label, kind, groups in (
            ("structure pages", STRUCTURE_FILE, state.by_structure),
            ("network pages", NETWORK_FILE, state.by_network),
            ("indicator pages", INDICATOR_FILE, state.by_indicator),
            ("région pages", TERRITORY_FILE, state.by_region),
            ("département pages", TERRITORY_FILE, state.by_departement),
        ):
            published = every = 0
            for positions in groups.values():
                published += len(csv_text(kind.columns, state.encoded.cells(positions, kind.names, "csv")))
                every += len(csv_text(RESULT_COLUMNS, state.encoded.cells(positions, RESULT_NAMES, "csv")))
            count = max(len(groups), 1)
            print(f"{label:<18}{len(groups):>7,}{published / 1e6:>9.1f} MB{every / 1e6:>11.1f} MB"
                  f"{published / count / 1000:>7.1f} kB")
        print(f"average rows per structure: {sum(len(p) for p in rows) / max(len(rows), 1):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
