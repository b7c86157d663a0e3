#!/usr/bin/env python3
"""Validator benchmark: rows/s and peak memory of our validator next to plain `frictionless validate`.

Each tool runs on the same package in its own child process; wall time is measured around it and
peak memory is that child's own maximum RSS (os.wait4). Figures only, no pass/fail: the machines
are shared and noisy. Usage:

    python scripts/bench_validate.py data/datapackage.json bench-data/national/datapackage.json

A package that does not exist yet (the national one before `make national-data`) is replaced by a
synthetic one: the first package's rows replicated until the results reach --rows, in a temporary
folder.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALIDATE = ROOT / "scripts" / "validate.py"

from results.core.parts import parts_of, table_of  # noqa: E402  (results: one file per network)


@dataclass(frozen=True)
class Tool:
    name: str
    command: Callable[[Path], list[str]]


TOOLS = {
    "ours": Tool("notre validateur (auto)", lambda p: [sys.executable, str(VALIDATE), str(p), "--format", "json"]),
    "ours-frictionless": Tool(
        "notre validateur (--engine frictionless)",
        lambda p: [sys.executable, str(VALIDATE), str(p), "--format", "json", "--engine", "frictionless"],
    ),
    "frictionless": Tool("frictionless validate", lambda p: [sys.executable, "-m", "frictionless", "validate", str(p)]),
}


@dataclass(frozen=True)
class Measure:
    seconds: float
    cpu_seconds: float  # user + system: steadier than wall time on a shared machine
    peak_mib: float
    exit_code: int
    output: str


def measure(command: list[str]) -> Measure:
    """Run `command` in a child process; its output goes to a file (a pipe could fill up and block)."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not a running maximum
        seconds = time.perf_counter() - started
        log.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Measure(seconds, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), log.read())


def count_rows(descriptor: Path) -> int:
    """Data rows of every CSV resource (records, not lines: quoted cells may span lines)."""
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    total = 0
    for resource in package["resources"]:
        with (descriptor.parent / resource["path"]).open(encoding="utf-8-sig", newline="") as stream:
            total += max(sum(1 for _ in csv.reader(stream)) - 1, 0)
    return total


def synthesize(source: Path, target: Path, results_rows: int) -> Path:
    """A big package: every structure (and its results, labels, experiences, actions) copied k times.

    Copy number n suffixes structure, experience and action ids with -Xn, so keys stay unique and
    every reference still resolves; the other files are copied as they are.
    """
    package = json.loads(source.read_text(encoding="utf-8"))
    paths = {resource["name"]: resource["path"] for resource in package["resources"]}
    existing = 0
    for resource in parts_of(package["resources"], "results"):  # one file per network
        with (source.parent / resource["path"]).open(encoding="utf-8", newline="") as stream:
            existing += sum(1 for _ in stream) - 1
    copies = max(1, -(-results_rows // max(existing, 1)))
    renamed = {
        "structures": ("id", "parent_id"),
        "results": ("structure_id",),
        "labels": ("structure_id",),
        "experiences": ("id", "structure_id"),
        "actions": ("id", "structure_id", "experience_id"),
    }
    target.mkdir(parents=True, exist_ok=True)
    (target / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")
    for name, path in paths.items():
        with (source.parent / path).open(encoding="utf-8", newline="") as reader_stream:
            rows = list(csv.reader(reader_stream))
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        with (target / path).open("w", encoding="utf-8", newline="") as writer_stream:
            writer = csv.writer(writer_stream, lineterminator="\n")
            writer.writerow(rows[0])
            columns = [rows[0].index(column) for column in renamed.get(table_of(name), ())]
            for copy in range(copies if table_of(name) in renamed else 1):
                for row in rows[1:]:
                    out = list(row)
                    for index in columns:
                        if copy and out[index]:
                            out[index] = f"{out[index]}-X{copy}"
                    writer.writerow(out)
    return target / "datapackage.json"


def thousands(number: float) -> str:
    return f"{number:,.0f}".replace(",", " ")


def bench(descriptor: Path, tools: list[str]) -> None:
    rows = count_rows(descriptor)
    size = sum(path.stat().st_size for path in descriptor.parent.rglob("*.csv")) / 1024**2
    print(f"\n== {descriptor} : {thousands(rows)} lignes, {size:.0f} Mio de CSV ==")
    print(f"{'outil':42s} {'durée':>9s} {'lignes/s':>10s} {'CPU':>8s} {'lignes/s CPU':>13s} {'pic mémoire':>12s}  code")
    for key in tools:
        tool = TOOLS[key]
        result = measure(tool.command(descriptor))
        engines = ""
        if key.startswith("ours") and result.output.lstrip().startswith("{"):
            used = {item["engine"] for item in json.loads(result.output)["resources"]}
            engines = f"  ({', '.join(sorted(used))})"
        print(
            f"{tool.name:42s} {result.seconds:8.1f}s {thousands(rows / result.seconds):>10s} "
            f"{result.cpu_seconds:7.1f}s {thousands(rows / max(result.cpu_seconds, 1e-3)):>13s} "
            f"{result.peak_mib:8.0f} Mio  {result.exit_code}{engines}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="+", type=Path, help="datapackage.json files")
    parser.add_argument(
        "--tools", default="ours,ours-frictionless,frictionless", help="comma-separated: " + ", ".join(TOOLS)
    )
    parser.add_argument("--rows", type=int, default=1_500_000, help="results rows of a synthetic package")
    args = parser.parse_args(argv)
    tools = [tool.strip() for tool in args.tools.split(",") if tool.strip()]
    unknown = set(tools) - TOOLS.keys()
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    print(
        f"Python {sys.version.split()[0]}, {os.cpu_count()} processeurs, charge {os.getloadavg()[0]:.1f} ; "
        "durée murale, temps CPU (utilisateur + système) et pic de mémoire résidente de chaque processus"
    )
    with tempfile.TemporaryDirectory(prefix="bench-validate-") as tmp:
        for descriptor in args.packages:
            if not descriptor.exists():
                source = args.packages[0]
                print(f"\n{descriptor} absent : paquet synthétique construit à partir de {source}")
                descriptor = synthesize(source, Path(tmp) / "synthetic", args.rows)
            bench(descriptor.resolve(), tools)
    return 0


if __name__ == "__main__":
    sys.exit(main())
