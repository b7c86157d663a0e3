"""Facts: what the whole site reads, computed once per build from the catalog.

Views, charts, downloads, labels and posters read the same latest values, aggregates, label
statuses, groupings and frames from here instead of each recomputing them. Only build-wide facts
live here; a page's own objects (its figures, its result rows) are made when the page is written
and dropped after it, so only one page's objects are alive at a time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .changes import Change, PeriodValues, compare_periods, float_columns, group_by_period
from .core.french import name_sort_key
from .core.periods import Period
from .core.slugs import slugify
from .feedback import experience_frame
from .figures import Aggregates, departement_values
from .i18n.formats import Formats
from .inputs import DataDigests
from .labels import DEFAULT_SCHEME, LabelScheme, LabelStatus, label_statuses
from .model import Catalog, Indicator, Structure
from .monitoring_figures import GROUP_COLUMNS, Monitoring, structure_frame


@dataclass(frozen=True)
class LatestValue:
    """A structure's most recent value for one indicator (for tables listing many structures)."""

    period: Period
    value: float
    sample_size: int | None
    ci_low: float | None
    ci_high: float | None
    status: str


def latest_rows(results: pd.DataFrame) -> np.ndarray:
    """Positions of each (structure, indicator)'s latest row with a value: the results are sorted by
    period end (load.py), so it is the pair's last row with a value. The one rule of "latest": the
    pages read it through `latest_values`, the downloads through these positions (`Facts.latest_rows`)."""
    with_value = results.loc[results["value"].notna().to_numpy(), ["structure_id", "indicator_id"]]
    return with_value.groupby(["structure_id", "indicator_id"], sort=False).tail(1).index.to_numpy()


def latest_values(results: pd.DataFrame, rows: np.ndarray | None = None) -> dict[tuple[str, str], LatestValue]:
    """`(structure_id, indicator_id)` → latest value, from the rows `latest_rows` picks."""
    last = results.iloc[latest_rows(results) if rows is None else rows]
    periods = {code: Period.parse(code) for code in last["period"].unique()}
    return {
        (row.structure_id, row.indicator_id): LatestValue(
            periods[row.period], row.value,
            None if row.sample_size != row.sample_size else int(row.sample_size),
            None if row.ci_low != row.ci_low else row.ci_low,
            None if row.ci_high != row.ci_high else row.ci_high,
            row.status,
        )
        for row in last.itertuples(index=False)
    }


class Comparisons:
    """Like-with-like changes of national and network aggregates (`changes.compare_periods`), computed
    when first asked for and kept: the home page, network, indicator pages and charts share them.

    The result columns become numpy arrays once (structures as integer codes), so splitting one
    indicator by period and network is array slicing, even with millions of rows."""

    def __init__(self, catalog: Catalog, label_scheme: LabelScheme | None = DEFAULT_SCHEME) -> None:
        self.catalog = catalog
        self.label_scheme = label_scheme
        self._arrays: dict[str, Any] | None = None
        self._periods: dict[tuple[str, str | None], dict[str, PeriodValues]] = {}
        self._changes: dict[tuple[str, str | None, str, str], Change | None] = {}

    def _columns(self) -> dict[str, Any]:
        if self._arrays is None:
            results = self.catalog.results
            codes, structures = pd.factorize(results["structure_id"])
            position = {structure: code for code, structure in enumerate(structures)}
            members: dict[str, list[int]] = defaultdict(list)
            for structure in self.catalog.structures.values():
                if structure.id in position:
                    members[structure.network_id].append(position[structure.id])
            self._arrays = {
                "ids": codes, "periods": results["period"].to_numpy(dtype=str), "numbers": float_columns(results),
                "by_indicator": results.groupby("indicator_id", sort=False).indices,
                "members": {network: np.array(sorted(found)) for network, found in members.items()},
            }
        return self._arrays

    def periods(self, indicator_id: str, network_id: str | None = None) -> dict[str, PeriodValues]:
        """One indicator's values by period, nationally or for one network's structures."""
        key = (indicator_id, network_id)
        if key not in self._periods:
            columns = self._columns()
            if network_id is None:
                rows = columns["by_indicator"].get(indicator_id, np.array([], dtype=int))
                numbers = {name: array[rows] for name, array in columns["numbers"].items()}
                self._periods[key] = group_by_period(columns["ids"][rows], columns["periods"][rows], numbers)
            else:
                members = columns["members"].get(network_id, np.array([], dtype=int))
                self._periods[key] = {
                    code: mine for code, values in self.periods(indicator_id).items()
                    if len(mine := values.subset(members))
                }
        return self._periods[key]

    def change(self, indicator_id: str, since: Period, until: Period, network_id: str | None = None) -> Change | None:
        """The aggregate's change from `since` to `until` on the structures present at both."""
        key = (indicator_id, network_id, since.code, until.code)
        if key not in self._changes:
            periods = self.periods(indicator_id, network_id)
            self._changes[key] = compare_periods(self.catalog.indicators[indicator_id], periods.get(since.code),
                                                 periods.get(until.code), since, until)
        return self._changes[key]


