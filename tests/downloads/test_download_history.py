"""A journalist gets an indicator's, or a network's, whole history in one CSV (issue #20), and every
published table names its columns the dataset's way."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from dlcheck import same_value
from support.csvfiles import read_csv, read_table
from support.paths import GOOD_FIXTURE, ROOT


def _history_link(page: Path) -> str:
    """The href of the page's full-history CSV, found as a reader would: by its title."""
    html = page.read_text(encoding="utf-8")
    block = html[html.index("Historique complet"):]
    return re.search(r'href="([^"]+historique-[^"]+\.csv)"', block).group(1)


def _expected(**match: str) -> list[dict[str, str]]:
    structures = {s["id"]: s for s in read_table(GOOD_FIXTURE, "structures")}
    rows = []
    for row in read_table(GOOD_FIXTURE, "results"):
        merged = {**row, "network_id": structures[row["structure_id"]]["network_id"]}
        if all(merged[key] == value for key, value in match.items()):
            rows.append(merged)
    return rows


@pytest.mark.parametrize(("page", "match"), [
    ("indicateurs/satisfaction/index.html", {"indicator_id": "satisfaction"}),
    ("reseaux/caf/index.html", {"network_id": "caf"}),
])
def test_full_history_csv_holds_every_period_of_every_structure(good_site: Path, page: str, match: dict) -> None:
    page_path = good_site / page
    href = _history_link(page_path)
    published = read_csv((page_path.parent / href).resolve())
    expected = _expected(**match)
    assert len(published) == len(expected) > 0
    keyed = {(r["structure_id"], r["indicator_id"], r["period"]): r for r in published}
    for row in expected:
        ours = keyed[(row["structure_id"], row["indicator_id"], row["period"])]
        assert same_value(ours["value"], row["value"]) and ours["status"] == row["status"]
    periods = {r["period"] for r in published}
    assert len(periods) > 1, "the whole history, not only the latest period"


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
