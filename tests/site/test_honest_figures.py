"""Issue #20 on the built demo site: trends compare like with like, one transparency rate, and no
stale figure without a warning. Expectations are recomputed from the generated demo package's CSVs.

The demo's Préfectures stop publishing after the 1st quarter (March) of 2026 while every other
network goes on; some structures of on-time networks stop earlier.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from frenchcheck import reader_text
from results.core.periods import Period
from results.i18n.formats import Formats
from support.pages import normalise, visible_text
from support.recompute import slug

FRENCH = Formats("fr_FR")  # the demo site's language


@pytest.fixture(scope="module")
def results(demo_package: Path) -> pd.DataFrame:
    """Published values with their structure's network and name."""
    folder = demo_package.parent
    values = pd.concat([pd.read_csv(path, dtype={"period": str})  # one file per network (core/parts.py)
                        for path in sorted((folder / "results").rglob("*.csv"))], ignore_index=True)
    structures = pd.read_csv(folder / "structures.csv", dtype=str, keep_default_na=False)
    if "slug" not in structures or not structures["slug"].all():  # a stored slug names the page's folder
        structures["slug"] = [stored or slug(name) for stored, name in
                              zip(structures.get("slug", [""] * len(structures)), structures["name"], strict=True)]
    structures = structures[["id", "network_id", "name", "slug"]]
    values = values[values["value"].notna()].merge(structures, left_on="structure_id", right_on="id")
    return values.assign(end=values["period"].map(lambda code: Period.parse(code).end))


def page_text(site: Path, *parts: str) -> str:
    return visible_text(site.joinpath(*parts, "index.html").read_text("utf-8"))


def card(home: str, label: str) -> str:
    """The home page's national card of one indicator (up to the next card or the chart)."""
    start = home.index(f"{label} ", home.index("Les résultats nationaux"))
    return home[start:home.index("Évolution nationale", start)]


def national_card(home: str, label: str) -> str:
    text = card(home, label)
    others = [other for other in ("Usagers satisfaits", "Appels téléphoniques aboutis") if other != label]
    ends = [text.index(other) for other in others if other in text]
    return text[:min(ends)] if ends else text


def both(results: pd.DataFrame, indicator: str, since: str, until: str) -> int:
    """Structures with a value for the indicator at both periods."""
    rows = results[results["indicator_id"] == indicator]
    return len(set(rows.loc[rows["period"] == since, "structure_id"]) & set(rows.loc[rows["period"] == until,
                                                                                     "structure_id"]))


@pytest.mark.parametrize(("indicator", "label", "since", "until"), [
    ("satisfaction", "Usagers satisfaits", "2026-Q2", "2026-Q3"),
    ("taux-decroche", "Appels téléphoniques aboutis", "2026-08", "2026-09"),
])
def test_home_changes_compare_the_structures_present_at_both_periods(
    demo_site: Path, results: pd.DataFrame, indicator: str, label: str, since: str, until: str,
) -> None:
    text = national_card(page_text(demo_site), label)
    count = both(results, indicator, since, until)
    since_words = FRENCH.since(Period.parse(since))
    assert f"{since_words} sur les {count} structures présentes aux deux périodes" in text
    # +0,1 point of 500 structures whose monthly changes spread far wider is not an improvement.
    assert "en amélioration" not in text and "en dégradation" not in text, text


def test_home_chart_says_the_prefectures_left_and_judges_only_like_with_like(
    demo_site: Path, results: pd.DataFrame,
) -> None:
    home = page_text(demo_site)
    satisfaction = home[home.index("Usagers satisfaits : de"):]
    satisfaction = satisfaction[:satisfaction.index(".", satisfaction.index("hors"))]
    assert "hors Préfectures depuis le 2e trimestre 2026" in satisfaction
    first, last = "2023-Q4", "2026-Q3"
    counts = results[results["indicator_id"] == "satisfaction"].groupby("period")["structure_id"].nunique()
    assert f"({counts[first]} structures) à" in satisfaction and f"({counts[last]} structures)" in satisfaction
    assert f"sur les {both(results, 'satisfaction', first, last)} structures présentes aux deux périodes" \
        in satisfaction
    calls = home[home.index("Appels téléphoniques aboutis : de"):]
    assert "hors Préfectures depuis avril 2026" in calls[:calls.index(".", calls.index("hors"))]


