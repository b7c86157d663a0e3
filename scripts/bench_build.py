#!/usr/bin/env python3
"""Build benchmark: wall time, peak memory, pages rendered and files rewritten, for each package given.
Then the search index of the last build (scripts/bench_search.py): its build time, size and a first
query's bytes.

Runs, on a copy of the package: a cold build, a forced rebuild (every chart from the cache), a build
where nothing changed, a maintainer's correction of one value (`revised`, with a note), and a new
quarter for one network (as `make bench-data-diff` publishes it). The last two are incremental:
only pages whose inputs changed are rendered, and only files whose bytes changed are rewritten.
Each run prints its wall time and the CPU time of its build process (user + system: less sensitive
than the wall time to the other work of a shared machine). With `--profile FOLDER`, the correction of
one value and the forced rebuild run under cProfile: their profiles are kept in FOLDER and their top costs
are printed. After the cold build, the bytes and files of each page kind (scripts/bench_site_size.py).
Figures only, no pass/fail: the machines are shared and noisy. Usage:
    python scripts/bench_build.py data/datapackage.json bench-data/national/datapackage.json
    python scripts/bench_build.py data/datapackage.json --profile bench-data/profiles
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench_data_diff import publish_quarter  # noqa: E402
from bench_search import bench_site  # noqa: E402
from bench_site_size import human, measure  # noqa: E402

INCREMENTAL = re.compile(r"(\d+) pages rendues, (\d+) reprises telles quelles")
REWRITTEN = re.compile(r"(\d+) fichiers réécrits, (\d+) inchangés")


def measured_build(data: Path, output: Path, cache: Path, extra: tuple[str, ...] = (),
                   profile: Path | None = None) -> tuple[float, float, float, str]:
    """Run scripts/build.py in a child process: (seconds, CPU seconds and peak RSS in MiB of that child,
    its log); with `profile`, under cProfile writing there."""
    runner = ["-m", "cProfile", "-o", str(profile)] if profile is not None else []
    with tempfile.TemporaryFile(mode="w+") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, *runner, str(ROOT / "scripts" / "build.py"), "--data", str(data), "--output", str(output),
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
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def print_profile(profile: Path, top: int = 25) -> None:
    """The profile's top costs, by cumulative time (what each step costs with what it calls)."""
    import io
    import pstats

    stream = io.StringIO()
    pstats.Stats(str(profile), stream=stream).sort_stats("cumulative").print_stats(top)
    print(f"{'':24s} profil ({profile}) :")
    for line in stream.getvalue().splitlines():
        if line.strip() and not line.startswith(("   Ordered by", "   List reduced")):
            print(f"{'':24s} {line}")


def page_stats(output: Path, structure_glob: str = "services/*/index.html") -> tuple[int, int, int, int]:
    """HTML pages, files, bytes of the whole site, and the largest structure page's bytes."""
    pages = sum(1 for _ in output.rglob("*.html"))
    sizes = [p.stat().st_size for p in output.rglob("*") if p.is_file()]
    structure_pages = (p for p in output.glob(structure_glob) if not p.parent.name.startswith("lettre-"))
    largest = max((p.stat().st_size for p in structure_pages), default=0)
    return pages, len(sizes), sum(sizes), largest


def print_kinds(output: Path) -> None:
    """Bytes and files of each page kind (scripts/bench_site_size.py's kinds), heaviest first."""
    sizes, files, _, structures = measure(output)
    print(f"{'':24s} coût par type de page ({structures} structures) :")
    for kind, size in sizes.most_common():
        print(f"{'':26s} {kind:28s} {human(size):>10s} {files[kind]:8d} fichiers")


