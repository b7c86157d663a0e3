"""Generate the demo Data Package: real French geography, invented but plausible results.

    python scripts/generate_demo_data.py --output /tmp/demo         # a demo package anywhere
    python scripts/generate_demo_data.py                             # overwrite data/ with the demo
    python scripts/generate_demo_data.py --scale national --output bench-data/national

The output is a pure function of --scale and --seed: two runs write the same bytes (the tests
generate their demo package this way, never reading data/). The tables' schema is the programme's,
kept in plugins/results/core/resources.json; the rest of the descriptor (version, as_of, releases)
is the demo's own, in scripts/demo_data/metadata.json, so a programme's publications never change it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from demo_data.package import DATA_DIR, Summary, generate
from demo_data.scales import SCALES

DEFAULT_SEED = 20261115


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DATA_DIR, help="dossier où écrire les CSV (défaut : data)")
    parser.add_argument("--scale", choices=sorted(SCALES), default="demo",
                        help="demo : le jeu publié ; national : ~15 000 structures pour les mesures de performance")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="graine du générateur aléatoire")
    return parser.parse_args(argv)


def report(summary: Summary, output: Path, seconds: float) -> str:
    size = sum(p.stat().st_size for p in output.rglob("*.csv"))
    counts = ", ".join(f"{name} {count:,}".replace(",", " ") for name, count in summary.rows.items())
    return f"{output} : {counts} — {size / 1e6:.1f} Mo en {seconds:.1f} s"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    summary = generate(args.output, SCALES[args.scale], args.seed)
    print(report(summary, args.output, time.perf_counter() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
