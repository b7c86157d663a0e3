"""Maps by département (indicator pages, national satisfaction on the home page, transparency on the
programme page): every département in the table with the value recomputed from the CSVs, départements
without data said so (never coloured as a low value), SVG without JavaScript."""

from __future__ import annotations

import json
import math
import re
from html import unescape
from pathlib import Path

import pandas as pd
from expected import PackageFacts, departement_value, french_value, period_key, slug_of_departement
from monitoring.monitorcheck import PackageFacts as MonitoringFacts
from support.recompute import period_end, slug

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
    specs = [*demo_site.glob("indicateurs/*/carte-departements.vl.json"),
             demo_site / "programme" / "carte-departements.vl.json", demo_site / "carte-departements-accueil.vl.json"]
    assert all(spec.exists() for spec in specs)
    for spec in specs:
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
    pages += [demo_site / "index.html", demo_site / "programme" / "index.html"]
    for page in pages:
        img = re.search(r'id="carte-departements".*?<img src="([^"]+)"', page.read_text("utf-8"), re.S).group(1)
        svg = page.parent / Path(img).name
        text = svg.read_text("utf-8")
        assert text.lstrip().startswith("<svg")
        assert text.count("<path") >= 100  # every département drawn, insets included
        if "pas de données" in text:  # the legend's entry, then the grey it names
            assert 'fill="#d3d3d3"' in text


# -- the two maps beyond indicator pages: national satisfaction (home), transparency (programme) ------------

CELLS = re.compile(r'<tr><th scope="row"><a href="([^"]*)">([^<]*) \(([^)]+)\)</a></th>'
                   r'((?:<td class="num">[^<]*</td>)+)</tr>')
CELL = re.compile(r'<td class="num">([^<]*)</td>')


def map_rows(page: Path) -> dict[str, tuple[str, str, list[str]]]:
    """département code → (link, name, cells) of the map's table on `page`."""
    figure = MAP.search(page.read_text("utf-8"))
    assert figure, f"{page} : pas de carte"
    return {code: (href, unescape(name), [plain(cell) for cell in CELL.findall(cells)])
            for href, name, code, cells in CELLS.findall(figure.group(0))}


def plain(text: str) -> str:
    return unescape(text).replace("\u202f", " ").replace("\xa0", " ")


def results_frame(folder: Path) -> pd.DataFrame:
    """The package's results, one file or one per network (data/results/<network>.csv)."""
    files = [folder / "results.csv"] if (folder / "results.csv").exists() else sorted(folder.glob("results/*.csv"))
    return pd.concat([pd.read_csv(file, dtype={"structure_id": str, "period": str}) for file in files],
                     ignore_index=True)


def structures_frame(folder: Path) -> pd.DataFrame:
    return pd.read_csv(folder / "structures.csv", dtype=str, keep_default_na=False)


def pandas_departement_values(folder: Path, indicator: dict[str, str]) -> dict[str, float]:
    """The indicator's latest period, aggregated per département as nationally: the mean weighted by
    sample size where the indicator says so (and sizes are there), else the median."""
    results = results_frame(folder)
    results = results[(results["indicator_id"] == indicator["id"]) & results["value"].notna()]
    latest = max(results["period"].unique(), key=period_key)
    rows = results[results["period"] == latest].merge(
        structures_frame(folder)[["id", "departement_code"]], left_on="structure_id", right_on="id")
    rows = rows[rows["departement_code"] != ""]
    values = {}
    for code, group in rows.groupby("departement_code"):
        sized = group[group["sample_size"].notna()]
        if indicator["aggregation"] == "weighted_mean" and sized["sample_size"].sum() > 0:
            values[code] = float((sized["value"] * sized["sample_size"]).sum() / sized["sample_size"].sum())
        else:
            values[code] = float(group["value"].median())
    return values


