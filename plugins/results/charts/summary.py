"""What a chart shows, said in words and as a table, from the same numbers as the chart.

Every chart is accompanied by one French sentence per series (the figure caption) and by an HTML
table: screen-reader users and people who cannot read the chart get the same information, and the
static page says it without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..changes import Change, result_change
from ..core.french import contract
from ..core.periods import Period
from ..formatting import format_count, format_position
from ..model import Indicator
from .inputs import DepartementValue, MapMeasure, Point, StructureValue
from .memo import format_value

PERIOD_NOUN = {"quarter": ("trimestre", "trimestres"), "month": ("mois", "mois"), "year": ("année", "années"),
               "fiscal_year": ("exercice", "exercices")}
MISSING = "non publié"


@dataclass(frozen=True)
class Table:
    """An HTML-ready table: the first cell of each row is its header (`<th scope="row">`)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    links: tuple[str, ...] = ()  # per row, the page its header cell links to (relative to the site root)


def at(period: Period) -> str:
    """`au 3e trimestre 2025`, `en juillet 2025`, `en 2025`, `pour l'exercice 2023-2024`."""
    return period.in_label


def between(first: Period, last: Period) -> str:
    """`entre le 1er trimestre 2023 et le 4e trimestre 2025`, `entre 2023 et 2025`,
    `entre l'exercice 2021-2022 et l'exercice 2023-2024`."""
    return f"entre {first.the_label} et {last.the_label}"


def _of(phrase: str) -> str:
    """`de` + a noun phrase, with French contractions (`du réseau`, `des structures`)."""
    return contract("de", phrase)


def missing_periods(series: Sequence[Point]) -> list[Period]:
    """Periods without a value from the first published one to the last listed one (gaps and a
    missing latest period), counting periods absent from the data as well as empty ones."""
    valued = sorted(point.period for point in series if point.value is not None)
    if not valued:
        return []
    have = set(valued)
    last = max(point.period for point in series)
    missing, period = [], valued[0]
    while period <= last:
        if period not in have:
            missing.append(period)
        period = period.shifted(1)
    return missing


def _missing_clause(missing: list[Period]) -> str:
    """` ; donnée manquante pour le 2e trimestre 2024` or ` ; données manquantes pour 3 trimestres`."""
    if not missing:
        return ""
    if len(missing) == 1:
        period = missing[0]
        return f" ; donnée manquante pour {period.the_label}"
    return f" ; données manquantes pour {format_count(len(missing))} {PERIOD_NOUN[missing[0].kind][1]}"


def _structures(count: int | None) -> str:
    return f"{format_count(count or 0)} structure{'s' if (count or 0) > 1 else ''}"


def _same_set(first: Point, last: Point, change: Change | None) -> bool:
    """True when the two ends count the same structures (always, for one structure's own series)."""
    if first.count is None and last.count is None:
        return True
    return change is not None and change.count == first.count == last.count


def _rounded(value: float, indicator: Indicator) -> float:
    return round(value, indicator.decimals)


