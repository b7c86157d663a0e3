"""The label badge as SVG (inline on our pages, and as a file other sites embed) and its HTML snippet.

The level is always written out ("Niveau or") and repeated by a number of stars, so colour is never
the only cue; text is near-black on light backgrounds (contrast above 12:1). The SVG carries
`role="img"` and a `<title>`, and uses presentation attributes only (no `style`: the site's CSP has
no 'unsafe-inline'). An expired label gets a grey badge that says "expiré", never the level colours:
a badge already embedded elsewhere must stop claiming a current label once it lapses.
"""

from __future__ import annotations

import datetime as dt
import html
import math

from markupsafe import Markup, escape

from .i18n.formats import Formats
from .labels import LabelStatus

INK = "#161616"
# (background, emblem) per level, highest first (gold, silver, bronze); text is always INK on the
# background. A scheme with more levels gives the lower ones the last colours.
LEVEL_COLOURS = (
    ("#fbefc0", "#7a5c00"),
    ("#eceff3", "#4a5563"),
    ("#f6e1cf", "#7a4419"),
)
EXPIRED_COLOURS = ("#ffffff", "#6b6b6b")
FONT = "Arial, Helvetica, 'DejaVu Sans', sans-serif"
HEIGHT = 80
TEXT_X = 80


def badge_title(status: LabelStatus, label_name: str, formats: Formats) -> str:
    """The badge's accessible name: everything the picture says, in one sentence."""
    label = status.label
    assert label is not None
    _ = formats.gettext
    level = _(status.level_wording).lower()
    text = (_("Label {name} niveau {level}, valable jusqu'au {date}") if status.is_current
            else _("Label {name} niveau {level} expiré : il était valable jusqu'au {date}"))
    return text.format(name=label_name, level=level, date=formats.date(label.valid_until))


def badge_lines(status: LabelStatus, label_name: str, formats: Formats) -> tuple[str, str, str]:
    label = status.label
    assert label is not None
    _ = formats.gettext
    level = _(status.level_wording)
    name = _("Label {name}").format(name=label_name)
    if status.is_current:
        return (name, _("Niveau {level}").format(level=level),
                _("Valable jusqu'au {date}").format(date=formats.numeric_date(label.valid_until)))
    expired_on = label.valid_until + dt.timedelta(days=1)
    return (name, _("Niveau {level} : expiré").format(level=level),
            _("depuis le {date}").format(date=formats.numeric_date(expired_on)))


def _star(cx: float, cy: float, radius: float) -> str:
    """A five-pointed star polygon (drawn, not a font glyph, so it looks the same everywhere)."""
    points = []
    for index in range(10):
        r = radius if index % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + index * math.pi / 5
        points.append(f"{cx + r * math.cos(angle):.1f},{cy + r * math.sin(angle):.1f}")
    return " ".join(points)


def _text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of rendered width, so the badge never clips its text in any sans font."""
    return len(text) * size * (0.62 if bold else 0.58)


def badge_svg(status: LabelStatus, label_name: str, formats: Formats, element_id: str = "") -> Markup:
    """The badge as an SVG document (also valid inline in HTML); data strings are escaped."""
    label = status.label
    assert label is not None
    tier = min(status.scheme.tier(label.level), len(LEVEL_COLOURS) - 1)
    background, emblem = LEVEL_COLOURS[tier] if status.is_current else EXPIRED_COLOURS
    first, second, third = badge_lines(status, label_name, formats)
    width = math.ceil(max(260, TEXT_X + 12 + max(
        _text_width(first, 14, bold=True), _text_width(second, 17, bold=True), _text_width(third, 13))))
    title_id = f"{element_id}-titre" if element_id else "titre-label"
    stars = max(1, min(status.rank, 5))  # one star per level above the lowest, drawn up to five
    star_x = [40.0] if stars == 1 else [31.0, 49.0] if stars == 2 else [40.0 + 16.0 * (i - (stars - 1) / 2) * 3 / stars
                                                                       for i in range(stars)]
    star_y = 40.0 if stars == 1 else 41.0
    star_radius = 13.0 if stars == 1 else 8.5 if stars <= 3 else 6.0
    polygons = "".join(f'<polygon points="{_star(x, star_y, star_radius)}" fill="#ffffff"/>' for x in star_x)
    dashes = ' stroke-dasharray="6 4"' if not status.is_current else ""
    return Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" class="label-badge" '
        f'width="{width}" height="{HEIGHT}" viewBox="0 0 {width} {HEIGHT}" '
        f'role="img" aria-labelledby="{title_id}">'
        f'<title id="{title_id}">{escape(badge_title(status, label_name, formats))}</title>'
        f'<rect x="1" y="1" width="{width - 2}" height="{HEIGHT - 2}" rx="6" fill="{background}" '
        f'stroke="{emblem}" stroke-width="2"{dashes}/>'
        f'<circle cx="40" cy="40" r="30" fill="{emblem}"/>{polygons}'
        f'<text x="{TEXT_X}" y="26" font-family="{FONT}" font-size="14" font-weight="700" fill="{INK}">'
        f"{escape(first)}</text>"
        f'<text x="{TEXT_X}" y="49" font-family="{FONT}" font-size="17" font-weight="700" fill="{INK}">'
        f"{escape(second)}</text>"
        f'<text x="{TEXT_X}" y="68" font-family="{FONT}" font-size="13" fill="{INK}">{escape(third)}</text>'
        "</svg>"
    )


def badge_file(status: LabelStatus, label_name: str, formats: Formats) -> str:
    """The standalone `.svg` file: an XML declaration, then the same drawing."""
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{badge_svg(status, label_name, formats)}\n'


def badge_size(svg: str) -> tuple[str, str]:
    """`(width, height)` read back from a badge we drew, for the snippet's `<img>`."""
    head = svg[: svg.index(">")]
    width = head.split(' width="', 1)[1].split('"', 1)[0]
    height = head.split(' height="', 1)[1].split('"', 1)[0]
    return width, height


def _attribute(value: str) -> str:
    """Escape for a double-quoted attribute, leaving apostrophes readable in the copied code."""
    return html.escape(value, quote=False).replace('"', "&quot;")


def embed_snippet(badge_url: str, page_url: str, alt: str, size: tuple[str, str], formats: Formats) -> str:
    """The HTML another site pastes: a link to our page around the badge image (plain text, escaped
    again by the template that shows it)."""
    width, height = size
    title = formats.gettext("Voir nos résultats de qualité de service")
    return (
        f'<a href="{_attribute(page_url)}" title="{_attribute(title)}">'
        f'<img src="{_attribute(badge_url)}" alt="{_attribute(alt)}" width="{width}" height="{height}"></a>'
    )
