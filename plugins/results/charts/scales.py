"""Axis domains and ticks computed in Python, so the chart, its table and its static text agree.

Vega would pick ticks by itself, but then the static renderer could not place the tick labels without
asking Vega (text is the costliest part of a render, see render.py). Computing them here also gives
labels in the build's language (`72 %`, `12,5 j` / `72%`, `12.5 d`). Ticks never show more decimals
than the indicator has: a whole-number score's axis reads 25, 30, 35, never 25,0 / 27,5.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..i18n.formats import N_, Formats

UNIT_BOUNDS = {"percent": (0.0, 100.0), "score_10": (0.0, 10.0), "points": (-100.0, 100.0)}


def nice_step(raw: float, decimals: int | None = None) -> float:
    """The round step (1, 2, 2.5 or 5 × 10^k) at or above `raw`; with `decimals`, only steps whose
    multiples need no more decimals than that (2.5 is skipped on a whole-number axis)."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step >= raw * (1 - 1e-9) and (decimals is None or _step_decimals(round(step, 9)) <= decimals):
            return step
    return 10 * power  # pragma: no cover


def _step_decimals(step: float) -> int:
    """Decimals needed to write every multiple of `step` exactly (2.5 → 1)."""
    for decimals in range(0, 6):
        if abs(round(step, decimals) - step) < 1e-9:
            return decimals
    return 6


def value_ticks(values: Iterable[float | None], unit: str, decimals: int, count: int = 4) -> list[float]:
    """3 to 5 round ticks spanning every value; the first and last are the axis domain."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    if not finite:
        return [0.0, 1.0]
    low, high = min(finite), max(finite)
    smallest = 10.0**-decimals
    if high - low < smallest:
        pad = nice_step(max(abs(low) * 0.05, smallest), decimals)
        low, high = low - pad, high + pad
    step = max(nice_step((high - low) / (count - 1), decimals), smallest)
    start = math.floor(low / step + 1e-9) * step
    end = math.ceil(high / step - 1e-9) * step
    bounds = UNIT_BOUNDS.get(unit)
    if bounds:
        start, end = max(start, min(bounds[0], low)), min(end, max(bounds[1], high))
    ticks = [round(start + i * step, 9) for i in range(round((end - start) / step) + 1)]
    if ticks[-1] < end - 1e-9:
        ticks.append(round(end, 9))
    return ticks


def tick_label(value: float, unit: str, ticks: list[float], fmt: Formats) -> str:
    """A tick label in the build's language: `72 %`, `12,5 j`, `−20` / `72%`, `12.5 d`."""
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    number = fmt.number(value, _step_decimals(round(step, 9)))
    if unit == "percent":
        return number + fmt.percent_suffix()
    if unit == "days":
        return fmt.gettext("{number}\u00a0j").format(number=number)  # abbreviated: no plural on an axis
    if unit == "minutes":
        return fmt.gettext("{number}\u00a0min").format(number=number)
    return number


def time_domain(positions: Iterable[float], edge_px: float = 0.0, width_px: float = 280.0) -> tuple[float, float]:
    """The time axis domain around the data, with a margin so end markers are not cut; with
    `edge_px`, at least that many pixels of margin on each side of a plot `width_px` wide (room for a
    label centred on the first or last point)."""
    points = list(positions)
    if not points:
        return (0.0, 1.0)
    low, high = min(points), max(points)
    if high - low < 1e-9:
        return (low - 0.5, high + 0.5)
    span = high - low
    margin = max(span * 0.04, 0.12)
    if edge_px > 0:
        margin = max(margin, edge_px * span / max(width_px - 2 * edge_px, 1.0))
    return (low - margin, high + margin)


FISCAL_TICK = N_("{start}-{end}")  # a fiscal year on a chart's axis: `2023-2024` / `2023–24`


def fiscal_year_ticks(positions: Iterable[float], most: int = 4,
                      fmt: Formats | None = None) -> list[tuple[float, str]]:
    """(position, label) for a series of fiscal years (April to March, placed at their April: see
    inputs.year_fraction): one tick per fiscal year on its point, `2023-2024` (`2023–24` in English,
    as the page writes it), thinned to `most` labels. Calendar-year ticks would put "2024" between
    two fiscal years and mislead."""
    starts = sorted({math.floor(position) for position in positions})
    every = math.ceil(len(starts) / most) if starts else 1
    pattern = fmt.gettext(FISCAL_TICK) if fmt is not None else FISCAL_TICK
    return [(start + 0.25, pattern.format(start=start, end=start + 1, end_short=f"{(start + 1) % 100:02d}"))
            for start in starts[::-1][::every][::-1]]


def year_ticks(low: float, high: float, most: int = 6) -> list[tuple[float, str]]:
    """(position, label) for whole years within the data's time span, thinned to `most` labels.

    A span inside one year gets one label, its year, in the middle.
    """
    years = list(range(math.ceil(low - 1e-9), math.floor(high + 1e-9) + 1))
    if not years:
        return [((low + high) / 2, str(math.floor(low)))]
    every = math.ceil(len(years) / most)
    return [(float(year), str(year)) for year in years[::-1][::every][::-1]]
