"""The choropleth map of France by département, as an Altair template shared by every map.

The geometry (geodata/departements.json, already projected: Lambert-93 in hectometres, overseas
départements as insets) is part of the *template*, published once, so each map's own data part is a
hundred small rows. Vega draws it with the `identity` projection (`reflectY`: north up).

Colour is never alone: values fall into at most `CLASSES` classes of equal width whose bounds are
written in the legend, départements without data are a neutral grey labelled "pas de données" in the
legend (never the colour of a low value), and the figure's caption and table give every number.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import altair as alt

from ..i18n.formats import N_
from . import palette

GEOMETRY = Path(__file__).parent / "geodata" / "departements.json"
CLASSES = 5
NO_DATA = "nd"
NO_DATA_NAME = N_("pas de données")  # translated where it is shown
MAP_WIDTH = 338  # with 8 px padding on each side the SVG is 354 px wide, like the other charts
MAP_HEIGHT = 276  # the geometry is 0.82 as high as wide
LEGEND_ROW = 22
LEGEND_TOP = 14  # below the map
TITLE_LINES = 2  # the legend's title: an indicator's label may need two lines
TITLE_CHARS = 48  # characters of bold 11 px text the map's width holds on one line


@dataclass(frozen=True)
class ChartWords:
    """The words a chart's template itself holds (tooltip titles), in the build's language: part of
    every style, so each language has its own template (`ChartWords.of(formats)`)."""

    period: str = "Période"
    serie: str = "Série"
    value: str = "Valeur"
    values: str = "Valeurs"
    structure: str = "Structure"
    structures: str = "Structures"
    departement: str = "Département"

    @classmethod
    def of(cls, formats: Any) -> ChartWords:
        _ = formats.gettext
        return cls(_(N_("Période")), _(N_("Série")), _(N_("Valeur")), _(N_("Valeurs")), _(N_("Structure")),
                   _(N_("Structures")), _(N_("Département")))


@dataclass(frozen=True)
class MapStyle:
    """A choropleth's shape: the legend's rows are fixed (a title of up to `TITLE_LINES` lines, every
    class, "pas de données"). The legend's title is data (dataset `legend_title`), not style: each
    map names what it shows, and every map still shares one template (with the geometry in it)."""

    words: ChartWords = field(default_factory=ChartWords)


@lru_cache(maxsize=1)
def features() -> tuple[dict[str, Any], ...]:
    """The départements' GeoJSON features (read once per process; the file is immutable)."""
    return tuple(json.loads(GEOMETRY.read_text("utf-8"))["features"])


def class_domain() -> list[str]:
    return [str(index) for index in range(CLASSES)] + [NO_DATA]


def class_colours() -> list[str]:
    return [*palette.SEQUENTIAL, palette.NO_DATA]


def legend_height() -> int:
    return LEGEND_TOP + (TITLE_LINES + CLASSES + 1) * LEGEND_ROW


def title_rows(title: str) -> list[dict[str, Any]]:
    """The `legend_title` dataset: the map's legend title on one line, or two if it is long (an
    indicator's label), each as wide as the map allows."""
    lines = textwrap.wrap(title, TITLE_CHARS, max_lines=TITLE_LINES, placeholder=" …") or [""]
    return [{"text": line, "y": MAP_HEIGHT + LEGEND_TOP + index * LEGEND_ROW} for index, line in enumerate(lines)]


def _pixels(field: str, channel: type) -> Any:
    return channel(field, type="quantitative", title=None, axis=None, scale=None)


def map_chart(style: MapStyle) -> alt.LayerChart:
    """Reads dataset `values` (code, nom, cls, text, count_text: one row per département of the
    geometry) and `legend` (cls, label, y): the legend's rows, as many as this map uses."""
    colour = alt.Color("cls", type="nominal", legend=None,
                       scale=alt.Scale(domain=class_domain(), range=class_colours()))
    shapes = (
        alt.Chart(alt.Data(values=list(features())))
        .transform_lookup(lookup="properties.code",
                          from_=alt.LookupData(data=alt.NamedData("values"), key="code",
                                               fields=["nom", "cls", "text", "count_text"]))
        .mark_geoshape(stroke=palette.AXIS, strokeWidth=0.5)
        .encode(color=colour, tooltip=[alt.Tooltip("nom", type="nominal", title=style.words.departement),
                                       alt.Tooltip("text", type="nominal", title=style.words.value),
                                       alt.Tooltip("count_text", type="nominal", title=style.words.structures)])
        .project(type="identity", reflectY=True)
    )
    legend = alt.Chart(alt.NamedData("legend"))
    title = (alt.Chart(alt.NamedData("legend_title"))
             .mark_text(align="left", baseline="middle", x=0, fontWeight="bold")
             .encode(y=_pixels("y", alt.Y), text=alt.Text("text", type="nominal")))
    layers = [
        shapes,
        title,
        legend.mark_rect(stroke=palette.AXIS, strokeWidth=0.5).encode(
            x=alt.X("x", type="quantitative", title=None, axis=None, scale=None), x2=alt.X2("x2"),
            y=_pixels("y1", alt.Y), y2=alt.Y2("y2"), color=colour),
        legend.mark_text(align="left", baseline="middle").encode(
            x=_pixels("tx", alt.X), y=_pixels("y", alt.Y), text=alt.Text("label", type="nominal")),
    ]
    return (
        alt.layer(*layers)
        .properties(width=MAP_WIDTH, height=MAP_HEIGHT, autosize=alt.AutoSizeParams(type="none"),
                    padding={"left": 8, "right": 8, "top": 8, "bottom": legend_height() - LEGEND_ROW // 2})
    )


def legend_rows(labels: list[tuple[str, str]], title_lines: int = 1) -> list[dict[str, Any]]:
    """The `legend` dataset: one swatch and label per (class, label), stacked under the map and its
    legend title's lines."""
    rows = []
    for index, (cls, label) in enumerate(labels):
        y = MAP_HEIGHT + LEGEND_TOP + (index + title_lines) * LEGEND_ROW
        rows.append({"cls": cls, "label": label, "x": 0, "x2": 24, "tx": 32, "y": y, "y1": y - 8, "y2": y + 8})
    return rows
