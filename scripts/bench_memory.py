#!/usr/bin/env python3
"""Memory benchmark: how a build's peak memory grows with the number of structures, and the national
figure it extrapolates to.

A national build takes an hour on a shared machine; its memory can be read from smaller ones. For each
scale (`scripts/demo_data/scales.py`: the demo, then `regional`, about an eighth of national), the
package is generated, built cold (empty chart cache) and rebuilt with `--force` (every chart from the
cache); each build's peak RSS is printed with the package's structure count. A straight line through
the points (least squares) gives the memory per structure and the figure at national scale
(`--national`, the national package's structure count). Figures only, no pass/fail. Usage:
    python scripts/bench_memory.py                        # demo and regional
    python scripts/bench_memory.py --scales demo --workdir bench-data/memory
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench_build import measured_build  # noqa: E402

NATIONAL_STRUCTURES = 15_359  # scripts/generate_demo_data.py --scale national


def structure_count(descriptor: Path) -> int:
    with (descriptor.parent / "structures.csv").open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def package(scale: str, workdir: Path) -> Path:
    """The package of a scale: generated (the same bytes every time) into the work folder."""
    folder = workdir / scale
    if not (folder / "datapackage.json").is_file():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_demo_data.py"), "--scale", scale,
                        "--output", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder / "datapackage.json"


def line_through(points: list[tuple[int, float]]) -> tuple[float, float]:
    """(intercept, slope) of the least-squares line through (structures, MiB) points."""
    count = len(points)
    mean_x = sum(x for x, _ in points) / count
    mean_y = sum(y for _, y in points) / count
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread if spread else 0.0
    return mean_y - slope * mean_x, slope


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", nargs="+", default=["demo", "regional"])
    parser.add_argument("--workdir", type=Path, help="where packages, sites and chart caches go (default: temporary)")
    parser.add_argument("--national", type=int, default=NATIONAL_STRUCTURES, help="structures to extrapolate to")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        workdir = (args.workdir or Path(tmp)).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        runs: dict[str, list[tuple[int, float]]] = {"froid": [], "forcée": []}
        for scale in args.scales:
            data = package(scale, workdir)
            structures = structure_count(data)
            output, cache = workdir / f"{scale}-site", workdir / f"{scale}-charts"
            for run, extra in (("froid", ()), ("forcée", ("--force",))):
                seconds, cpu, peak, _log = measured_build(data, output, cache, extra)
                runs[run].append((structures, peak))
                print(f"{scale:10s} {structures:6d} structures  construction {run:7s} {seconds:7.1f} s "
                      f"(CPU {cpu:6.1f} s)  pic mémoire {peak:6.0f} Mio", flush=True)
        for run, points in runs.items():
            if len({x for x, _ in points}) < 2:
                continue
            intercept, slope = line_through(points)
            print(f"construction {run:7s}: {slope * 1024:.0f} Kio par structure en plus, {intercept:.0f} Mio fixes ; "
                  f"à {args.national} structures : {intercept + slope * args.national:.0f} Mio (extrapolé)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
