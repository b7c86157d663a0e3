"""What a chart shows, said in words and as a table, from the same numbers as the chart.

Every chart is accompanied by one sentence per series (the figure caption) and by an HTML table, in
the build's language (`Formats`): screen-reader users and people who cannot read the chart get the
same information, and the static page says it without JavaScript. French is the source: each
sentence is assembled from translated pieces whose placeholders leave word order to the translator.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..changes import Change, result_change
from ..core.periods import Period
from ..i18n.formats import N_, Formats
from ..model import Indicator
from .inputs import DepartementValue, MapMeasure, Point, StructureValue
from .memo import format_value

MISSING = N_("non publié")


@dataclass(frozen=True)
class Table:
    """An HTML-ready table: the first cell of each row is its header (`<th scope="row">`)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    links: tuple[str, ...] = ()  # per row, the page its header cell links to (relative to the site root)


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


def _missing_clause(missing: list[Period], fmt: Formats) -> str:
    """` ; donnée manquante pour le 2e trimestre 2024` or ` ; données manquantes pour 3 trimestres`."""
    if not missing:
        return ""
    if len(missing) == 1:
        return fmt.gettext(" ; donnée manquante pour {period}").format(period=fmt.the_period(missing[0]))
    count, kind = len(missing), missing[0].kind
    if kind == "quarter":
        text = fmt.ngettext(" ; données manquantes pour {count} trimestre",
                            " ; données manquantes pour {count} trimestres", count)
    elif kind == "month":
        text = fmt.ngettext(" ; données manquantes pour {count} mois",
                            " ; données manquantes pour {count} mois", count)
    elif kind == "fiscal_year":
        text = fmt.ngettext(" ; données manquantes pour {count} exercice",
                            " ; données manquantes pour {count} exercices", count)
    else:
        text = fmt.ngettext(" ; données manquantes pour {count} année",
                            " ; données manquantes pour {count} années", count)
    return text.format(count=fmt.count(count))


