"""Vega formats numbers and dates in the chart's language, in the static render and in the browser alike.

Every chart shape's template carries its language's Vega locale (`config.locale`, from the same CLDR
symbols as the page's numbers); the page script sets none of its own, so the interactive chart formats
with the template's locale too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from chartcheck import ENGLISH, FRENCH, make_indicator, series
from results.charts import ChartBuilder, ChartCache, TrendPanel
from results.charts.locale import d3_pattern, vega_locale
from results.charts.render import Renderer

SCRIPT = Path(__file__).resolve().parents[2] / "theme/static/js/charts.js"
NBSP, NNBSP = "\u00a0", "\u202f"


def test_the_vega_locale_writes_numbers_as_the_page_does() -> None:
    french, english = vega_locale(FRENCH)["number"], vega_locale(ENGLISH)["number"]
    assert (french["decimal"], french["thousands"], french["percent"]) == (",", NNBSP, f"{NBSP}%")
    assert (english["decimal"], english["thousands"], english["percent"]) == (".", ",", "%")
    assert FRENCH.number(1234.5, 1) == f"1{french['thousands']}234{french['decimal']}5"
    assert FRENCH.value(72, "percent") == "72" + french["percent"]
    assert ENGLISH.value(72, "percent") == "72" + english["percent"]


def test_the_vega_locale_names_months_and_days_in_the_language() -> None:
    french, english = vega_locale(FRENCH)["time"], vega_locale(ENGLISH)["time"]
    assert french["months"][2] == "mars" and english["months"][2] == "March"
    assert french["days"][0] == "dimanche" and english["days"][0] == "Sunday"  # d3 weeks start on Sunday
    assert french["date"] == english["date"] == "%d/%m/%Y"
    assert d3_pattern("EEEE d MMMM y 'à' HH:mm") == "%A %-d %B %Y à %H:%M"


def _formatted_texts(formats) -> list[str]:  # type: ignore[no-untyped-def]
    """What vl-convert writes for numbers Vega formats itself, under the language's template config."""
    builder = ChartBuilder(formats)
    chart = builder.trend("t", "T", [TrendPanel(make_indicator(), series([70, 72]))], "S")
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "config": chart.spec["config"],
            "data": {"values": [{"v": 1234.5, "share": 0.72}]},
            "layer": [{"mark": "text", "encoding": {"text": {"field": "v", "type": "quantitative", "format": ",.1f"}}},
                      {"mark": {"type": "text", "dy": 20},
                       "encoding": {"text": {"field": "share", "type": "quantitative", "format": ".0%"}}}]}
    svg = Renderer().svg(spec, static_text=False)
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


@pytest.mark.parametrize(("formats", "expected"), [
    (FRENCH, [f"1{NNBSP}234,5", f"72{NBSP}%"]),
    (ENGLISH, ["1,234.5", "72%"]),
])
def test_vega_formats_in_the_template_language(formats, expected) -> None:  # type: ignore[no-untyped-def]
    """Before: French separators whatever the page's language (vl-convert was given the French locale)."""
    assert _formatted_texts(formats) == expected


def test_each_language_has_its_own_templates_and_cache_keys(tmp_path: Path) -> None:
    """The same figures in French and in English are two drawings, never one served for the other."""
    made = {}
    for formats in (FRENCH, ENGLISH):
        builder = ChartBuilder(formats, tmp_path / "templates")
        made[formats.language] = builder.trend("t", "T", [TrendPanel(make_indicator(), series([70, 72]))], "S")
    assert made["fr"].template.spec["config"]["locale"] == vega_locale(FRENCH)
    assert made["en"].template.spec["config"]["locale"] == vega_locale(ENGLISH)
    assert made["fr"].template.id != made["en"].template.id
    cache = ChartCache(tmp_path / "cache")
    assert cache.key(made["fr"]) != cache.key(made["en"])


def test_the_compiled_browser_template_keeps_the_locale() -> None:
    chart = ChartBuilder(ENGLISH).trend("t", "T", [TrendPanel(make_indicator(), series([70, 72]))], "S")
    vega = Renderer({chart.template.id: chart.template.json}).interactive_vega(chart.template.id, chart.data)
    assert vega["config"]["locale"] == vega_locale(ENGLISH)


def test_charts_js_sets_no_locale_of_its_own() -> None:
    """A locale given to vega-embed would override the template's: the page script gives none."""
    source = re.sub(r"/\*.*?\*/", "", SCRIPT.read_text(encoding="utf-8"), flags=re.S)
    assert "formatLocale" not in source and "timeFormatLocale" not in source


def test_charts_js_has_no_eval():
    source = re.sub(r"/\*.*?\*/", "", SCRIPT.read_text(encoding="utf-8"), flags=re.S)  # code, not comments
    assert "eval(" not in source and "new Function" not in source and "innerHTML" not in source
