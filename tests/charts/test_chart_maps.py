"""A map's legend: classes that never share a bound, and every département in the class its shown
value names (a reader who sees « 50 % » on a département finds 50 % in its colour's legend entry)."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pytest
from chartcheck import ENGLISH, FRENCH, make_indicator, waiting_days
from results.charts import ChartBuilder, DepartementValue
from results.charts.build import indicator_measure
from results.charts.mapspec import NO_DATA
from results.core.periods import Period
from results.i18n.formats import Formats
from results.model import Indicator

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
