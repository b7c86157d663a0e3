"""Generate the demo Data Package: real French geography, invented but plausible results.

    python scripts/generate_demo_data.py                      # rewrite the committed data/*.csv
    python scripts/generate_demo_data.py --scale national --output bench-data/national

The output is a pure function of --scale and --seed, so data/ can be regenerated and compared
byte for byte (tests/test_generate_demo_data.py does). The tables' schema is the programme's, kept
in plugins/results/core/resources.json; the descriptor written next to the CSVs (data/datapackage.json
included) is the package's hand-edited metadata from data/datapackage.json plus those resources.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))  # results.core: rules shared with the site

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
    size = sum(p.stat().st_size for p in output.glob("*.csv"))
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
