#!/usr/bin/env python3
"""Validator time and peak memory on one row with many extra cells (issue #14, item 4): must grow linearly.

    python scripts/bench_wide_rows.py [--commas 2000 10000 100000]

Each case is a copy of tests/fixtures/good whose third results/caf.csv line gets N extra commas,
validated by scripts/validate.py in its own process (peak memory from getrusage of that child).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "good"


def measure(commas: int, folder: Path) -> tuple[float, float, int]:
    package = folder / f"wide-{commas}"
    shutil.copytree(GOOD, package)
    results = package / "results" / "caf.csv"
    lines = results.read_text("utf-8").split("\n")
    lines[2] += "," * commas
    results.write_text("\n".join(lines), "utf-8")
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    code = subprocess.run([sys.executable, str(ROOT / "scripts" / "validate.py"), str(package)],
                          capture_output=True, check=False).returncode
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return time.perf_counter() - started, max(peak, before) / 1024, code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commas", type=int, nargs="+", default=[0, 2000, 10000, 100000])
    args = parser.parse_args()
    print(f"{'virgules':>9} {'secondes':>9} {'Mo (pic)':>9} {'sortie':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for commas in args.commas:
            seconds, megabytes, code = measure(commas, Path(folder))
            print(f"{commas:>9} {seconds:>9.2f} {megabytes:>9.0f} {code:>6}")
    print("(le pic de mémoire est le maximum atteint par un processus fils jusque-là : il ne peut que croître)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
