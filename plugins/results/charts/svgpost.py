"""Finish a rendered SVG: full canvas size, accessible name, smaller markup, no inline styles.

The page shows the SVG through `<img alt="">` inside a `<figure>` whose caption, sentence and table
carry the information, so the image itself is decorative on the page; the file keeps `role="img"` and
a `<title>` so it is named when downloaded and opened on its own (its long description is the page's
caption, not repeated in the file).
"""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from .statictext import fixed_layout

_ROOT = re.compile(r"<svg\b[^>]*>")
_BACKGROUND = re.compile(r'<rect width="[^"]*" height="[^"]*"')
_NOISE = re.compile(r' (?:class|role|aria-roledescription|aria-hidden|pointer-events)="[^"]*"| opacity="1"')
_LONG_DECIMALS = re.compile(r"(\d\.\d)\d+")  # a tenth of a pixel is plenty, and a third of the bytes
_INVISIBLE = re.compile(r'<path d="[^"]*"(?: display="none")?/>')  # group backgrounds without fill or stroke
_EMPTY_GROUP = re.compile(r"<g(?: [^>]*)?(?:/>|></g>)")
_PATH = re.compile(r"<path [^>]*>")
_STROKE_ONLY = re.compile(r' stroke-(?:width|dasharray)="[^"]*"')
_DRAWS_NOTHING = re.compile(r' transform="translate\(0,0\)"| stroke-dasharray=""')
_TAG = re.compile(r"<[^>]+>")
_WHOLE_TENTHS = re.compile(r"(\d)\.0(?!\d)")  # 7.0 → 7 (in attributes only: texts are French prose)
_FONT_FAMILY = re.compile(r' font-family="([^"]*)"')
_PLACED_PATH = re.compile(r'<path transform="translate\(([-\d.e]+),([-\d.e]+)\)" d="([^"]+)"([^>]*)/>')
_REUSED = 3  # a path drawn this often (point markers) is defined once and placed with <use>


def _drop_unused_stroke(match: re.Match) -> str:
    """Markers are filled, not stroked: their inherited stroke width and dashes draw nothing."""
    tag = match.group(0)
    return tag if " stroke=" in tag else _STROKE_ONLY.sub("", tag)


def _short_numbers(svg: str) -> str:
    return _TAG.sub(lambda tag: _WHOLE_TENTHS.sub(r"\1", tag.group(0)), svg)


def _font_on_root(svg: str) -> str:
    """One font for every text (the usual case): said once on the root, inherited by each text."""
    families = set(_FONT_FAMILY.findall(svg))
    root = _ROOT.search(svg)
    if len(families) != 1 or root is None:
        return svg
    body = _FONT_FAMILY.sub("", svg[root.end():])
    return f'{svg[:root.end() - 1]} font-family="{families.pop()}">{body}'


def _reuse_markers(svg: str) -> str:
    """Point markers (the same circle or square at each period) drawn once in <defs>, placed by <use>:
    ~45 bytes instead of ~90 per point. Fill and stroke stay on each <use> and are inherited."""
    shapes: dict[str, int] = {}
    for match in _PLACED_PATH.finditer(svg):
        shapes[match.group(3)] = shapes.get(match.group(3), 0) + 1
    ids = {shape: f"m{index}" for index, shape in enumerate(s for s, count in shapes.items() if count >= _REUSED)}
    root = _ROOT.search(svg)
    if not ids or root is None:
        return svg

    def place(match: re.Match) -> str:
        x, y, shape, rest = match.groups()
        if shape not in ids:
            return match.group(0)
        return f'<use href="#{ids[shape]}" x="{x}" y="{y}"{rest}/>'

    body = _PLACED_PATH.sub(place, svg[root.end():])
    body = _USE_RUN.sub(_shared_paint, body)
    defs = "".join(f'<path id="{id_}" d="{shape}"/>' for shape, id_ in ids.items())
    return f"{svg[:root.end()]}<defs>{defs}</defs>{body}"


_USE_RUN = re.compile(r'<use href="#m\d+" x="[^"]*" y="[^"]*"( [^>]*?)/>(?:<use href="#m\d+" x="[^"]*" y="[^"]*"\1/>)+')


def _shared_paint(match: re.Match) -> str:
    """Markers placed one after the other with the same paint (a series' points): the paint said once
    on a group, ~15 bytes less per point."""
    paint = match.group(1)
    return f"<g{paint}>{match.group(0).replace(paint + '/>', '/>')}</g>"


_CIRCLE = re.compile(r"M([\d.]+),0A\1,\1,0,1,1,-\1,0A\1,\1,0,1,1,\1,0Z?$")
_SQUARE = re.compile(r"M-([\d.]+),-\1h([\d.]+)v\2h-\2Z$")
_DEF = re.compile(r'<path id="(m\d+)" d="([^"]+)"/>')
_PAINTED_RUN = re.compile(r'<g fill="([^"]*)">((?:<use href="#m\d+" x="[^"]*" y="[^"]*"/>)+)</g>')
_PLACED = re.compile(r'<use href="#(m\d+)" x="([^"]*)" y="([^"]*)"/>')


