#!/usr/bin/env python3
"""Search benchmark: Pagefind index build time and size, and the bytes a visitor's first query costs.

For each package: build the site (scripts/build.py, or reuse a built one with --site), index it again
alone to time Pagefind, then open the search page in Chromium with a fresh cache for each query and
add up every response (page, styles, scripts, Pagefind's code, WebAssembly and index chunks).
Figures only, no pass/fail: the machines are shared and noisy. Usage:
    python scripts/bench_search.py data/datapackage.json bench-data/national/datapackage.json
    python scripts/bench_search.py --site output
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent

from localserver import serve  # noqa: E402
from results.search import BUNDLE_FOLDER, build_index  # noqa: E402

QUERIES = ("caf", "chartres", "28", "prefecture du nord")
RESULTS_SHOWN = "() => (document.querySelector('[data-search-status]') || {}).textContent"
CHROMIUM = "/usr/bin/chromium"


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def cpu_seconds() -> float:
    """Processor time of this process and its finished children (Pagefind): on a shared machine it
    says what the wall time would be on a quiet one, better than the wall time itself."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def first_query(browser: Any, base_url: str, query: str) -> tuple[int, int, int, float]:
    """(all bytes, Pagefind bytes, requests, seconds) for one query in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    responses = []
    context.on("response", lambda response: responses.append(response))
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{base_url}/recherche/?q={quote(query)}")
    page.wait_for_function(RESULTS_SHOWN, timeout=60_000)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    total = bundle = 0
    for response in responses:
        size = len(response.body())
        total += size
        if f"/{BUNDLE_FOLDER}/" in response.url:
            bundle += size
    context.close()
    return total, bundle, len(responses), seconds


def bench_site(site: Path) -> None:
    pages = sum(1 for _ in site.rglob("*.html"))
    indexed = sum(1 for page in site.rglob("*.html") if b"data-pagefind-body" in page.read_bytes())
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), cpu_seconds()
    build_index(site)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    files, size = folder_size(site / BUNDLE_FOLDER)
    print(f"index Pagefind : {seconds:.1f} s ({cpu:.1f} s de processeur ; charge de la machine "
          f"{load_before:.1f} avant, {os.getloadavg()[0]:.1f} après) pour {indexed} pages indexées sur {pages} ; "
          f"{files} fichiers, {size / 1024:.0f} Ko ({size / 1024 / max(indexed, 1):.2f} Ko par page indexée)")
    with serve(site) as url, chromium() as browser:
        for query in QUERIES:
            total, bundle, requests, took = first_query(browser, url, query)
            print(f"première requête « {query} » : {total / 1024:.0f} Ko transférés dont {bundle / 1024:.0f} Ko "
                  f"de Pagefind, {requests} requêtes, résultats affichés en {took:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("packages", nargs="*", type=Path, help="Data Packages to build and measure")
    parser.add_argument("--site", type=Path, action="append", default=[], help="an already built site")
    args = parser.parse_args(argv)
    for site in args.site:
        print(f"\n== {site} ==")
        bench_site(site.resolve())
    for package in args.packages:
        print(f"\n== {package} ==")
        with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
            output = Path(tmp) / "output"
            started = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--data", str(package.resolve()),
                            "--output", str(output), "--chart-cache", str(Path(tmp) / "charts"), "--quiet"],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            print(f"construction complète (index compris) : {time.perf_counter() - started:.0f} s")
            bench_site(output)
            shutil.rmtree(output, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
