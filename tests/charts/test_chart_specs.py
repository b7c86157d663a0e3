"""Specs are valid Vega-Lite, carry French-formatted data, and templates are reused across charts."""

from __future__ import annotations

import json

import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema
from chartcheck import ENGLISH, FRENCH, make_indicator, series, waiting_days
from results.charts import ChartBuilder, StructureValue, TrendPanel
from results.charts.build import STRIP_LIMIT, histogram_bins
from results.charts.scales import fiscal_year_ticks, time_domain, value_ticks, year_ticks
from results.core.periods import Period

SCHEMA = load_schema()


def structure_chart(builder: ChartBuilder, offset: float = 0.0):
    panels = [
        TrendPanel(make_indicator(), series([70 + offset, 72, None, 75], ci=3), series([71, 71, 72, 73]), 80),
        TrendPanel(waiting_days(), series([12.5, 11.0, 9.5, 9.0]), series([10.0, 10.0, 10.2, 10.1])),
    ]
    return builder.trend("evolution", "Évolution des résultats", panels, "Cette structure", "Médiane du réseau")


def distribution(builder: ChartBuilder, count: int):
    values = [StructureValue(f"S{i:04d}", f"Structure {i}", 55 + (i * 37) % 40) for i in range(count)]
    return builder.distribution("repartition", "Répartition", make_indicator(), values, Period.parse("2025"), 74)


@pytest.mark.parametrize("kind", ["panels", "single", "strip", "histogram"])
def test_specs_are_valid_vega_lite(kind):
    builder = ChartBuilder(FRENCH)
    chart = {
        "panels": lambda: structure_chart(builder),
        "single": lambda: builder.trend("t", "T", [TrendPanel(make_indicator(), series([70]))], "Ensemble"),
        "strip": lambda: distribution(builder, 12),
        "histogram": lambda: distribution(builder, STRIP_LIMIT + 1),
    }[kind]()
    assert validate_jsonschema(chart.spec, SCHEMA, raise_error=False) is None
    assert json.loads(chart.spec_json) == chart.spec


def test_template_is_built_once_and_only_data_changes():
    builder = ChartBuilder(FRENCH)
    first, second = structure_chart(builder), structure_chart(builder, offset=1)
    assert len(builder.templates._templates) == 1
    assert first.digest != second.digest
    differing = {key for key in first.spec if first.spec[key] != second.spec[key]}
    assert differing <= {"datasets", "params", "description"}


def test_data_rows_carry_french_text_and_periods():
    chart = structure_chart(ChartBuilder(FRENCH))
    rows = [row for row in chart.spec["datasets"]["lines_0"] if row["serie"] == "Cette structure"]
    assert rows[0] == {"serie": "Cette structure", "t": 2023.0, "label": "1er trimestre 2023", "value": 70.0,
                       "text": "70\u00a0%", "ci_text": "67\u00a0% à 73\u00a0%"}
    assert rows[2]["value"] is None and rows[2]["text"] == "non publié"
    band = chart.spec["datasets"]["band_0"]
    assert band[0] == {"t": 2023.0, "ci_low": 67.0, "ci_high": 73.0}
    assert band[2]["ci_low"] is None
    assert chart.spec["datasets"]["lines_0"][0]["serie"] == "Médiane du réseau", "the reference is drawn first"
    assert chart.spec["datasets"]["band_1"] == []
    assert chart.spec["datasets"]["target_0"] == [{"value": 80.0, "text": "80\u00a0%"}]
    assert chart.spec["datasets"]["target_1"] == []
    assert [row["text"] for row in chart.spec["datasets"]["xticks"]] == ["2023"]
    params = {p["name"]: p["value"] for p in chart.spec["params"]}
    low, high = params["y_domain_0"]
    assert low <= 67 and high >= 80


def test_legend_lists_only_layers_drawn():
    builder = ChartBuilder(FRENCH)
    chart = builder.trend("t", "T", [TrendPanel(make_indicator(), series([70, 71]))], "Ensemble des structures",
                          "Médiane du réseau")
    assert [row["serie"] for row in chart.spec["datasets"]["legend"]] == ["Ensemble des structures"]
    full = structure_chart(builder)
    assert [row["serie"] for row in full.spec["datasets"]["legend"]] == [
        "Cette structure", "Médiane du réseau", "Objectif", "Intervalle de confiance"]


def test_one_template_per_network_whatever_each_structure_publishes():
    builder = ChartBuilder(FRENCH)
    structure_chart(builder)
    builder.trend("t", "T", [TrendPanel(make_indicator(), series([70, 71])), TrendPanel(waiting_days(), [])],
                  "Cette structure", "Médiane du réseau")
    assert len(builder.templates._templates) == 1


def test_value_ticks_are_round_and_cover_the_data():
    assert value_ticks([71, 76], "percent", 0) == [70, 72, 74, 76]
    assert value_ticks([92, 99.5], "percent", 0, 3) == [90, 95, 100]
    assert value_ticks([72, 72], "percent", 0)[0] < 72 < value_ticks([72, 72], "percent", 0)[-1]
    ticks = value_ticks([8.7, 12.4], "days", 1)
    assert ticks[0] <= 8.7 and ticks[-1] >= 12.4 and 3 <= len(ticks) <= 5


