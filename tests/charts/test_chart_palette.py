"""Colours meet WCAG contrast: series ≥ 3:1 on white and between the two compared series, text ≥ 4.5:1."""

from __future__ import annotations

import pytest
from results.charts import palette
from results.charts.specs import PanelStyle, TrendStyle, legend_entries


@pytest.mark.parametrize("colour", [palette.SERIES, palette.REFERENCE, palette.TARGET, palette.AXIS])
def test_graphical_colours_stand_out_from_white(colour):
    assert palette.contrast_ratio(colour, palette.WHITE) >= 3


@pytest.mark.parametrize("colour", [palette.TEXT, palette.SERIES, palette.REFERENCE, palette.TARGET])
def test_colours_used_for_text_are_readable(colour):
    assert palette.contrast_ratio(colour, palette.WHITE) >= 4.5


def test_compared_series_differ_by_contrast_and_not_by_colour_alone():
    assert palette.contrast_ratio(palette.SERIES, palette.REFERENCE) >= 3
    entries = legend_entries(TrendStyle((PanelStyle(None, "percent", 0),), "Structure", "Médiane"))
    lines = [entry for entry in entries if entry.line]
    assert len({(entry.shape, entry.dash) for entry in lines}) == len(lines), "shape or dash tells lines apart"


def test_contrast_ratio_reference_values():
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