def _structures(count: int | None, fmt: Formats) -> str:
    count = count or 0
    return fmt.ngettext("{count} structure", "{count} structures", count).format(count=fmt.count(count))


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
    fmt: Formats,
    reference: Sequence[Point] = (),
    reference_phrase: str | None = None,
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
    `composition` says who joined or left. `reference_phrase` defaults to "la médiane du réseau"."""
    _ = fmt.gettext
    subject = subject or indicator.label
    reference_phrase = reference_phrase or _("la médiane du réseau")
    unit, decimals = indicator.unit, indicator.decimals

    def value(number: float) -> str:
        return format_value(fmt, number, unit, decimals)

    valued = sorted((p for p in series if p.value is not None), key=lambda p: p.period)
    missing = _missing_clause(missing_periods(series), fmt)
    if not valued:
        return _("{subject} : aucun résultat publié{missing}.").format(subject=subject, missing=missing)
    first, last = valued[0], valued[-1]
    if len(valued) == 1:
        text = _("{subject} : {value} {period}, seul résultat publié").format(
            subject=subject, value=value(last.value), period=fmt.in_period(last.period))
    elif len({_rounded(p.value, indicator) for p in valued}) == 1:
        text = _("{subject} : stable à {value} {between}").format(
            subject=subject, value=value(last.value), between=fmt.between(first.period, last.period))
    elif _rounded(last.value, indicator) == _rounded(first.value, indicator):
        text = _("{subject} : {value} {period}, comme {first_period}").format(
            subject=subject, value=value(last.value), period=fmt.in_period(last.period),
            first_period=fmt.in_period(first.period))
    elif _same_set(first, last, change):
        judged = (change or result_change(indicator, first, last)).worded(fmt)
        text = _("{subject} : de {first} à {last} {between}, {change}").format(
            subject=subject, first=value(first.value), last=value(last.value),
            between=fmt.between(first.period, last.period), change=judged.verdict_and_amount)
    else:
        text = _("{subject} : de {first} ({first_count}) à {last} ({last_count}) {between}").format(
            subject=subject, first=value(first.value), first_count=_structures(first.count, fmt),
            last=value(last.value), last_count=_structures(last.count, fmt),
            between=fmt.between(first.period, last.period))
        if change is not None:
            worded = change.worded(fmt)
            amount = _("aucune évolution") if worded.rounds_to_zero else worded.amount
            text += _(" ; ") + _("{basis} : {amount}, {verdict}").format(
                basis=worded.basis, amount=amount, verdict=worded.verdict_wording)
    if composition:
        text += _(" ; ") + composition
    reference_value = next((p.value for p in reference if p.period == last.period and p.value is not None), None)
    if reference_value is not None:
        gap = _rounded(last.value, indicator) - _rounded(reference_value, indicator)
        # A survey value whose confidence interval holds the reference is not different from it.
        within = last.ci_low is not None and last.ci_high is not None and last.ci_low <= reference_value <= last.ci_high
        better = gap > 0 if indicator.direction == "higher" else gap < 0
        position = "stable" if gap == 0 or within else "better" if better else "worse"
        text += f", {fmt.position(position, reference_phrase)} ({value(reference_value)})"
    if target is not None:
        reached = last.value >= target if indicator.direction == "higher" else last.value <= target
        target_text = _("objectif de {value} atteint") if reached else _("objectif de {value} non atteint")
        text += ", " + target_text.format(value=value(target))
    return text + missing + "."


def trend_table(
    indicator: Indicator,
    series: Sequence[Point],
    series_name: str,
    fmt: Formats,
    reference: Sequence[Point] = (),
    reference_name: str | None = None,
    target: float | None = None,
    caption: str | None = None,
) -> Table:
    """One row per period (series and reference together), the same numbers as the chart."""
    _ = fmt.gettext
    unit, decimals = indicator.unit, indicator.decimals
    by_period = {p.period: p for p in series}
    reference_by_period = {p.period: p for p in reference if p.value is not None}
    has_band = any(p.ci_low is not None and p.ci_high is not None for p in series)
    has_count = any(p.count is not None for p in series)
    columns = [_("Période"), series_name]
    if has_count:
        columns.append(_("Structures comptées"))
    if has_band:
        columns.append(_("Intervalle de confiance à 95 %"))
    if reference_name and reference_by_period:
        columns.append(reference_name)
    if target is not None:
        columns.append(_("Objectif"))
    rows = []
    for period in sorted(set(by_period) | set(reference_by_period)):
        point = by_period.get(period)
        shown = _(MISSING) if point is None or point.value is None else format_value(fmt, point.value, unit, decimals)
        cells = [fmt.period(period), shown]
        if has_count:
            cells.append(fmt.count(point.count) if point is not None and point.count is not None else "–")
        if has_band:
            cells.append(confidence_text(point, unit, decimals, fmt) if point else "–")
        if reference_name and reference_by_period:
            reference_point = reference_by_period.get(period)
            cells.append(format_value(fmt, reference_point.value, unit, decimals) if reference_point else "–")
        if target is not None:
            cells.append(format_value(fmt, target, unit, decimals))
        rows.append(tuple(cells))
    caption = caption or _("{indicator} par période").format(indicator=indicator.label)
    return Table(caption, tuple(columns), tuple(rows))


def value_range(low: float, high: float, unit: str, decimals: int, fmt: Formats) -> str:
    """`68 % à 76 %` / `68% to 76%`."""
    return fmt.gettext("{low} à {high}").format(
        low=format_value(fmt, low, unit, decimals), high=format_value(fmt, high, unit, decimals))


def confidence_text(point: Point | None, unit: str, decimals: int, fmt: Formats) -> str:
    """`68 % à 76 %`, or a dash when the interval is not given."""
    if point is None or point.ci_low is None or point.ci_high is None:
        return "–"
    return value_range(point.ci_low, point.ci_high, unit, decimals, fmt)


def distribution_sentence(indicator: Indicator, values: Sequence[StructureValue], period: Period,
                          median: float | None, fmt: Formats, highlight: StructureValue | None = None) -> str:
    """`Usagers satisfaits en 2025 : 24 structures, de 61 % à 88 %, médiane 76 %.`"""
    _ = fmt.gettext
    if not values:
        return _("{subject} {period} : aucun résultat publié.").format(
            subject=indicator.label, period=fmt.in_period(period))

    def value(number: float) -> str:
        return format_value(fmt, number, indicator.unit, indicator.decimals)

    numbers = [item.value for item in values]
    text = _("{subject} {period} : {structures}").format(
        subject=indicator.label, period=fmt.in_period(period), structures=_structures(len(values), fmt))
    if len(values) > 1:
        text += ", " + _("de {low} à {high}").format(low=value(min(numbers)), high=value(max(numbers)))
    if median is not None:
        text += ", " + _("médiane {value}").format(value=value(median))
    return text + "."


def distribution_table(indicator: Indicator, values: Sequence[StructureValue], period: Period, fmt: Formats,
                       bins: Sequence[tuple[float, float, int]] = ()) -> Table:
    """Per structure (highest first) or, for a histogram, per class of values."""
    _ = fmt.gettext
    unit, decimals = indicator.unit, indicator.decimals
    subject = {"subject": indicator.label, "period": fmt.in_period(period)}
    if bins:
        last = len(bins) - 1
        rows = tuple(
            ((_("de {low} à {high}") if i == last else _("de {low} à moins de {high}")).format(
                low=format_value(fmt, start, unit, decimals), high=format_value(fmt, end, unit, decimals)),
             fmt.count(count))
            for i, (start, end, count) in enumerate(bins)
        )
        return Table(_("{subject} {period} : nombre de structures par tranche de valeurs").format(**subject),
                     (_("Valeurs"), _("Structures")), rows)
    ordered = sorted(values, key=lambda item: (-item.value, item.name))
    rows = tuple((item.name, format_value(fmt, item.value, unit, decimals)) for item in ordered)
    return Table(_("{subject} {period}, par structure").format(**subject), (_("Structure"), _("Valeur")), rows)


NO_DATA = N_("pas de données")


def map_sentence(measure: MapMeasure, values: Sequence[DepartementValue], national: float | None,
                 fmt: Formats) -> str:
    """`Usagers satisfaits au 3e trimestre 2025, par département : le plus élevé, Paris (82 %) ; le plus
    bas, Aisne (61 %) ; valeur nationale 74 % ; 3 départements sans données.`"""
    _ = fmt.gettext

    def value(number: float) -> str:
        return format_value(fmt, number, measure.unit, measure.decimals)

    valued = [item for item in values if item.value is not None]
    missing = len(values) - len(valued)
    text = _("{subject} {period}, par département : ").format(subject=measure.label, period=measure.when)
    if not valued:
        text += _("aucun résultat publié")
    elif len(valued) == 1:
        only = valued[0]
        text += _("seul résultat, {name} ({value})").format(name=only.name, value=value(only.value))
    else:
        best = max(valued, key=lambda item: (item.value, item.code))  # type: ignore[type-var]
        worst = min(valued, key=lambda item: (item.value, item.code))  # type: ignore[type-var]
        text += _("le plus élevé, {best} ({best_value}) ; le plus bas, {worst} ({worst_value})").format(
            best=best.name, best_value=value(best.value), worst=worst.name, worst_value=value(worst.value))
    if national is not None:
        text += _(" ; ") + _("valeur nationale {value}").format(value=value(national))
    if missing:
        text += _(" ; ") + fmt.ngettext("{count} département sans données", "{count} départements sans données",
                                     missing).format(count=fmt.count(missing))
    return text + "."


def map_table(measure: MapMeasure, values: Sequence[DepartementValue], fmt: Formats) -> Table:
    """Every département in code order, its value (or "pas de données") and how many structures count
    (and, for a share, how many of them are in it). The measure's titles are already in the build's language."""
    _ = fmt.gettext
    ordered = sorted(values, key=lambda item: item.code)
    columns = (_("Département"), measure.value_title, measure.count_title)
    if measure.part_title:
        columns += (measure.part_title,)
    rows = []
    for item in ordered:
        row: tuple[str, ...] = (
            f"{item.name} ({item.code})",
            _(NO_DATA) if item.value is None else format_value(fmt, item.value, measure.unit, measure.decimals),
            fmt.count(item.count),
        )
        if measure.part_title:
            row += ("–" if item.part is None else fmt.count(item.part),)
        rows.append(row)
    caption = _("{subject} {period}, par département").format(subject=measure.label, period=measure.when)
    return Table(caption, columns, tuple(rows), tuple(item.url for item in ordered))