def pandas_transparency(descriptor: Path) -> dict[str, tuple[int, int]]:
    """département code → (structures that published, structures): a structure published when it has a
    value for a period ending on its network's latest period end; a late network's never count."""
    folder = descriptor.parent
    structures = structures_frame(folder)
    results = results_frame(folder)
    results = results[results["value"].notna()].merge(structures[["id", "network_id"]], left_on="structure_id",
                                                       right_on="id")
    results["end"] = results["period"].map(period_end)
    reference = results.groupby("network_id")["end"].max()
    at_reference = results[results["end"] == results["network_id"].map(reference)]
    late = MonitoringFacts(descriptor).late_networks()  # the independent lateness rule of the monitoring tests
    published = set(at_reference.loc[~at_reference["network_id"].isin(late), "structure_id"])
    structures["published"] = structures["id"].isin(published)
    located = structures[structures["departement_code"] != ""]
    counts = located.groupby("departement_code")["published"].agg(["sum", "size"])
    return {code: (int(row["sum"]), int(row["size"])) for code, row in counts.iterrows()}


def test_home_page_maps_national_satisfaction_per_departement(demo_site: Path, demo_package: Path) -> None:
    facts = PackageFacts(demo_package)
    indicator = facts.indicators["satisfaction"]
    expected = pandas_departement_values(demo_package.parent, indicator)
    rows = map_rows(demo_site / "index.html")
    assert "Carte par département : Usagers satisfaits" in unescape((demo_site / "index.html").read_text("utf-8"))
    assert set(rows) == {row["code"] for row in facts.departements}
    assert set(expected) - set(rows) == set(), "every département with data is in the table"
    for row in facts.departements:
        href, name, cells = rows[row["code"]]
        assert name == row["name"]
        assert href.endswith(f"territoires/departements/{slug_of_departement(row)}/")
        if row["code"] in expected:
            assert cells[0] == french_value(expected[row["code"]], "percent", int(indicator["decimals"])), row
        else:
            assert cells[0] == "pas de données", row


def test_programme_page_maps_the_transparency_rate_per_departement(demo_site: Path, demo_package: Path) -> None:
    facts = PackageFacts(demo_package)
    expected = pandas_transparency(demo_package)
    page = demo_site / "programme" / "index.html"
    rows = map_rows(page)
    assert set(rows) == {row["code"] for row in facts.departements}
    without = 0
    for row in facts.departements:
        href, _name, (rate, structures, published) = rows[row["code"]]
        assert href.endswith(f"territoires/departements/{slug_of_departement(row)}/")
        part, whole = expected.get(row["code"], (0, 0))
        if whole:
            assert (rate, structures, published) == (french_value(100 * part / whole, "percent", 0),
                                                     f"{whole:,}".replace(",", " "), f"{part:,}".replace(",", " "))
        else:
            without += 1
            assert rate == "pas de données", row  # no structure there: no rate, never 0 %
    assert any(part < whole for part, whole in expected.values()), "the demo has structures that did not publish"
    late = MonitoringFacts(demo_package).late_networks()
    assert late, "the demo package has a late network, whose structures must not count as publishing"
    text = unescape(page.read_text("utf-8"))
    sentence = re.search(r'<p class="chart-summary">([^<]*)</p>', MAP.search(text).group(0)).group(1)
    assert sentence.startswith("Taux de transparence au ")
    img = re.search(r'<img src="([^"]+)"', MAP.search(text).group(0)).group(1)
    picture = (page.parent / Path(img).name).read_text("utf-8")
    assert ">Taux de transparence par département</text>" in picture  # its own legend title
    assert "Valeur par département" not in picture
    if without:
        assert f"{without} département" in sentence


def test_the_transparency_map_csv_has_the_same_figures(demo_site: Path, demo_package: Path) -> None:
    expected = pandas_transparency(demo_package)
    table = pd.read_csv(demo_site / "programme" / "carte-departements.csv", dtype={"departement_code": str})
    for row in table.itertuples(index=False):
        part, whole = expected.get(row.departement_code, (0, 0))
        assert row.structure_count == whole
        if whole:
            assert row.published_count == part
            assert abs(row.value - 100 * part / whole) < 1e-9
        else:
            assert math.isnan(row.value)
