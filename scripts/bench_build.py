#!/usr/bin/env python3
"""Build benchmark: wall time, peak memory and pages written, cold then warm, for each package given.

Figures only, no pass/fail: the machines are shared and noisy. Usage:
    python scripts/bench_build.py data/datapackage.json bench-data/national/datapackage.json
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measured_build(data: Path, output: Path, cache: Path, extra: tuple[str, ...] = ()) -> tuple[float, float, str]:
    """Run scripts/build.py in a child process: (seconds, peak RSS of that child in MiB, its log)."""
    with tempfile.TemporaryFile(mode="w+") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "build.py"), "--data", str(data), "--output", str(output),
             "--chart-cache", str(cache), *extra],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True,
        )
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not a running maximum
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if process.returncode:
        raise SystemExit(f"build failed for {data}:\n{text[-4000:]}")
    return seconds, usage.ru_maxrss / 1024, text


def page_stats(output: Path, structure_glob: str = "services/*/index.html") -> tuple[int, int, int]:
    pages = sum(1 for _ in output.rglob("*.html"))
    files = sum(1 for p in output.rglob("*") if p.is_file())
    structure_pages = (p for p in output.glob(structure_glob) if not p.parent.name.startswith("lettre-"))
    largest = max((p.stat().st_size for p in structure_pages), default=0)
    return pages, files, largest


def bench(data: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        workdir = Path(tmp)
        output, cache = workdir / "output", workdir / "chart-cache"
        print(f"\n== {data} ==")
        runs = (
            ("froid (cache vide)", ()),
            ("reconstruction forcée", ("--force",)),  # every page rewritten, charts from the cache
            ("rien n'a changé", ()),  # the input fingerprint matches: nothing to do
        )
        for run, extra in runs:
            seconds, peak, log = measured_build(data, output, cache, extra)
            pages, files, largest = page_stats(output)
            print(f"{run:24s} {seconds:8.1f} s   pic mémoire {peak:7.0f} Mio   "
                  f"{pages} pages HTML, {files} fichiers, page de structure la plus lourde {largest / 1024:.0f} Ko")
            for line in re.findall(r"(?m)^graphiques : .*$", log):
                print(f"{'':24s} {line.strip()}")
        shutil.rmtree(output, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("packages", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for package in args.packages:
        bench(package.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