def test_chart_tables_say_how_many_structures_each_point_counts(demo_site: Path, results: pd.DataFrame) -> None:
    source = (demo_site / "index.html").read_text("utf-8")
    table = source[source.index(">Usagers satisfaits par période</caption>"):]
    table = table[:table.index("</table>")]
    assert "Structures comptées" in table
    counts = results[results["indicator_id"] == "satisfaction"].groupby("period")["structure_id"].nunique()
    for code in ("2026-Q1", "2026-Q2"):
        period = FRENCH.period(Period.parse(code))
        row = re.search(rf"{period} [\d,]+ % (\d+)", normalise(re.sub(r"<[^>]+>", " ", table)))
        assert row is not None and row.group(1) == str(counts[code])


def survey_changes_inside_the_interval(results: pd.DataFrame) -> pd.DataFrame:
    """Structure × indicator pairs whose latest quarter moved visibly but within the intervals."""
    rows = results[results["ci_low"].notna() & results["period"].str.contains("-Q")].sort_values("end")
    last_two = rows.groupby(["structure_id", "indicator_id"]).tail(2)
    pairs = last_two.groupby(["structure_id", "indicator_id"])
    latest, previous = pairs.nth(-1).set_index(["structure_id", "indicator_id"]), \
        pairs.nth(-2).set_index(["structure_id", "indicator_id"])
    common = latest.index.intersection(previous.index)
    latest, previous = latest.loc[common], previous.loc[common]
    consecutive = [Period.parse(b).previous().code == a for a, b in zip(previous["period"], latest["period"],
                                                                       strict=True)]
    delta = latest["value"] - previous["value"]
    margin = (((latest["ci_high"] - latest["ci_low"]) / 2) ** 2
              + ((previous["ci_high"] - previous["ci_low"]) / 2) ** 2) ** 0.5
    found = latest.assign(delta=delta, margin=margin)[consecutive]
    return found[(found["delta"].abs() >= 2) & (found["delta"].abs() < found["margin"] - 0.1)]


def indicator_block(source: str, indicator: str) -> str:
    start = source.index(f'aria-labelledby="ind-{indicator}"')
    return visible_text(source[start:source.index("</section>", start)])


def poster_line(source: str, label: str) -> str:
    """What a poster says about one indicator: its table row or its card."""
    for start_tag, end_tag in ((f'<th scope="row">{label}</th>', "</tr>"), (f"<h3>{label}</h3>", "</li>")):
        if start_tag in source:
            start = source.index(start_tag)
            return visible_text(source[start:source.index(end_tag, start)])
    raise AssertionError(f"{label} absent de l'affiche")


def test_a_survey_change_inside_its_uncertainty_is_stable_on_page_and_poster(
    demo_site: Path, demo_package: Path, results: pd.DataFrame,
) -> None:
    indicators = pd.read_csv(demo_package.parent / "indicators.csv", dtype=str)
    labels = dict(zip(indicators["id"], indicators["label"], strict=True))
    cases = survey_changes_inside_the_interval(results)
    assert len(cases) > 3  # the demo has such cases; otherwise this test would check nothing
    for (structure_id, indicator), case in cases.head(4).iterrows():
        folder = demo_site / "services" / case["slug"]
        block = indicator_block((folder / "index.html").read_text("utf-8"), indicator)
        changed = block[block.index("Évolution depuis"):block.index("Évolution sur un an")]
        assert "stable (dans la marge d'incertitude de ±" in changed, (structure_id, changed)
        assert "en dégradation" not in changed and "en amélioration" not in changed
        line = poster_line((folder / "affiche" / "index.html").read_text("utf-8"), labels[indicator])
        assert "stable" in line and "en dégradation" not in line and "en amélioration" not in line, line


