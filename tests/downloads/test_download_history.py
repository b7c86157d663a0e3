"""A journalist gets an indicator's, or a network's, whole history from its page (issues #20, #15), and
every published table names its columns the dataset's way.

Followed as a journalist would with pandas: find the link under "Historique complet", load what it
points to, compare with the rows of the whole table `donnees/results.csv.zip`. A network's history is its
own file of the published package (not a copy next to its page: #15, 330 MB at national scale); an
indicator's is one zipped CSV.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
from dlcheck import download_block_links, resolve
from results.downloads.columns import INDICATOR_FILE
from support.parts import split_by_year
from support.paths import GOOD_FIXTURE, ROOT
from support.site import build_site, copy_package

KEY = ["structure_id", "indicator_id", "period"]


def _history_links(site: Path, page: Path) -> list[tuple[Path, str]]:
    """The files of the page's "Historique complet" group, found as a reader would: by its title."""
    html = page.read_text(encoding="utf-8")
    start = html.index("Historique complet")
    block = html[start:html.index("</li>", start)]
    hrefs = re.findall(r'href="([^"]+)"', block)
    texts = {href: text for href, text, _ in download_block_links(page)}
    return [(resolve(site, page, href), texts[href]) for href in hrefs]


def _whole_table(site: Path) -> pd.DataFrame:
    """`donnees/results.csv.zip` (pandas reads it zipped) with each row's network, as a journalist joins it
    with structures.csv."""
    results = pd.read_csv(site / "donnees" / "results.csv.zip", dtype=str, keep_default_na=False)
    structures = pd.read_csv(site / "donnees" / "structures.csv", dtype=str, keep_default_na=False)
    return results.merge(structures[["id", "network_id"]], left_on="structure_id", right_on="id", how="left")


def _same_rows(published: pd.DataFrame, expected: pd.DataFrame) -> None:
    columns = ["value", "status", "sample_size", "missing_reason"]
    left = published[KEY + columns].sort_values(KEY).reset_index(drop=True)
    right = expected[KEY + columns].sort_values(KEY).reset_index(drop=True)
    assert len(left) == len(right) > 0
    assert left[KEY].equals(right[KEY])
    assert (pd.to_numeric(left["value"]).round(9).fillna(-1) == pd.to_numeric(right["value"]).round(9).fillna(-1)).all()
    assert left["status"].equals(right["status"]) and left["missing_reason"].equals(right["missing_reason"])


def test_a_network_history_is_its_published_package_file(good_site: Path) -> None:
    page = good_site / "reseaux" / "caf" / "index.html"
    ((path, text),) = _history_links(good_site, page)
    assert path.relative_to(good_site).as_posix() == "donnees/results/caf.csv", "a link to the package, not a copy"
    assert path.read_bytes() == (GOOD_FIXTURE.parent / "results" / "caf.csv").read_bytes()
    assert text.startswith("CSV, ")
    published = pd.read_csv(path, dtype=str, keep_default_na=False)
    whole = _whole_table(good_site)
    _same_rows(published, whole[whole["network_id"] == "caf"])
    assert published["period"].nunique() > 1, "the whole history, not only the latest period"
    assert not list(good_site.glob("reseaux/*/historique-*")), "no second copy of the network's rows"


def test_an_indicator_history_is_one_zipped_csv_that_pandas_reads(good_site: Path) -> None:
    page = good_site / "indicateurs" / "satisfaction" / "index.html"
    ((path, text),) = _history_links(good_site, page)
    assert path.name == "historique-satisfaction.zip" and text.startswith("CSV compressé (zip), ")
    published = pd.read_csv(path, dtype=str, keep_default_na=False)  # the zip, as downloaded
    # the indicator latest values' columns: its label and unit are the page's, not repeated on every row
    assert published.columns.tolist() == list(INDICATOR_FILE.names)
    assert {"structure_name", "network_name"} <= set(published.columns)
    whole = _whole_table(good_site)
    _same_rows(published, whole[whole["indicator_id"] == "satisfaction"])
    assert published["period"].nunique() > 1


def test_a_network_split_by_year_links_one_file_per_year(tmp_path: Path) -> None:
    """A big network keeps one file per year in the package: its page links each, labelled by year."""
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    parts = split_by_year(package, "caf")
    site = build_site(package, tmp_path / "output")
    links = _history_links(site, site / "reseaux" / "caf" / "index.html")
    assert [path.relative_to(site).as_posix() for path, _ in links] == [f"donnees/{p.path}" for p in parts]
    assert [text.split(",")[0] for _, text in links] == [f"CSV {p.year}" for p in parts]
    published = pd.concat([pd.read_csv(path, dtype=str, keep_default_na=False) for path, _ in links])
    whole = _whole_table(site)
    _same_rows(published, whole[whole["network_id"] == "caf"])
    document = json.loads((site / "api" / "v2" / "networks" / "caf.json").read_text("utf-8"))
    assert {f"history_{p.year}_csv" for p in parts} <= set(document["downloads"])


def _dataset_names() -> set[str]:
    resources = json.loads((ROOT / "plugins" / "results" / "core" / "resources.json").read_text(encoding="utf-8"))
    return {field["name"] for resource in resources for field in resource["schema"]["fields"]}


# Columns only computed tables have, named in the same convention (English, snake_case).
COMPUTED = {"structure_name", "network_name", "departement_name", "indicator_label", "scope", "structure_count",
            "method", "series", "period_label", "bin_start", "bin_end", "as_of", "published_count"}


def test_every_published_table_uses_the_dataset_column_names(good_site: Path) -> None:
    """Chart data, page extracts, aggregates, histories: one convention, the dataset's (no `valeur`)."""
    allowed = _dataset_names() | COMPUTED
    checked = 0
    for path in good_site.rglob("*.csv"):
        header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        unknown = [name for name in header if name not in allowed]
        assert not unknown, f"{path.relative_to(good_site)} : {unknown}"
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", name) for name in header), header
        checked += 1
    assert checked > 20