def _dots(svg: str) -> str:
    """A series' circles or squares (a run of `<use>` of one paint) as one path of zero-length strokes
    with round or square caps: `M10.6 21.8h0` (12 bytes) per point instead of a `<use>` (~35). Browsers
    and resvg draw the same shape; only the anti-aliasing of the edges may differ by a few levels."""
    caps: dict[str, tuple[str, float]] = {}
    for id_, shape in _DEF.findall(svg):
        if circle := _CIRCLE.match(shape):
            caps[id_] = ("round", 2 * float(circle.group(1)))
        elif (square := _SQUARE.match(shape)) and float(square.group(2)) == 2 * float(square.group(1)):
            caps[id_] = ("square", float(square.group(2)))

    def run(match: re.Match) -> str:
        places = _PLACED.findall(match.group(2))
        shapes = {shape for shape, _x, _y in places}
        if len(shapes) != 1 or places[0][0] not in caps:
            return match.group(0)
        cap, width = caps[places[0][0]]
        path = "".join(f"M{x} {y}h0" for _shape, x, y in places)
        return f'<path d="{path}" stroke="{match.group(1)}" stroke-width="{width:g}" stroke-linecap="{cap}"/>'

    svg = _PAINTED_RUN.sub(run, svg)
    for id_, shape in _DEF.findall(svg):  # shapes no <use> places any more
        if f'href="#{id_}"' not in svg:
            svg = svg.replace(f'<path id="{id_}" d="{shape}"/>', "")
    return svg.replace("<defs></defs>", "")


def compact(svg: str) -> str:
    """Vega's SVG without what draws nothing and without repetition: about half of Vega's bytes, for
    tens of thousands of files at national scale."""
    svg = _NOISE.sub("", svg)
    svg = _DRAWS_NOTHING.sub("", svg)
    svg = _LONG_DECIMALS.sub(r"\1", svg)
    svg = _INVISIBLE.sub("", svg)
    svg = _PATH.sub(_drop_unused_stroke, svg)
    previous = None
    while previous != svg:
        previous, svg = svg, _EMPTY_GROUP.sub("", svg)
    svg = _short_numbers(svg)
    svg = _font_on_root(svg)
    return _dots(_reuse_markers(svg))


def canvas_size(spec: dict[str, Any]) -> tuple[float, float] | None:
    """Width and height of a chart laid out with `autosize: none` (Vega reports 0 for a vconcat)."""
    padding = spec.get("padding") or {}
    if not isinstance(padding, dict):
        return None
    if "vconcat" in spec:
        views = spec["vconcat"]
        width = max(view.get("width", 0) for view in views)
        height = sum(view.get("height", 0) for view in views) + spec.get("spacing", 20) * (len(views) - 1)
    elif isinstance(spec.get("width"), int | float) and isinstance(spec.get("height"), int | float):
        width, height = spec["width"], spec["height"]
    else:
        return None
    return (width + padding.get("left", 0) + padding.get("right", 0),
            height + padding.get("top", 0) + padding.get("bottom", 0))


def _dimension(value: float) -> str:
    return f"{value:g}"


def finish_svg(svg: str, spec: dict[str, Any], extra: str = "") -> str:
    """The SVG as published: fixed size, `role="img"` with its title, compact markup.

    No `<desc>`: the spec's description is the figure's caption on the page (and the page's table has
    the figures); repeating it in every SVG cost ~1.5 KB per structure."""
    size = canvas_size(spec) if fixed_layout(spec) else None
    svg = compact(svg)
    title = (spec.get("usermeta") or {}).get("title", "")
    root = _ROOT.search(svg)
    if root is None:
        raise ValueError("vl-convert n'a pas produit de SVG")
    attributes = root.group(0)[4:-1]
    if size:
        width, height = (_dimension(v) for v in size)
        attributes = re.sub(r'\swidth="[^"]*"', f' width="{width}"', attributes, count=1)
        attributes = re.sub(r'\sheight="[^"]*"', f' height="{height}"', attributes, count=1)
        attributes = re.sub(r'\sviewBox="[^"]*"', f' viewBox="0 0 {width} {height}"', attributes, count=1)
    heading = ""
    if title:
        heading += f"<title>{escape(title)}</title>"
    opening = f'<svg{attributes} role="img">' if heading else f'<svg{attributes} aria-hidden="true">'
    body = svg[root.end():]
    if size:
        body = _BACKGROUND.sub(f'<rect width="{width}" height="{height}"', body, count=1)
    if extra:
        body = body[: body.rindex("</svg>")] + extra + "</svg>"
    return svg[: root.start()] + opening + heading + body
