"""Chart colours and the WCAG contrast arithmetic that justifies them.

Three colours cannot all be ≥ 3:1 against white *and* ≥ 3:1 from each other (luminance has too little
room below 0.30), so the two data series that share a chart (a result and its reference) are the pair
kept ≥ 3:1 apart; the target rule is told apart by its form (a straight dashed rule with a text label),
never by colour alone. Series also differ by marker shape and dash pattern.
"""

from __future__ import annotations

WHITE = "#ffffff"
SERIES = "#000091"  # the result being described: solid line, round markers
REFERENCE = "#767676"  # the comparison (network or national median): dashed line, square markers
TARGET = "#b34000"  # the target: dotted horizontal rule with its label
BAND = "#d5dbf5"  # confidence interval fill, decorative (the table gives the bounds)
TEXT = "#1e1e1e"  # axis labels, legend labels
AXIS = "#767676"  # axis lines and ticks
GRID = "#e5e5e5"  # decorative gridlines

SERIES_DASH: list[int] = []
REFERENCE_DASH = [6, 3]
TARGET_DASH = [2, 2]


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a `#rrggbb` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio, from 1 (same colour) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Maps: ColorBrewer YlGnBu, light (low) to dark (high); colour-blind safe and readable in grey scale.
# Each département has a #767676 outline (4.5:1 on white), so even the lightest class is delimited.
SEQUENTIAL = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
NO_DATA = "#d3d3d3"  # neutral grey, labelled "pas de données" in the legend, unlike any class colour