def correct_one_value(descriptor: Path) -> str:
    """A maintainer's correction: the first `final` value of the CAF's results file, minus one, becomes
    `revised` (the results are one file per network: plugins/results/core/parts.py)."""
    results = descriptor.parent / "results" / "caf.csv"
    lines = results.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    value, status, note = header.index("value"), header.index("status"), header.index("note")
    for number, line in enumerate(lines[1:], start=1):
        cells = line.rstrip("\n").split(",")
        if len(cells) == len(header) and cells[status] == "final" and cells[value]:
            number_value = float(cells[value])
            cells[value] = f"{number_value - 1 if number_value >= 1 else number_value + 1:g}"  # stays in range
            cells[status], cells[note] = "revised", "Erreur de saisie corrigée"
            lines[number] = ",".join(cells) + "\n"
            results.write_text("".join(lines), encoding="utf-8")
            return f"{cells[0]} {cells[1]} {cells[2]}"
    raise SystemExit("aucune valeur définitive à corriger")


def new_quarter(descriptor: Path) -> str:
    try:
        quarter, rows = publish_quarter(descriptor, "caf")
    except SystemExit as reason:  # a package without quarterly results: the run is still a rebuild
        return f"aucun ({reason})"
    return f"CAF {quarter.code}, {rows} lignes"


def incremental_figures(log: str) -> str:
    rendered, rewritten = INCREMENTAL.search(log), REWRITTEN.search(log)
    parts = []
    if rendered:
        parts.append(f"{rendered.group(1)} pages rendues, {rendered.group(2)} reprises")
    if rewritten:
        parts.append(f"{rewritten.group(1)} fichiers réécrits, {rewritten.group(2)} inchangés")
    return " ; ".join(parts)


def bench(source: Path, profiles: Path | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        workdir = Path(tmp)
        output, cache = workdir / "output", workdir / "chart-cache"
        shutil.copytree(source.parent, workdir / "package")  # the package is changed by the last runs
        data = workdir / "package" / source.name
        print(f"\n== {source} ==")
        runs: tuple[tuple[str, tuple[str, ...], Callable[[Path], str] | None], ...] = (
            ("froid (cache vide)", (), None),
            ("reconstruction forcée", ("--force",), None),  # every page rendered, charts from the cache
            ("rien n'a changé", (), None),  # the input fingerprint matches: nothing to do
            ("une valeur corrigée", (), correct_one_value),  # only the pages that show it are rendered
            ("nouveau trimestre", (), new_quarter),  # one network's quarter, new version and as_of
        )
        for run, extra, change in runs:
            what = change(data) if change else ""
            profile = None
            if profiles is not None and (change is correct_one_value or "--force" in extra):
                profiles.mkdir(parents=True, exist_ok=True)
                profile = profiles / f"{source.parent.name}-{'une-valeur' if change else 'forcee'}.prof"
            seconds, cpu, peak, log = measured_build(data, output, cache, extra, profile)
            pages, files, size, largest = page_stats(output)
            shown = f"{run} (cProfile)" if profile is not None else run  # slower under the profiler
            print(f"{shown:24s} {seconds:8.1f} s (CPU {cpu:6.1f} s)   pic mémoire {peak:7.0f} Mio   "
                  f"{human(size)}, {pages} pages HTML, {files} fichiers, "
                  f"page de structure la plus lourde {largest / 1024:.0f} Ko")
            if what:
                print(f"{'':24s} changement : {what}")
            if incremental_figures(log):
                print(f"{'':24s} {incremental_figures(log)}")
            for line in re.findall(r"(?m)^graphiques : .*$", log):
                print(f"{'':24s} {line.strip()}")
            if profile is not None:
                print_profile(profile)
            if not extra and change is None and run.startswith("froid"):
                print_kinds(output)
        bench_site(output)  # the search index: its build time, size, and a visitor's first query
        shutil.rmtree(output, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("packages", nargs="+", type=Path)
    parser.add_argument("--profile", type=Path,
                        help="folder for the cProfile of the forced rebuild and of the one-value correction")
    args = parser.parse_args(argv)
    for package in args.packages:
        bench(package.resolve(), args.profile.resolve() if args.profile else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