def trend_sentence(
    indicator: Indicator,
    series: Sequence[Point],
    reference: Sequence[Point] = (),
    reference_phrase: str = "la médiane du réseau",
    target: float | None = None,
    subject: str | None = None,
    change: Change | None = None,
    composition: str = "",
) -> str:
    """One sentence on a series: its change, where it stands against the reference and the target,
    and which periods are missing.

    The change is judged by `changes` (direction-aware, survey uncertainty). For an aggregate, pass
    `change` computed on the structures present at both ends: when the structures counted differ, the
    sentence gives both values with their counts and judges only the like-with-like change, and
    `composition` says who joined or left."""
    subject = subject or indicator.label
    unit, decimals = indicator.unit, indicator.decimals

    def value(number: float) -> str:
        return format_value(number, unit, decimals)

    valued = sorted((p for p in series if p.value is not None), key=lambda p: p.period)
    missing = _missing_clause(missing_periods(series))
    if not valued:
        return f"{subject} : aucun résultat publié{missing}."
    first, last = valued[0], valued[-1]
    if len(valued) == 1:
        text = f"{subject} : {value(last.value)} {at(last.period)}, seul résultat publié"
    elif len({_rounded(p.value, indicator) for p in valued}) == 1:
        text = f"{subject} : stable à {value(last.value)} {between(first.period, last.period)}"
    elif _rounded(last.value, indicator) == _rounded(first.value, indicator):
        text = f"{subject} : {value(last.value)} {at(last.period)}, comme {at(first.period)}"
    elif _same_set(first, last, change):
        judged = change or result_change(indicator, first, last)
        text = (f"{subject} : de {value(first.value)} à {value(last.value)} "
                f"{between(first.period, last.period)}, {judged.verdict_and_amount}")
    else:
        text = (f"{subject} : de {value(first.value)} ({_structures(first.count)}) à {value(last.value)} "
                f"({_structures(last.count)}) {between(first.period, last.period)}")
        if change is not None:
            amount = "aucune évolution" if change.amount == "stable" else change.amount
            text += f" ; {change.basis} : {amount}, {change.verdict_wording}"
    if composition:
        text += f" ; {composition}"
    reference_value = next((p.value for p in reference if p.period == last.period and p.value is not None), None)
    if reference_value is not None:
        gap = _rounded(last.value, indicator) - _rounded(reference_value, indicator)
        # A survey value whose confidence interval holds the reference is not different from it.
        within = last.ci_low is not None and last.ci_high is not None and last.ci_low <= reference_value <= last.ci_high
        better = gap > 0 if indicator.direction == "higher" else gap < 0
        position = "stable" if gap == 0 or within else "better" if better else "worse"
        text += f", {format_position(position, reference_phrase)} ({value(reference_value)})"
    if target is not None:
        reached = last.value >= target if indicator.direction == "higher" else last.value <= target
        text += f", objectif de {value(target)} {'atteint' if reached else 'non atteint'}"
    return text + missing + "."


def trend_table(
    indicator: Indicator,
    series: Sequence[Point],
    series_name: str,
    reference: Sequence[Point] = (),
    reference_name: str | None = None,
    target: float | None = None,
    caption: str | None = None,
) -> Table:
    """One row per period (series and reference together), the same numbers as the chart."""
    unit, decimals = indicator.unit, indicator.decimals
    by_period = {p.period: p for p in series}
    reference_by_period = {p.period: p for p in reference if p.value is not None}
    has_band = any(p.ci_low is not None and p.ci_high is not None for p in series)
    has_count = any(p.count is not None for p in series)
    columns = ["Période", series_name]
    if has_count:
        columns.append("Structures comptées")
    if has_band:
        columns.append("Intervalle de confiance à 95 %")
    if reference_name and reference_by_period:
        columns.append(reference_name)
    if target is not None:
        columns.append("Objectif")
    rows = []
    for period in sorted(set(by_period) | set(reference_by_period)):
        point = by_period.get(period)
        shown = MISSING if point is None or point.value is None else format_value(point.value, unit, decimals)
        cells = [period.label, shown]
        if has_count:
            cells.append(format_count(point.count) if point is not None and point.count is not None else "–")
        if has_band:
            cells.append(confidence_text(point, unit, decimals) if point else "–")
        if reference_name and reference_by_period:
            reference_point = reference_by_period.get(period)
            cells.append(format_value(reference_point.value, unit, decimals) if reference_point else "–")
        if target is not None:
            cells.append(format_value(target, unit, decimals))
        rows.append(tuple(cells))
    return Table(caption or f"{indicator.label} par période", tuple(columns), tuple(rows))


def confidence_text(point: Point | None, unit: str, decimals: int) -> str:
    """`68 % à 76 %`, or a dash when the interval is not given."""
    if point is None or point.ci_low is None or point.ci_high is None:
        return "–"
    return f"{format_value(point.ci_low, unit, decimals)} à {format_value(point.ci_high, unit, decimals)}"


