#!/usr/bin/env python3
"""Data-diff benchmark: time and peak memory of `scripts/data_diff.py` on a realistic pull request.

For each package given, a copy gets what a network's maintainer does to publish a quarter
(CONTRIBUTING.md §3), in the network's own results file only: the network's rows of its latest
quarter and of that quarter's months are copied to the next ones, and `version`, `as_of` and
`releases` move. The diff then runs in a child process, twice: the package against itself (nothing
changed) and the base against the publication (which also loads the package with the plugin to
check which networks become late). Figures only, no pass/fail: the machines are shared and noisy. Usage:

    python scripts/bench_data_diff.py data/datapackage.json [bench-data/national/datapackage.json]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from results.core.parts import Part, expand, parts_of  # noqa: E402  (one results file per network)
from results.core.periods import Period  # noqa: E402  (the plugin's period grammar)
from results.core.schema import canonical_resources  # noqa: E402
from results.i18n.formats import Formats  # noqa: E402  (the release title is French, like the data)


def publish_quarter(descriptor: Path, network_id: str = "caf") -> tuple[Period, int]:
    """Publish the next quarter of `network_id` in the package at `descriptor`, in place.

    Returns the new quarter and the number of rows added. Values are copied from the previous
    period (a benchmark needs the volume, not the figures), with the `provisional` status.
    """
    folder = descriptor.parent
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    files = [Part("results", network_id), *(Part("results", network_id, year) for year in range(2000, 2100))]
    declared = {resource["path"] for resource in parts_of(package["resources"], "results")}
    mine = [part for part in files if part.path in declared]  # the network's file, or its files per year
    header: list[str] = []
    own: list[dict[str, str]] = []
    for part in mine:
        with (folder / part.path).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            header, own = list(reader.fieldnames or []), own + list(reader)
    quarter = max((Period.parse(r["period"]) for r in own if "-Q" in r["period"]), default=None)
    if quarter is None:
        raise SystemExit(f"le réseau {network_id} n'a aucune période trimestrielle à prolonger")
    months = {quarter.start.month + i for i in range(3)}
    published = dt.date.today().isoformat()
    added = []
    for row in own:
        period = Period.parse(row["period"])
        if period == quarter:
            new = quarter.shifted(1)
        elif period.kind == "month" and period.year == quarter.year and period.index in months:
            new = period.shifted(3)
        else:
            continue
        added.append({**row, "period": new.code, "status": "provisional", "updated_on": published})
    new_quarter = quarter.shifted(1)
    target = mine[0] if mine[0].year is None else Part("results", network_id, new_quarter.year)
    if target.path not in declared:  # a network split by year starts a new year's file
        template = next(r for r in canonical_resources() if r["name"] == "results")
        last = max(i for i, r in enumerate(package["resources"]) if r.get("path") in {p.path for p in mine})
        package["resources"].insert(last + 1, expand(template, target))
        (folder / target.path).write_text(",".join(header) + "\n", encoding="utf-8", newline="")
    with (folder / target.path).open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerows(added)
    version = f"{new_quarter.year}.{new_quarter.index}.0"
    as_of = (new_quarter.end + dt.timedelta(days=46)).isoformat()
    package["version"], package["as_of"] = version, as_of
    package.setdefault("releases", []).append(
        {"version": version, "date": as_of, "title": f"Résultats du {Formats('fr_FR').period(new_quarter)}"}
    )
    descriptor.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return new_quarter, len(added)


def measure(base: Path, head: Path) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MiB, summary lines) of one diff in a child process."""
    command = [sys.executable, str(ROOT / "scripts" / "data_diff.py"), "--base", str(base), "--head", str(head)]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        out.seek(0)
        lines = len(out.read().splitlines())
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"data_diff a échoué sur {head}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="+", type=Path, help="datapackage.json files")
    parser.add_argument("--network", default="caf", help="the network that publishes (default: caf)")
    args = parser.parse_args(argv)
    for descriptor in args.packages:
        if not descriptor.is_file():
            print(f"{descriptor} : absent, ignoré")
            continue
        with tempfile.TemporaryDirectory(prefix="bench-data-diff-") as tmp:
            head = Path(shutil.copytree(descriptor.parent, Path(tmp) / "head")) / "datapackage.json"
            quarter, added = publish_quarter(head, args.network)
            rows = 0
            for part in parts_of(json.loads(descriptor.read_text(encoding="utf-8"))["resources"], "results"):
                with (descriptor.parent / part["path"]).open(encoding="utf-8") as handle:
                    rows += sum(1 for _ in handle) - 1
            print(f"{descriptor} — {rows:,} lignes de résultats".replace(",", "\u202f"))
            for label, base_path, head_path in (
                ("paquet inchangé", descriptor, descriptor),
                (f"{args.network} publie {quarter.code} (+{added} lignes)", descriptor, head),
            ):
                seconds, cpu, peak, lines = measure(base_path, head_path)
                print(f"  {label:<40} {seconds:6.2f} s  (CPU {cpu:5.2f} s)  {peak:7.0f} Mio  {lines} lignes de résumé")
    return 0


if __name__ == "__main__":
    sys.exit(main())
