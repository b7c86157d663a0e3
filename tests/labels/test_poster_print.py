"""Posters in Chromium: one A4 page each when printed to PDF, a QR code that decodes to the structure's
page, the latest values; and the labels page's client-side filter."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from labelcheck import LABELS_FIXTURE, PUBLIC_URL
from PIL import Image
from pypdf import PdfReader
from support.browser import record_problems
from support.csvfiles import read_table
from support.recompute import slug
from support.server import serve
from support.site import build_site, copy_package

pytestmark = pytest.mark.browser
DENSE = {"four": 2, "ten": 8, "sixteen": 14}  # site → indicators added to FT-IDF's two
LONG_LABEL = "Demandes de complémentaire santé solidaire traitées en moins de trente jours calendaires"


def add_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writerows(rows)


def dense_package(folder: Path, extra: int) -> Path:
    """The labels fixture plus, for one labelled agency, `extra` indicators with long names, and eight
    commitments: the demo data has at most seven indicators a structure; these go beyond."""
    package = copy_package(LABELS_FIXTURE, folder)
    add_rows(package.parent / "commitments.csv", [
        {"id": f"engagement-{n}", "group": "plus_simple", "order": str(3 + n),
         "title": f"Un engagement de démonstration au titre assez long numéro {n}", "description": ""}
        for n in range(1, 6)
    ])
    indicators, results = [], []
    for n in range(1, extra + 1):
        indicators.append({
            "id": f"ft-extra-{n}", "network_id": "france-travail", "label": f"{LONG_LABEL} ({n})",
            "original_label": "", "family": "performance", "unit": "percent", "direction": "higher",
            "decimals": "1", "frequency": "quarterly", "aggregation": "median", "commitment_id": "reponse-rapide",
            "methods": "Indicateur de démonstration.",
        })
        for period, value in (("2026-Q2", 80 + n), ("2026-Q3", 81.5 + n)):
            results.append({
                "structure_id": "FT-IDF", "indicator_id": f"ft-extra-{n}", "period": period, "value": str(value),
                "sample_size": "", "ci_low": "", "ci_high": "", "status": "final", "missing_reason": "",
                "updated_on": "2026-10-20", "note": "",
            })
    add_rows(package.parent / "indicators.csv", indicators)
    add_rows(package.parent / "results" / "france-travail.csv", results)
    return package


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("posters")
    return {
        "labels": build_site(LABELS_FIXTURE, root / "labels" / "output"),
        **{
            name: build_site(dense_package(root / f"{name}-package", extra), root / name / "output")
            for name, extra in DENSE.items()
        },
    }


@pytest.fixture(scope="module")
def server(sites: dict[str, Path]) -> Iterator[str]:
    """Every test site, each under /<name>/output/."""
    with serve(next(iter(sites.values())).parent.parent) as url:
        yield url


def open_page(chromium: object, url: str, errors: list[str]) -> object:
    """A page that records console errors (CSP violations…) and missing files (browsers also ask for
    /favicon.ico, which a site served under a sub-path does not have: ignored)."""
    page = chromium.new_page(device_scale_factor=2)
    record_problems(page, errors, warnings=False)
    page.goto(url)
    return page


POSTERS = [("labels", row["name"]) for row in read_table(LABELS_FIXTURE, "structures")]
POSTERS += [(name, "Direction régionale Île-de-France") for name in DENSE]


@pytest.mark.parametrize(("site", "name"), POSTERS)
def test_poster_prints_on_one_a4_page(chromium: object, server: str, site: str, name: str) -> None:
    errors: list[str] = []
    page = open_page(chromium, f"{server}/{site}/output/services/{slug(name)}/affiche/", errors)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.close()
    assert len(pdf.pages) == 1
    width, height = float(pdf.pages[0].mediabox.width), float(pdf.pages[0].mediabox.height)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 portrait, in points
    assert "Nos résultats" in pdf.pages[0].extract_text()
    assert errors == []  # no CSP violation, no missing file


@pytest.mark.parametrize("name", ["CAF de Paris", "Agence Paris 19e"])
def test_poster_qr_code_decodes_to_the_structure_page(chromium: object, server: str, name: str) -> None:
    page = open_page(chromium, f"{server}/labels/output/services/{slug(name)}/affiche/", [])
    png = page.locator(".poster-qr svg").screenshot()
    page.close()
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [result.text for result in decoded] == [f"{PUBLIC_URL}/services/{slug(name)}/"]


def spaces(text: str) -> str:
    """French typography uses (narrow) no-break spaces before units; compare with plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def expected_latest(structure_id: str) -> dict[str, str]:
    """indicator label → latest value as printed, computed from the CSVs (not by the plugin)."""
    indicators = {row["id"]: row for row in read_table(LABELS_FIXTURE, "indicators")}
    suffix = {"percent": " %", "days": " jours", "score_10": "/10"}

    def period_key(code: str) -> tuple[int, int]:
        year, _, rest = code.partition("-")
        end_month = 12 if not rest else 3 * int(rest[1]) if rest.startswith("Q") else int(rest)
        return int(year), end_month

    latest: dict[str, dict[str, str]] = {}
    for row in read_table(LABELS_FIXTURE, "results"):
        if row["structure_id"] == structure_id and row["value"]:
            best = latest.get(row["indicator_id"])
            if best is None or period_key(row["period"]) > period_key(best["period"]):
                latest[row["indicator_id"]] = row
    printed = {}
    for indicator_id, row in latest.items():
        indicator = indicators[indicator_id]
        number = f"{float(row['value']):.{int(indicator['decimals'])}f}".replace(".", ",")
        printed[indicator["label"]] = number + suffix[indicator["unit"]]
    return printed


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def network_updated_on(structure_id: str) -> str:
    """The poster's date: the latest `updated_on` of the structure's network's rows, in French."""
    network = {row["id"]: row["network_id"] for row in read_table(LABELS_FIXTURE, "structures")}[structure_id]
    members = {row["id"] for row in read_table(LABELS_FIXTURE, "structures") if row["network_id"] == network}
    latest = max(row["updated_on"] for row in read_table(LABELS_FIXTURE, "results") if row["structure_id"] in members)
    year, month, day = (int(part) for part in latest.split("-"))
    return f"{'1er' if day == 1 else day} {MONTHS[month - 1]} {year}"


