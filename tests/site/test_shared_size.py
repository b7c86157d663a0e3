"""What everything but the structure pages costs the static host, on the demo site, scaled to the nation.

The national site must fit 1 GB and 100 000 files (scripts/pages_limits.py). Structure pages
(`services/`) and the search index (`pagefind/`, one fragment per page) have their own budget
(test_site_size.py); everything else — network, indicator and territory pages with their files, the
Data Package, the JSON API, labels, the theme — gets the share below. The national figure is
estimated as `make bench-size` prints it (scripts/bench_site_size.py, « Per folder »): a structure's
own files (its API document) times the national number of structures, charts and theme as they are,
every other file times the national number of result rows over the demo's. That method, applied to
the demo built from 2c6e321, gave 420, 402 and 364 MB for indicateurs/, api/ and reseaux/ where the
national build of that code measured 390, 425 and 369 MB.

Why this share: in the national build of 2c6e321 these folders weighed 1.4 GB (history CSVs repeating
the package, 655 MB; a JSON API repeating each column name in each row, 425 MB). The structure pages
need at least ~40 KB each (600 MB), so everything else must fit in about a third of the host's
gigabyte: `SHARED_TARGET`. Not met yet (strict xfail below): 551 MB estimated from the demo built from
the `donnees` branch (#15: the whole results table is now published once uncompressed, the per-network
files, plus their zipped join; territory pages lost their XLSX), against 681 MB before. The largest
remain donnees/ (161 MB, the package itself), indicateurs/ (140 MB: pages listing every structure, CSV,
XLSX, history zip) and territoires/ (86 MB). `SHARED_BYTES` is a ratchet at today's estimate plus ~5 %,
so that growth fails; lower it whenever these pages get cheaper.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_site_size import NATIONAL_ROWS, NATIONAL_STRUCTURES, folder_estimates, measure_structures, result_rows

# The national share of everything outside services/ and pagefind/: target, today's ratchet, files.
SHARED_TARGET = 360_000_000
SHARED_BYTES = 580_000_000
SHARED_FILES = 19_000
STRUCTURE_FOLDERS = ("services", "pagefind")


@pytest.fixture(scope="module")
def shared(demo_site: Path) -> tuple[float, float, dict[str, list[float]]]:
    """National estimate of (bytes, files) outside the structure folders, and the figures per folder."""
    structures, rows = measure_structures(demo_site), result_rows(demo_site)
    assert structures > 500 and rows > 10_000
    figures = folder_estimates(demo_site, NATIONAL_STRUCTURES / structures,
                               NATIONAL_ROWS / rows)
    kept = {folder: row for folder, row in figures.items() if folder not in STRUCTURE_FOLDERS}
    return sum(row[2] for row in kept.values()), sum(row[3] for row in kept.values()), kept


def _biggest(figures: dict[str, list[float]]) -> str:
    ranked = sorted(figures.items(), key=lambda item: -item[1][2])[:4]
    return ", ".join(f"{folder}/ {row[2] / 1e6:.0f} Mo" for folder, row in ranked)


def test_shared_pages_fit_their_share_of_the_national_site(shared) -> None:
    national_bytes, _, figures = shared
    assert national_bytes <= SHARED_BYTES, (
        f"hors services/ et pagefind/, le site national est estimé à {national_bytes / 1e6:.0f} Mo "
        f"(budget {SHARED_BYTES / 1e6:.0f} Mo) ; les plus gros dossiers : {_biggest(figures)}. "
        "`make bench-size` détaille chaque dossier.")


@pytest.mark.xfail(strict=True, reason="issue #15: indicator and territory pages, the package and the API still "
                   "weigh ~550 MB nationally; strict: passing means the target is met and SHARED_BYTES can follow it")
def test_shared_pages_meet_the_national_target(shared) -> None:
    national_bytes, _, figures = shared
    assert national_bytes <= SHARED_TARGET, (
        f"hors services/ et pagefind/ : {national_bytes / 1e6:.0f} Mo estimés, objectif "
        f"{SHARED_TARGET / 1e6:.0f} Mo ; les plus gros dossiers : {_biggest(figures)}")


def test_shared_pages_fit_their_share_of_the_national_file_count(shared) -> None:
    _, national_files, _ = shared
    assert national_files <= SHARED_FILES, (
        f"hors services/ et pagefind/, le site national est estimé à {national_files:,.0f} fichiers "
        f"(budget {SHARED_FILES:,})")


def test_no_history_is_published_twice(demo_site: Path) -> None:
    """A network's history is its package file, an indicator's a zip: no full-history CSV beside a page."""
    copies = [p.relative_to(demo_site).as_posix() for p in demo_site.glob("*/*/historique-*.csv")]
    assert not copies, copies
