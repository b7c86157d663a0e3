"""Maps by département on indicator pages: every département in the table with the value recomputed
from the CSVs, départements without data said so (never coloured as a low value), SVG without JS."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from expected import PackageFacts, departement_value, french_value, period_key, slug_of_departement
from support.recompute import slug

MAP = re.compile(r'<figure class="chart" id="carte-departements".*?</figure>', re.S)
ROW = re.compile(r'<tr><th scope="row"><a href="([^"]*)">([^<]*) \(([^)]+)\)</a></th><td class="num">([^<]*)</td>')


def latest_period(facts: PackageFacts, indicator_id: str) -> str:
    return max((r["period"] for r in facts.results if r["indicator_id"] == indicator_id and r["value"]),
               key=period_key)


def test_every_departement_is_in_the_map_table_with_its_recomputed_value(demo_site: Path,
                                                                          demo_package: Path) -> None:
    facts = PackageFacts(demo_package)
    names = {row["code"]: row for row in facts.departements}
    pages = {p: p.read_text("utf-8") for p in demo_site.glob("indicateurs/*/index.html")}
    plain = {p: unescape(text) for p, text in pages.items()}
    checked = 0
    for indicator_id, indicator in facts.indicators.items():
        title = f"Carte par département : {indicator['label']}<"
        found = [p for p, text in plain.items() if title in text]
        period = latest_period(facts, indicator_id)
        if not any(departement_value(facts, code, indicator_id, period) is not None for code in names):
            assert not found, f"{indicator_id} : carte sans aucune donnée"
            continue
        if len(found) > 1:  # two networks' indicators may share a label: the page's folder tells them apart
            found = [page for page in found if page.parent.name == slug(indicator_id)]
        assert len(found) == 1, indicator_id
        checked += 1
        pages_of = found
        figure = MAP.search(pages[pages_of[0]])
        assert figure, f"{pages_of[0]} : pas de carte"
        rows = {code: (href, name, cell) for href, name, code, cell in ROW.findall(figure.group(0))}
        assert set(rows) == set(names), pages_of[0]
        for code, (href, name, cell) in rows.items():
            assert unescape(name) == names[code]["name"]
            assert href.endswith(f"territoires/departements/{slug_of_departement(names[code])}/")
            expected = departement_value(facts, code, indicator_id, period)
            if expected is None:
                assert cell == "pas de données", (indicator_id, code)
            else:
                shown = cell.replace("\u202f", " ").replace("\xa0", " ")
                assert shown == french_value(expected, indicator["unit"], int(indicator["decimals"])), (
                    indicator_id, code)
    assert checked >= 3


def test_departements_without_data_are_grey_and_labelled_not_a_low_class(demo_site: Path) -> None:
    seen = 0
    for spec in demo_site.glob("indicateurs/*/carte-departements.vl.json"):
        data = json.loads(spec.read_text("utf-8"))["datasets"]
        for row in data["values"]:
            if row["text"] == "pas de données":
                seen += 1
                assert row["cls"] == "nd", row
            else:
                assert row["cls"] != "nd", row
        legend = {row["cls"]: row["label"] for row in data["legend"]}
        if any(row["cls"] == "nd" for row in data["values"]):
            assert legend["nd"] == "pas de données"
    assert seen, "the demo package should leave some départements of the map without data"


def test_the_map_is_a_static_svg_shown_without_javascript(demo_site: Path) -> None:
    pages = [p for p in demo_site.glob("indicateurs/*/index.html") if 'id="carte-departements"' in p.read_text("utf-8")]
    assert pages
    for page in pages:
        img = re.search(r'id="carte-departements".*?<img src="([^"]+)"', page.read_text("utf-8"), re.S).group(1)
        svg = page.parent / Path(img).name
        text = svg.read_text("utf-8")
        assert text.lstrip().startswith("<svg")
        assert text.count("<path") >= 100  # every département drawn, insets included
        if "pas de données" in text:  # the legend's entry, then the grey it names
            assert 'fill="#d3d3d3"' in text