def distribution_sentence(indicator: Indicator, values: Sequence[StructureValue], period: Period,
                          median: float | None, highlight: StructureValue | None = None) -> str:
    """`Usagers satisfaits en 2025 : 24 structures, de 61 % à 88 %, médiane 76 %.`"""
    if not values:
        return f"{indicator.label} {at(period)} : aucun résultat publié."

    def value(number: float) -> str:
        return format_value(number, indicator.unit, indicator.decimals)

    numbers = [item.value for item in values]
    noun = "structure" if len(values) == 1 else "structures"
    text = f"{indicator.label} {at(period)} : {format_count(len(values))} {noun}"
    if len(values) > 1:
        text += f", de {value(min(numbers))} à {value(max(numbers))}"
    if median is not None:
        text += f", médiane {value(median)}"
    return text + "."


def distribution_table(indicator: Indicator, values: Sequence[StructureValue], period: Period,
                       bins: Sequence[tuple[float, float, int]] = ()) -> Table:
    """Per structure (highest first) or, for a histogram, per class of values."""
    unit, decimals = indicator.unit, indicator.decimals
    caption = f"{indicator.label} {at(period)}, par structure"
    if bins:
        last = len(bins) - 1
        rows = tuple(
            (f"de {format_value(start, unit, decimals)} à {'' if i == last else 'moins de '}"
             f"{format_value(end, unit, decimals)}", format_count(count))
            for i, (start, end, count) in enumerate(bins)
        )
        return Table(f"{indicator.label} {at(period)} : nombre de structures par tranche de valeurs",
                     ("Valeurs", "Structures"), rows)
    ordered = sorted(values, key=lambda item: (-item.value, item.name))
    rows = tuple((item.name, format_value(item.value, unit, decimals)) for item in ordered)
    return Table(caption, ("Structure", "Valeur"), rows)


NO_DATA = "pas de données"


def map_sentence(measure: MapMeasure, values: Sequence[DepartementValue], national: float | None) -> str:
    """`Usagers satisfaits au 3e trimestre 2025, par département : le plus élevé, Paris (82 %) ; le plus
    bas, Aisne (61 %) ; valeur nationale 74 % ; 3 départements sans données.`"""

    def value(number: float) -> str:
        return format_value(number, measure.unit, measure.decimals)

    valued = [item for item in values if item.value is not None]
    missing = len(values) - len(valued)
    text = f"{measure.label} {measure.when}, par département : "
    if not valued:
        text += "aucun résultat publié"
    elif len(valued) == 1:
        only = valued[0]
        text += f"seul résultat, {only.name} ({value(only.value)})"
    else:
        best = max(valued, key=lambda item: (item.value, item.code))  # type: ignore[type-var]
        worst = min(valued, key=lambda item: (item.value, item.code))  # type: ignore[type-var]
        text += (f"le plus élevé, {best.name} ({value(best.value)}) ; "
                 f"le plus bas, {worst.name} ({value(worst.value)})")
    if national is not None:
        text += f" ; valeur nationale {value(national)}"
    if missing:
        noun = "département" if missing == 1 else "départements"
        text += f" ; {format_count(missing)} {noun} sans données"
    return text + "."


def map_table(measure: MapMeasure, values: Sequence[DepartementValue]) -> Table:
    """Every département in code order, its value (or "pas de données") and how many structures count
    (and, for a share, how many of them are in it)."""
    ordered = sorted(values, key=lambda item: item.code)
    columns = ("Département", measure.value_title, measure.count_title)
    if measure.part_title:
        columns += (measure.part_title,)
    rows = []
    for item in ordered:
        row: tuple[str, ...] = (
            f"{item.name} ({item.code})",
            NO_DATA if item.value is None else format_value(item.value, measure.unit, measure.decimals),
            format_count(item.count),
        )
        if measure.part_title:
            row += ("–" if item.part is None else format_count(item.part),)
        rows.append(row)
    return Table(f"{measure.label} {measure.when}, par département", columns, tuple(rows),
                 tuple(item.url for item in ordered))
