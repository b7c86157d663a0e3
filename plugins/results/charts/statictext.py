"""Draw a spec's simple text layers in Python, so vl-convert only draws the geometry.

vl-convert measures every text item through a Rust text-shaping call (~0.5 ms each, more for axis
labels): on a structure figure that is two thirds of the render time. Our specs (specs.py) place every
text either at a fixed pixel position or on a linear scale whose domain is a param, in a layout that
is fully determined (`autosize: none`, explicit padding, `bounds: flush`). Such a text's position is
plain arithmetic, done here exactly as Vega does it (same baseline offsets, same rounding), so the
static SVG matches what Vega draws in the browser from the same spec (tests/charts/test_statictext.py
compares both).

A text layer this module cannot place (a transform, another scale) is left to Vega.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

Spec = dict[str, Any]

# Vega's vertical offsets for text baselines, in font sizes (vega-scenegraph, text offset()).
BASELINE_OFFSET = {"top": 0.79, "middle": 0.30, "bottom": -0.21, "alphabetic": 0.0}
ANCHOR = {"left": "start", "center": "middle", "right": "end"}


@dataclass(frozen=True)
class TextLayer:
    """A text layer lifted out of the spec, with where its panel sits on the canvas."""

    layer: Spec
    origin: tuple[float, float]
    size: tuple[float, float]


def _mark(layer: Spec) -> Spec:
    mark = layer.get("mark")
    return {"type": mark} if isinstance(mark, str) else (mark or {})


def _channel_ok(channel: Any, mark_value: Any) -> bool:
    """A position is placeable if given in pixels, or as a field on a param-domain linear scale."""
    if channel is None:
        return isinstance(mark_value, int | float)
    if not isinstance(channel, dict) or "field" not in channel or channel.get("type") != "quantitative":
        return False
    if "scale" in channel and channel["scale"] is None:
        return True
    scale = channel.get("scale") or {}
    domain = scale.get("domain")
    return isinstance(domain, dict) and "expr" in domain and set(scale) <= {"domain", "nice", "zero"}


def is_placeable(layer: Spec) -> bool:
    """True for a text layer drawn from a dataset with no transform and placeable positions."""
    mark = _mark(layer)
    if mark.get("type") != "text" or layer.get("transform"):
        return False
    data = layer.get("data") or {}
    if "name" not in data and "values" not in data:
        return False
    encoding = layer.get("encoding") or {}
    if set(encoding) - {"x", "y", "text", "tooltip"}:
        return False
    if any(key in mark for key in ("angle", "limit", "radius", "theta", "lineBreak")):
        return False
    text = encoding.get("text", {})
    has_text = isinstance(text, dict) and ("field" in text or "value" in text or "text" in mark)
    if not has_text:
        return False
    return _channel_ok(encoding.get("x"), mark.get("x", 0)) and _channel_ok(encoding.get("y"), mark.get("y", 0))


def fixed_layout(spec: Spec) -> bool:
    """True when the spec's layout does not depend on its content (`autosize: none`)."""
    autosize = spec.get("autosize")
    return autosize == "none" or (isinstance(autosize, dict) and autosize.get("type") == "none")


def _views(spec: Spec) -> list[tuple[Spec, tuple[float, float]]]:
    """Each unit/layer view with its plot origin on the canvas (only layouts whose offsets are known)."""
    padding = spec.get("padding") or {}
    left, top = padding.get("left", 0), padding.get("top", 0)
    if "vconcat" in spec:
        if spec.get("bounds") != "flush":
            return []
        views, offset = [], top
        for view in spec["vconcat"]:
            views.append((view, (left, offset)))
            offset += view["height"] + spec.get("spacing", 20)
        return views
    return [(spec, (left, top))] if "layer" in spec else []


def split(spec: Spec) -> tuple[Spec, list[TextLayer]]:
    """The spec without its placeable text layers, and those layers. Requires `autosize: none`."""
    if not fixed_layout(spec):
        return spec, []
    lifted: list[TextLayer] = []
    stripped = dict(spec)
    views = []
    for view, origin in _views(spec):
        keep = []
        for layer in view["layer"]:
            if is_placeable(layer):
                lifted.append(TextLayer(layer, origin, (view["width"], view["height"])))
            else:
                keep.append(layer)
        views.append({**view, "layer": keep})
    if not lifted:
        return spec, []
    if "vconcat" in spec:
        stripped["vconcat"] = views
    else:
        stripped = views[0]
    return stripped, lifted


def _js_round(value: float) -> int:
    return math.floor(value + 0.5)


def _number(value: float) -> str:
    """Coordinates to a tenth of a pixel, like the rest of the finished SVG."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _position(channel: Any, mark_value: Any, row: dict, params: dict[str, Any], span: float,
              flip: bool) -> float | None:
    if channel is None:
        return float(mark_value)
    value = row.get(channel["field"])
    if value is None or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    if "scale" in channel and channel["scale"] is None:
        return float(value)
    low, high = params[channel["scale"]["domain"]["expr"]]
    fraction = 0.5 if high == low else (value - low) / (high - low)
    return span * (1 - fraction) if flip else span * fraction


def render_text(spec: Spec, layers: list[TextLayer]) -> str:
    """SVG `<text>` elements for the lifted layers, in canvas coordinates."""
    config = spec.get("config") or {}
    text_config = config.get("text") or {}
    font = config.get("font", "sans-serif")
    params = {p["name"]: p.get("value") for p in spec.get("params", [])}
    datasets = spec.get("datasets") or {}
    parts = []
    for lifted in layers:
        layer, mark = lifted.layer, _mark(lifted.layer)
        encoding = layer.get("encoding") or {}
        data = layer["data"]
        rows = data["values"] if "values" in data else datasets.get(data["name"], [])
        size = mark.get("fontSize", text_config.get("fontSize", 11))
        colour = mark.get("color", text_config.get("color", "black"))
        anchor = ANCHOR[mark.get("align", "center")]
        offset = _js_round(BASELINE_OFFSET[mark.get("baseline", "middle")] * size)
        weight = mark.get("fontWeight")
        style = f'font-family="{escape(font, {chr(34): "&quot;"})}" font-size="{size}px"'
        if weight and weight not in ("normal", 400):
            style += f' font-weight="{weight}"'
        style += f' fill="{colour}"'
        text_channel = encoding.get("text", {})
        texts = []
        for row in rows:
            x = _position(encoding.get("x"), mark.get("x", 0), row, params, lifted.size[0], False)
            y = _position(encoding.get("y"), mark.get("y", 0), row, params, lifted.size[1], True)
            if x is None or y is None:
                continue
            text = row.get(text_channel["field"]) if "field" in text_channel else text_channel.get("value")
            if text is None and "text" in mark:
                text = mark["text"]
            if text in (None, ""):
                continue
            x += lifted.origin[0] + mark.get("dx", 0)
            y += lifted.origin[1] + mark.get("dy", 0) + offset
            texts.append(f'<text text-anchor="{anchor}" x="{_number(x)}" y="{_number(y)}">{escape(str(text))}</text>')
        if texts:  # the layer's style said once for its texts, not on each (~80 bytes a text)
            parts.append(f"<g {style}>{''.join(texts)}</g>")
    return "".join(parts)
