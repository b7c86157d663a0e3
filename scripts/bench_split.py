#!/usr/bin/env python3
"""Sizes of the data files of a package against the budget: every file under 25 MB, one file per network.

At national scale one results file was 112 MB (GitHub refuses files over 100 MB, its web editor
cannot open them): the results are now one file per network, one per year past 10 MB
(plugins/results/core/parts.py). This prints each file's size, the largest, and each network's
share, so the budget can be followed as the programme grows. Figures only, no pass/fail (the test
suite checks the budget on the generator's output at a reduced scale). Usage:

    python scripts/bench_split.py data/datapackage.json [bench-data/national/datapackage.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results.core.parts import MAX_FILE_BYTES, SPLIT_BYTES, part_of_path  # noqa: E402


def megabytes(size: int) -> str:
    return f"{size / 1e6:8.2f} Mo"


def report(descriptor: Path) -> list[str]:
    """The lines printed for one package."""
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    sizes = {resource["path"]: (descriptor.parent / resource["path"]).stat().st_size
             for resource in package["resources"]}
    sizes["datapackage.json"] = descriptor.stat().st_size
    lines = [f"== {descriptor} : {len(sizes)} fichiers, {megabytes(sum(sizes.values())).strip()} au total =="]
    for path, size in sorted(sizes.items(), key=lambda item: -item[1]):
        flag = "  ⚠️ au-dessus du budget" if size >= MAX_FILE_BYTES else ""
        lines.append(f"  {path:42s} {megabytes(size)}{flag}")
    networks: dict[str, list[int]] = {}
    for path, size in sizes.items():
        part = part_of_path(path)
        if part is not None:
            networks.setdefault(part.network, []).append(size)
    lines.append("  par réseau (fichiers de résultats) :")
    for network, found in sorted(networks.items(), key=lambda item: -sum(item[1])):
        lines.append(f"    {network:40s} {megabytes(sum(found))} en {len(found)} fichier(s)")
    largest = max(sizes, key=sizes.__getitem__)
    lines.append(f"  plus gros fichier : {largest} ({megabytes(sizes[largest]).strip()}) ; budget "
                 f"{MAX_FILE_BYTES / 1e6:.0f} Mo par fichier, découpage par année au-delà de "
                 f"{SPLIT_BYTES / 1e6:.0f} Mo")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="+", type=Path, help="datapackage.json files")
    args = parser.parse_args(argv)
    for descriptor in args.packages:
        if not descriptor.is_file():
            print(f"{descriptor} : absent, ignoré (make national-data le génère)")
            continue
        print("\n".join(report(descriptor)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