def test_year_ticks():
    assert year_ticks(2023.0, 2025.75) == [(2023.0, "2023"), (2024.0, "2024"), (2025.0, "2025")]
    assert year_ticks(2025.25, 2025.75) == [(2025.5, "2025")]
    assert len(year_ticks(2000.0, 2025.0)) <= 6


def test_fiscal_years_are_ticked_on_their_own_points():
    """A fiscal year sits at its April (2023.25): its tick says 2023-2024 there, not "2024" in between."""
    assert fiscal_year_ticks([2021.25, 2022.25, 2023.25]) == [
        (2021.25, "2021-2022"), (2022.25, "2022-2023"), (2023.25, "2023-2024")]
    assert len(fiscal_year_ticks([year + 0.25 for year in range(2000, 2025)])) <= 4


def test_fiscal_year_ticks_follow_the_language():
    """`2023–24` on an English axis, as the English page writes a fiscal year (« fiscal year 2023–24 »)."""
    assert fiscal_year_ticks([2022.25, 2023.25], fmt=FRENCH) == [(2022.25, "2022-2023"), (2023.25, "2023-2024")]
    assert fiscal_year_ticks([2022.25, 2023.25], fmt=ENGLISH) == [(2022.25, "2022–23"), (2023.25, "2023–24")]


def test_time_domain_keeps_room_for_a_label_centred_on_the_last_point():
    low, high = time_domain([2021.25, 2023.25], edge_px=20, width_px=280)
    pixels_per_year = 280 / (high - low)
    assert (high - 2023.25) * pixels_per_year >= 20 - 1e-6 and (2021.25 - low) * pixels_per_year >= 20 - 1e-6
    assert time_domain([2021.25, 2023.25]) == (2021.25 - 0.12, 2023.25 + 0.12)  # other series: unchanged


def test_histogram_bins_count_every_value():
    numbers = [55 + (i * 37) % 40 for i in range(500)]
    bins = histogram_bins(numbers, [50, 60, 70, 80, 90, 100])
    assert sum(count for _start, _end, count in bins) == 500
    assert bins[0][0] == 50 and bins[-1][1] >= max(numbers)


def test_distribution_switches_to_histogram_for_many_structures():
    builder = ChartBuilder(FRENCH)
    assert "values" in distribution(builder, 12).spec["datasets"]
    big = distribution(builder, STRIP_LIMIT + 1)
    assert "bins" in big.spec["datasets"] and "values" not in big.spec["datasets"]
    assert big.csv.splitlines()[0] == "indicator_id,period,unit,bin_start,bin_end,structure_count"


def test_csv_has_every_series_in_long_format():
    lines = structure_chart(ChartBuilder(FRENCH)).csv.splitlines()
    assert lines[0] == ("indicator_id,indicator_label,unit,series,period,period_label,value,"
                        "ci_low,ci_high")
    assert lines[1] == "satisfaction,Usagers satisfaits,percent,Cette structure,2023-Q1,1er trimestre 2023,70,67,73"
    assert "satisfaction,Usagers satisfaits,percent,Cette structure,2023-Q3,3e trimestre 2023,,," in lines
    assert "satisfaction,Usagers satisfaits,percent,Objectif,,,80,," in lines
    reference = "delai,Délai pour un premier rendez-vous,days,Médiane du réseau,2023-Q4"
    assert any(line.startswith(reference) for line in lines)


def test_templates_are_kept_on_disk_between_builds(tmp_path, monkeypatch):
    first = structure_chart(ChartBuilder(FRENCH, tmp_path))
    assert len(list(tmp_path.glob("*.vl.json"))) == 1

    def no_altair(style):
        raise AssertionError("the template should come from the cache")

    monkeypatch.setattr("results.charts.specs.trend_chart", no_altair)
    second = structure_chart(ChartBuilder(FRENCH, tmp_path))
    assert second.template.id == first.template.id and second.spec == first.spec


def _tooltip_fields_by_dataset(spec: dict) -> dict[str, set[str]]:
    """The fields each named dataset's layers show in their tooltips."""
    found: dict[str, set[str]] = {}

    def walk(node):
        if isinstance(node, dict):
            name = node.get("data", {}).get("name") if isinstance(node.get("data"), dict) else None
            tooltip = node.get("encoding", {}).get("tooltip") if isinstance(node.get("encoding"), dict) else None
            if name and tooltip:
                entries = tooltip if isinstance(tooltip, list) else [tooltip]
                found.setdefault(name, set()).update(entry["field"] for entry in entries if "field" in entry)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def test_every_tooltip_field_is_in_every_row():
    """A field missing from a row reads "undefined" in the interactive chart's tooltip (network points,
    panels without a confidence interval): every row carries what its layer's tooltip shows."""
    chart = structure_chart(ChartBuilder(FRENCH))
    fields = _tooltip_fields_by_dataset(chart.spec)
    assert "ci_text" in fields["lines_0"]
    for name, wanted in fields.items():
        for row in chart.spec["datasets"][name]:
            assert wanted <= row.keys(), (name, row)
    network = [row for row in chart.spec["datasets"]["lines_0"] if row["serie"] == "Médiane du réseau"]
    assert {row["ci_text"] for row in network} == {"–"}
    assert {row["ci_text"] for row in chart.spec["datasets"]["lines_1"]} == {"–"}, "no interval given"
