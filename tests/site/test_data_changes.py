"""A correct data pull request keeps every check green.

data/ is the programme's live data: the suite checks that it is valid, never what it contains. Here a
copy of it receives what a network's maintainer does every quarter (CONTRIBUTING.md §3 and §5: a new
quarter for all the network's structures, version, as_of and releases bumped, one value corrected as
`revised`); the validator must accept it, the site must build, and the new figures must be published.
The same copy also runs through every check of test_site_build.py (its `published_site` parameter).
"""

from __future__ import annotations

import json
from pathlib import Path

from expected import french_value, period_in_words
from support.csvfiles import read_csv
from support.pages import visible_text
from support.paths import LIVE_DATA
from support.publication import Publication, Revision
from support.recompute import period_end
from validation import format_report, validate_package

Published = tuple[Path, Publication, Revision]


def test_the_live_data_is_valid() -> None:
    """The one test that reads data/ itself: whatever it holds, it must pass its validator."""
    report = validate_package(LIVE_DATA)
    assert report.valid, format_report(report)


def test_a_published_quarter_and_a_correction_pass_the_validator(published_package: Published) -> None:
    package, publication, revision = published_package
    report = validate_package(package)
    assert report.valid, format_report(report)
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    assert descriptor["version"] == publication.version and descriptor["as_of"] == publication.as_of
    assert descriptor["releases"][-1]["version"] == publication.version
    assert len(publication.rows) > 10 and revision.row["status"] == "revised"


def test_the_new_quarter_is_on_the_structure_pages(published_package: Published, published_site: Path) -> None:
    package, publication, _ = published_package
    structures = {row["id"]: row for row in read_csv(package.parent / "structures.csv")}
    indicators = {row["id"]: row for row in read_csv(package.parent / "indicators.csv")}
    latest: dict[tuple[str, str], dict[str, str]] = {}  # the newest added row of each series
    for row in publication.rows:
        key = (row["structure_id"], row["indicator_id"])
        if key not in latest or period_end(row["period"]) > period_end(latest[key]["period"]):
            latest[key] = row
    checked = 0
    for (structure_id, indicator_id), row in sorted(latest.items())[::7]:
        page = published_site / "services" / structures[structure_id]["slug"] / "index.html"
        indicator = indicators[indicator_id]
        shown = french_value(float(row["value"]), indicator["unit"], int(indicator["decimals"]))
        assert f"{shown} {period_in_words(row['period'])}" in visible_text(page.read_text("utf-8")), (page, row)
        checked += 1
    assert checked >= 5


def test_the_correction_is_published_with_its_note(published_package: Published, published_site: Path) -> None:
    _, _, revision = published_package
    row = revision.row
    files = sorted((published_site / "donnees" / "results").glob("*.csv"))  # the package's files, one per network
    published = [row for path in files for row in read_csv(path)]
    match = [r for r in published if (r["structure_id"], r["indicator_id"], r["period"])
             == (row["structure_id"], row["indicator_id"], row["period"])]
    assert len(match) == 1
    assert (match[0]["value"], match[0]["status"], match[0]["note"]) == (row["value"], "revised", row["note"])
    releases = (published_site / "flux" / "donnees.atom.xml").read_text("utf-8")
    assert publication_title(published_package) in releases


def publication_title(published_package: Published) -> str:
    package = published_package[0]
    return json.loads(package.read_text(encoding="utf-8"))["releases"][-1]["title"]