@pytest.mark.parametrize("structure_id", ["CAF-75", "FT-PARIS-19", "SIP-AJACCIO"])
def test_poster_shows_the_latest_value_of_each_indicator(chromium: object, server: str, structure_id: str) -> None:
    name = {row["id"]: row["name"] for row in read_table(LABELS_FIXTURE, "structures")}[structure_id]
    page = open_page(chromium, f"{server}/labels/output/services/{slug(name)}/affiche/", [])
    cards = {
        card.locator("h3").inner_text(): spaces(card.locator(".poster-value").inner_text())
        for card in page.locator(".poster-card").all()
    }
    text = page.locator("main").inner_text()
    page.close()
    assert cards == expected_latest(structure_id)
    assert f"Résultats mis à jour le {network_updated_on(structure_id)}" in text and "Nos engagements" in text
    assert ("Label Services Publics+ de niveau or" in text) == (structure_id == "CAF-75")  # expired: not shown


def test_labels_filter_narrows_the_list_and_announces_the_count(chromium: object, server: str) -> None:
    errors: list[str] = []
    page = open_page(chromium, f"{server}/labels/output/labels/", errors)
    status = page.locator(".filter-status")
    assert page.locator("#filtre-labels").is_visible()
    assert status.inner_text() == "4 structures affichées sur 4"
    page.select_option("#filtre-niveau", "argent")
    assert page.locator("#structures-labellisees tbody tr:visible").count() == 2
    page.select_option("#filtre-reseau", "caf")
    assert status.inner_text() == "1 structure affichée sur 4"
    assert page.locator("#structures-labellisees tbody tr:visible th").inner_text() == "CAF du Rhône"
    page.close()
    assert errors == []


def test_dense_posters_switch_to_a_table_and_say_what_is_left_online(chromium: object, server: str) -> None:
    path = "output/services/direction-regionale-ile-de-france/affiche/"
    page = open_page(chromium, f"{server}/four/{path}", [])
    assert page.locator(".poster-card").count() == 4 and page.locator(".poster-table").count() == 0
    page.goto(f"{server}/ten/{path}")
    assert page.locator(".poster-table tbody tr").count() == 10
    page.goto(f"{server}/sixteen/{path}")
    assert page.locator(".poster-table tbody tr").count() == 10
    assert "Et 6 autres résultats publiés en ligne." in page.locator("main").inner_text()
    page.close()


def demo_sample(package: Path, size: int = 4) -> list[str]:
    """Structures whose posters are hardest to fit: most indicators with a value, labelled ones, longest
    names (the demo data changes: the sample is chosen from it, not hard-coded)."""
    indicators: dict[str, set[str]] = {}
    for row in read_table(package, "results"):
        if row["value"]:
            indicators.setdefault(row["structure_id"], set()).add(row["indicator_id"])
    names = {row["id"]: row["name"] for row in read_table(package, "structures")}
    labelled = {row["structure_id"] for row in read_table(package, "labels")}
    fullest = sorted(names, key=lambda sid: (-len(indicators.get(sid, ())), sid))
    sample = fullest[:size] + [sid for sid in fullest if sid in labelled][:size]
    sample += sorted(names, key=lambda sid: (-len(names[sid]), sid))[:2]
    return [names[sid] for sid in dict.fromkeys(sample)]


@pytest.mark.slow
def test_demo_posters_print_on_one_page(chromium: object, demo_site: Path, demo_package: Path) -> None:
    errors: list[str] = []
    with serve(demo_site) as base:
        for name in demo_sample(demo_package):
            page = open_page(chromium, f"{base}/services/{slug(name)}/affiche/", errors)
            assert len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages) == 1, name
            page.close()
    assert errors == []
