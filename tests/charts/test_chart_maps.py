"""A map's legend: classes that never share a bound, and every département in the class its shown
value names (a reader who sees « 50 % » on a département finds 50 % in its colour's legend entry)."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from chartcheck import ENGLISH, FRENCH, make_indicator, waiting_days
from results.charts import ChartBuilder, DepartementValue
from results.charts.build import indicator_measure
from results.charts.mapspec import MAP_HEIGHT, NO_DATA, TITLE_CHARS
from results.charts.render import Renderer
from results.core.periods import Period
from results.i18n.formats import Formats
from results.model import Indicator
from svgtexts import absolute_texts

NUMBER = re.compile(r"\d[\d\u202f\u00a0 ,.]*")


def numbers(text: str, formats: Formats) -> list[Decimal]:
    """The numbers of a legend label as a reader reads them (`48 % à 50 %` → 48, 50)."""
    group, decimal = (("\u202f", ","), (",", "."))[formats.language == "en"]
    return [Decimal(found.strip().rstrip(".,").replace(group, "").replace("\u00a0", "").replace(" ", "")
                    .replace(decimal, ".")) for found in NUMBER.findall(text)]


def choropleth(values: list[float | None], indicator: Indicator, formats: Formats = FRENCH) -> dict:
    departements = [DepartementValue(f"{index + 1:02d}", f"Département {index + 1}", value, 3)
                    for index, value in enumerate(values)]
    chart = ChartBuilder(formats).choropleth("carte", "Carte", indicator_measure(indicator, Period.parse("2025"),
                                                                                 formats), departements, None)
    return chart.spec["datasets"]


CASES = {
    # 49.5 and 50.5 are shown 50 % and 51 % (half away from zero): each must sit in the class its text names
    "percent": (make_indicator(), [40, 44.6, 49.5, 50.5, 55, 59, 47.99, None]),
    "one decimal": (waiting_days(), [3.25, 4.0, 4.05, 7.35, 9.9, 12.0, None]),
    "close values": (make_indicator(), [50.4, 50.6, 51.4]),  # bounds that round alike are merged
    "one value": (make_indicator(), [72, 72.2]),
}


@pytest.mark.parametrize("formats", [FRENCH, ENGLISH], ids=["fr", "en"])
@pytest.mark.parametrize("case", CASES)
def test_legend_classes_do_not_overlap_and_hold_their_values(case: str, formats: Formats) -> None:
    indicator, values = CASES[case]
    data = choropleth(values, indicator, formats)
    legend = {row["cls"]: row["label"] for row in data["legend"] if row["cls"] != NO_DATA}
    bounds = {cls: numbers(label, formats) for cls, label in legend.items()}
    ordered = [bounds[cls] for cls in sorted(bounds, key=int)]
    for low_high in ordered:
        assert len(low_high) in (1, 2) and low_high[0] <= low_high[-1], legend
    for before, after in itertools.pairwise(ordered):
        assert before[-1] < after[0], f"classes share a bound: {legend}"
    coloured = [row for row in data["values"] if row["cls"] != NO_DATA]
    assert len(coloured) == sum(value is not None for value in values)
    for row in coloured:
        shown = numbers(row["text"], formats)[0]
        low, high = bounds[row["cls"]][0], bounds[row["cls"]][-1]
        assert low <= shown <= high, (row["text"], legend[row["cls"]])


def test_legend_reads_as_ranges_of_shown_values() -> None:
    data = choropleth([40, 44.6, 49.5, 50.5, 55, 59], make_indicator())
    labels = [row["label"] for row in data["legend"]]
    ranges = ((40, 43), (44, 47), (48, 50), (51, 54), (55, 59))
    # the other départements of the map have no value here: grey, named in the legend's last entry
    assert labels == [*(f"{low}\u00a0% à {high}\u00a0%" for low, high in ranges), "pas de données"]


# -- the legend's title: each map names what it shows -------------------------------------------------

LONG_LABEL = "Demandes de complémentaire santé solidaire traitées en moins de 30 jours"  # 72 characters


def legend_texts(indicator: Indicator, formats: Formats = FRENCH) -> list[tuple[str, float, float]]:
    """The texts under the map in its static picture, top to bottom: (text, x, y)."""
    departements = [DepartementValue(f"{index + 1:02d}", f"Département {index + 1}", value, 3)
                    for index, value in enumerate([40, 55, 70])]
    chart = ChartBuilder(formats).choropleth("carte", "Carte", indicator_measure(indicator, Period.parse("2025"),
                                                                                 formats), departements, None)
    svg = Renderer().svg(chart.spec)
    height = float(ET.fromstring(svg).get("height"))
    texts = [(text, x, y) for text, x, y, _anchor in absolute_texts(svg) if y > MAP_HEIGHT]
    assert all(y < height for _text, _x, y in texts), "a legend text is cut off at the picture's bottom"
    return sorted(texts, key=lambda text: text[2])


@pytest.mark.parametrize("formats", [FRENCH, ENGLISH], ids=["fr", "en"])
def test_an_indicator_map_legend_is_titled_with_the_indicator(formats: Formats) -> None:
    """Not a generic « Valeur par département »: the indicator's label heads the classes."""
    texts = legend_texts(make_indicator(), formats)
    assert texts[0][0] == "Usagers satisfaits"
    assert all("par département" not in text and "by département" not in text for text, _x, _y in texts)


def test_a_long_label_takes_two_lines_above_the_classes() -> None:
    texts = legend_texts(make_indicator(label=LONG_LABEL))
    first, second, first_class = texts[0], texts[1], texts[2]
    assert f"{first[0]} {second[0]}" == LONG_LABEL
    assert all(len(line) <= TITLE_CHARS for line, _x, _y in (first, second))  # each fits the map's width
    assert first[2] < second[2] < first_class[2]
    assert "%" in first_class[0]  # the first class comes after the title, not over its second line