class Facts:
    """Build-wide facts of one catalog; the expensive ones are computed on first use, then kept."""

    def __init__(self, catalog: Catalog, label_scheme: LabelScheme | None = DEFAULT_SCHEME) -> None:
        self.catalog = catalog
        self.label_scheme = label_scheme
        self.aggregates = Aggregates.compute(catalog)
        self.comparisons = Comparisons(catalog)
        self._monitoring: dict[tuple[int, int], Monitoring] = {}
        self.latest_rows = latest_rows(catalog.results)  # row positions, for the downloads' files
        self.latest: dict[tuple[str, str], LatestValue] = latest_values(catalog.results, self.latest_rows)
        self.common_indicators: list[Indicator] = [i for i in catalog.indicators.values() if i.is_common]
        # As a reader expects: "CAF de l'Ain" before "CAF d'Eure-et-Loir" (articles ignored), everywhere listed
        self.structures_sorted = sorted(catalog.structures.values(), key=lambda s: (name_sort_key(s.name), s.id))
        self.children: dict[str, list[Structure]] = defaultdict(list)
        self.structures_by_region: dict[str, list[Structure]] = defaultdict(list)
        self.structures_by_departement: dict[str, list[Structure]] = defaultdict(list)
        for structure in self.structures_sorted:
            if structure.parent_id:
                self.children[structure.parent_id].append(structure)
            self.structures_by_region[structure.region_code].append(structure)
            self.structures_by_departement[structure.departement_code].append(structure)

    def composition(self, indicator_id: str, formats: Formats, network_id: str | None = None) -> str:
        """Who joined or left an aggregate's series, for its chart sentence: nationally, the networks
        (`hors Préfectures depuis avril 2026`, `avec France Services depuis 2024`); for a network, how
        many structures its values count when that number varies."""
        if network_id is not None:
            counts = [count for _p, _v, count in self.aggregates.network_series(network_id, indicator_id)]
            if counts and min(counts) != max(counts):
                return formats.gettext(
                    "le nombre de structures comptées varie de {low} à {high} selon les périodes"
                ).format(low=formats.count(min(counts)), high=formats.count(max(counts)))
            return ""
        periods = [period for period, _v, _c in self.aggregates.national_series(indicator_id)]
        if len(periods) < 2:
            return ""
        clauses = []
        for network in sorted(self.catalog.networks.values(), key=lambda n: name_sort_key(n.short_name)):
            present = [p for p, _v, _c in self.aggregates.network_series(network.id, indicator_id)]
            if not present:
                continue
            if present[-1] < periods[-1]:
                after = next(period for period in periods if period > present[-1])
                clauses.append(formats.gettext("hors {network} {since}").format(
                    network=network.short_name, since=formats.since(after)))
            if present[0] > periods[0]:
                clauses.append(formats.gettext("avec {network} {since}").format(
                    network=network.short_name, since=formats.since(present[0])))
        return ", ".join(clauses)

    @cached_property
    def digests(self) -> DataDigests:
        """Digests of the package's parts, for pages that declare their inputs (incremental builds)."""
        return DataDigests(self.catalog, self.aggregates, self.latest, self.network_updated_on)

    @cached_property
    def network_updated_on(self) -> dict[str, dt.date]:
        """network id → the latest `updated_on` of its result rows: when its results last changed. A
        structure's page, poster and files say this date, not the package's `as_of` and version, which
        move with every network's publication (a page then changes only when what it shows does)."""
        results = self.catalog.results
        if results.empty:
            return {}
        network_of = {structure.id: structure.network_id for structure in self.catalog.structures.values()}
        dated = results.loc[results["updated_on"].astype(str) != "", ["structure_id", "updated_on"]]
        latest = dated.groupby(dated["structure_id"].map(network_of))["updated_on"].max()
        return {str(network_id): dt.date.fromisoformat(str(day)) for network_id, day in latest.items()}

    @cached_property
    def label_statuses(self) -> dict[str, LabelStatus]:
        """Label status of every structure that ever held a label (labels pages, badges, posters)."""
        if self.label_scheme is None:  # a programme without a label (RESULTS_LABEL_LEVELS = ())
            return {}
        return label_statuses(self.catalog, self.label_scheme)

    @cached_property
    def structure_frame(self) -> pd.DataFrame:
        """Structures indexed by id with their network and territory (monitoring, users' voice)."""
        return structure_frame(self.catalog)

    @cached_property
    def experience_frame(self) -> pd.DataFrame:
        """Published experiences with their structure's network and territory (voice, monitoring)."""
        return experience_frame(self.catalog.experiences, self.structure_frame[list(GROUP_COLUMNS)])

    @cached_property
    def latest_by_indicator(self) -> dict[str, list[tuple[Structure, LatestValue]]]:
        """Every structure's latest value, grouped by indicator (distribution charts)."""
        grouped: dict[str, list[tuple[Structure, Any]]] = defaultdict(list)
        for (structure_id, indicator_id), latest in self.latest.items():
            grouped[indicator_id].append((self.catalog.structures[structure_id], latest))
        return grouped

    @cached_property
    def departement_values(self) -> dict[tuple[str, str], dict[str, tuple[float, int]]]:
        """Each indicator's value per département and period, aggregated as nationally (maps)."""
        return departement_values(self.catalog)

    def monitoring(self, quarters: int, grace_days: int) -> Monitoring:
        """The programme's monitoring figures (transparency, labels, delays), computed once per build and
        shared: the programme page, the territory pages and the transparency map read the same rate."""
        key = (quarters, grace_days)
        if key not in self._monitoring:
            self._monitoring[key] = Monitoring(self.catalog, quarters, grace_days, self)
        return self._monitoring[key]

    @staticmethod
    def letter_of(structure: Structure) -> str:
        """The A–Z letter follows the name (a renamed structure moves in the index, keeping its address)."""
        first = slugify(structure.name)[:1].upper()
        return first if first.isalpha() else "0-9"  # kinds.INDEX_LETTERS: the validator reserves them all

    def letters(self) -> list[str]:
        return sorted({self.letter_of(structure) for structure in self.catalog.structures.values()})

    def structures_by_letter(self) -> dict[str, list[Structure]]:
        grouped: dict[str, list[Structure]] = defaultdict(list)
        for structure in self.structures_sorted:
            grouped[self.letter_of(structure)].append(structure)
        return dict(sorted(grouped.items()))
