#!/usr/bin/env python3
"""Cost of the bilingual site: build time and output size, French only next to French + English.

    python scripts/bench_languages.py data/datapackage.json [bench-data/national/datapackage.json]

Each package is built twice with the real Pelican and plugin, into temporary folders, each build with
its own empty chart cache (both cold, so the figures compare): `LANGUAGES = ["fr_FR"]`, then
`["fr_FR", "en_GB"]`. Printed: seconds, files and bytes of the whole site, and of its `en/` part.
Figures only, never a pass/fail: the machine's load changes the seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results.core.sizes import file_size  # noqa: E402

BUILDS = {"français seul": ["fr_FR"], "français + anglais": ["fr_FR", "en_GB"]}


def build(package: Path, output: Path, languages: list[str]) -> float:
    """Seconds to build `package` into `output` in `languages` (validation not included)."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(ROOT / "content"), "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "OUTPUT_PATH": str(output), "RESULTS_DATA": str(package), "LANGUAGES": languages,
        "RESULTS_CHART_CACHE": str(output.parent / "chart-cache"),
    })
    started = time.perf_counter()
    Pelican(settings).run()
    return time.perf_counter() - started


def size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
    return len(files), sum(path.stat().st_size for path in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="+", type=Path, help="datapackage.json of each package to build")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    print("| paquet | langues | construction | fichiers | taille | dont en/ |")
    print("|---|---|---:|---:|---:|---:|")
    for package in args.packages:
        for name, languages in BUILDS.items():
            with tempfile.TemporaryDirectory(prefix="bench-languages-") as folder:
                output = Path(folder) / "output"
                seconds = build(package.resolve(), output, languages)
                files, total = size(output)
                english_files, english = size(output / "en")
                print(f"| {package.parent.name} | {name} | {seconds:.1f} s | {files} | {file_size(total)} | "
                      f"{english_files} fichiers, {file_size(english)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
