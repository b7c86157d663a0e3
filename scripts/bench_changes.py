#!/usr/bin/env python3
"""Like-with-like changes benchmark: what the build spends comparing aggregates on the structures present
at both periods (plugins/results/changes.py), for every national and network series.

Figures only, no pass/fail: the machines are shared and noisy. Usage:
    python scripts/bench_changes.py data/datapackage.json bench-data/national/datapackage.json
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results.facts import Facts  # noqa: E402
from results.i18n.formats import Formats  # noqa: E402
from results.load import load_catalog  # noqa: E402


def measure(descriptor: Path) -> None:
    catalog = load_catalog(descriptor)
    started = time.perf_counter()
    facts = Facts(catalog)
    built = time.perf_counter() - started
    series = [(indicator.id, None, facts.aggregates.national_series(indicator.id))
              for indicator in catalog.indicators.values()]
    series += [(indicator.id, network.id, facts.aggregates.network_series(network.id, indicator.id))
               for network in catalog.networks.values() for indicator in catalog.indicators_of_network(network.id)]
    started = time.perf_counter()
    compared = 0
    for indicator_id, network_id, points in series:
        if len(points) < 2:
            continue
        facts.comparisons.change(indicator_id, points[-2][0], points[-1][0], network_id)  # pages
        facts.comparisons.change(indicator_id, points[0][0], points[-1][0], network_id)  # chart sentences
        facts.composition(indicator_id, Formats("fr_FR"), network_id)
        compared += 2
    spent = time.perf_counter() - started
    print(f"{descriptor}: {len(catalog.results):,} lignes de résultats ; faits {built:.2f} s ; "
          f"{compared} comparaisons à structures constantes et compositions en {spent:.2f} s "
          f"({1000 * spent / max(compared, 1):.1f} ms chacune)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="+", type=Path)
    for descriptor in parser.parse_args(argv).packages:
        measure(descriptor)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