def test_one_transparency_rate_on_home_programme_and_its_quarterly_table(demo_site: Path) -> None:
    programme = page_text(demo_site, "programme")
    headline = re.search(r"Taux de transparence (\d+) % \((\d+) sur (\d+)\)", programme)
    assert headline is not None
    rate, published, total = headline.groups()
    home = page_text(demo_site)
    assert f"Taux de transparence : {rate} % ({published} structures sur {total} ont publié" in home
    # The Préfectures are late: their structures published their last quarter but never count.
    assert re.search(r"Préfectures 1er trimestre 2026 \d+ 0 0 % .* non \(en retard\) en retard", programme)
    # The headline (15 November 2026) and the last completed quarter (3rd quarter) agree.
    quarter = programme[programme.index("Ensemble du programme par trimestre"):]
    assert f"3e trimestre 2026 {rate} % ({published} sur {total})" in quarter
    assert "publient leurs résultats" not in home[:home.index("Les résultats nationaux")]
    # Nor does the A–Z index count every structure as publishing (it said "717 structures publient leurs
    # résultats" while the rate above counts fewer).
    index = page_text(demo_site, "services")
    assert "publient leurs résultats" not in index and "sont engagées dans le programme" in index


def last_label(results: pd.DataFrame, structure: pd.Series) -> str:
    """A structure's latest period in words; of periods ending the same day, the finest (a month)."""
    codes = results.loc[(results["structure_id"] == structure["structure_id"]) & (results["end"] == structure["end"]),
                        "period"]
    return FRENCH.period(max((Period.parse(code) for code in codes), key=lambda period: period.start))


def warning_of(label: str) -> str:
    return f"Dernier résultat publié : {label} — les résultats suivants n'ont pas été publiés."


def test_a_structure_that_stopped_publishing_says_so_first_and_on_its_poster(
    demo_site: Path, results: pd.DataFrame,
) -> None:
    latest = results.groupby(["structure_id", "network_id", "name", "slug"])["end"].max().reset_index()
    network_latest = results.groupby("network_id")["end"].max()
    stale = latest[(latest["end"] < latest["network_id"].map(network_latest))
                   & (latest["network_id"] == "police-nationale")]
    assert not stale.empty
    structure = stale.iloc[0]
    warning = warning_of(last_label(results, structure))
    page = page_text(demo_site, "services", structure["slug"])
    assert warning in page
    assert page.index(warning) < page.index("Nos résultats")  # at the top, before any figure
    assert warning in page_text(demo_site, "services", structure["slug"], "affiche")
    prefecture = latest[latest["network_id"] == "prefectures"].iloc[0]
    assert prefecture["end"].isoformat() == "2026-03-31"  # the demo's Préfectures stop after March 2026
    page = page_text(demo_site, "services", prefecture["slug"])
    assert warning_of(last_label(results, prefecture)) in page
    assert "Le réseau Préfectures est en retard de publication" in page
    current = latest[latest["end"] == latest["network_id"].map(network_latest)].iloc[0]
    assert "Dernier résultat publié" not in page_text(demo_site, "services", current["slug"])


def test_every_trend_word_names_its_span(demo_site: Path) -> None:
    """"en amélioration (+6,6 points)" over three years and "−4,3 points, en dégradation" since last quarter
    read as a contradiction unless each says since when: on every generated page, a trend verdict has its
    span ("depuis …", "entre … et …") in the same sentence, or, in a poster's table, in the column's header."""
    unnamed = []
    for path in sorted(demo_site.rglob("*.html")):
        page = str(path.relative_to(demo_site))
        if page.startswith(("methodologie/", "accessibilite/", "a-propos/")):
            continue  # editorial pages explain the words themselves
        source = path.read_text("utf-8")
        header_span = "affiche/" in page and ">Évolution depuis la période précédente</th>" in source
        text = reader_text(source)
        for match in re.finditer(r"en (?:amélioration|dégradation)", text):
            sentence = text[:match.start()].rsplit("\n", 1)[-1]
            if not re.search(r"\b(?:depuis|entre) ", sentence) and not header_span:
                unnamed.append(f"{page} : {sentence[-80:]}{match.group()}")
    assert not unnamed, f"{len(unnamed)} évolutions sans période de départ, par exemple {unnamed[:3]}"


def test_no_chart_title_is_cut(demo_site: Path) -> None:
    """"Demandes de RSA traitées en moins de 1…" hid the indicator: every chart's texts are whole."""
    cut = [f"{svg.relative_to(demo_site)} : {text}" for svg in sorted(demo_site.rglob("*.svg"))
           for text in re.findall(r"<text[^>]*>([^<]*…)</text>", svg.read_text("utf-8"))]
    charts = list(demo_site.rglob("graphique-*.svg"))
    assert len(charts) > 100
    assert not cut, cut[:5]
