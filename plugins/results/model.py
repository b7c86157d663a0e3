"""The programme's data as plain Python objects: pure data, no I/O, no Pelican, no templates.

Small resources become frozen dataclasses; the (possibly millions of) result rows stay in one
pandas DataFrame and are turned into `Result` objects only for the page being built.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .core.periods import Period
from .core.translations import Translations


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    slug: str


@dataclass(frozen=True, slots=True)
class Departement:
    code: str
    name: str
    region_code: str
    slug: str


@dataclass(frozen=True, slots=True)
class Commitment:
    id: str
    group: str
    order: int
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Network:
    id: str
    name: str
    short_name: str
    description: str
    website: str
    granularity: str
    feedback_url_template: str
    slug: str  # the id: one name in URLs, API and CSVs
    former_slugs: tuple[str, ...] = ()  # addresses the network's page had before, each a redirect page


@dataclass(frozen=True, slots=True)
class Structure:
    id: str
    network_id: str
    parent_id: str
    name: str
    typology: str
    address: str
    postcode: str
    commune: str
    commune_code: str
    departement_code: str
    region_code: str
    latitude: float | None
    longitude: float | None
    slug: str  # stored in structures.csv, chosen once: the page address never follows the name
    former_slugs: tuple[str, ...] = ()  # older addresses, each a redirect page to `slug`


@dataclass(frozen=True, slots=True)
class Indicator:
    id: str
    network_id: str  # empty for indicators common to every network
    label: str
    original_label: str
    family: str
    unit: str
    direction: str  # "higher" or "lower" is better
    decimals: int
    frequency: str
    aggregation: str  # "median" or "weighted_mean"
    commitment_id: str
    methods: str
    slug: str

    @property
    def is_common(self) -> bool:
        return not self.network_id


@dataclass(frozen=True, slots=True)
class Result:
    structure_id: str
    indicator_id: str
    period: Period
    value: float | None
    sample_size: int | None
    ci_low: float | None
    ci_high: float | None
    status: str
    missing_reason: str
    updated_on: dt.date | None
    note: str


@dataclass(frozen=True, slots=True)
class Target:
    network_id: str
    indicator_id: str
    period: Period
    target: float


@dataclass(frozen=True, slots=True)
class Label:
    structure_id: str
    level: str
    awarded_on: dt.date
    valid_until: dt.date
    certifying_body: str


@dataclass(frozen=True, slots=True)
class Experience:
    id: str
    structure_id: str
    published_on: dt.date
    title: str
    text: str
    answer: str
    answered_on: dt.date | None


@dataclass(frozen=True, slots=True)
class Action:
    id: str
    structure_id: str
    date: dt.date
    title: str
    description: str
    status: str
    experience_id: str
    indicator_id: str


@dataclass(frozen=True, slots=True)
class Release:
    version: str
    date: dt.date
    title: str
    description: str


@dataclass(frozen=True)
class PackageInfo:
    """Package-level metadata: what the data is, as of when, under which licence."""

    name: str
    title: str
    description: str
    version: str
    as_of: dt.date
    demo: bool
    license_title: str
    license_url: str
    sources: tuple[tuple[str, str], ...]
    releases: tuple[Release, ...]


@dataclass
class Catalog:
    """Everything in one validated package, indexed by id for the views."""

    info: PackageInfo
    regions: dict[str, Region]
    departements: dict[str, Departement]
    commitments: dict[str, Commitment]
    networks: dict[str, Network]
    structures: dict[str, Structure]
    indicators: dict[str, Indicator]
    results: pd.DataFrame  # one row per structure × indicator × period, `period_key` sortable
    targets: list[Target]
    labels: list[Label]
    experiences: list[Experience]
    actions: list[Action]
    translations: Translations = field(default_factory=Translations)  # translations.csv, when the package has one
    _rows_by_structure: dict[str, object] = field(default_factory=dict, repr=False, compare=False)  # derived
    _shared: dict[tuple[str, str], object] = field(default_factory=dict, repr=False, compare=False)  # derived

    def structures_of_network(self, network_id: str) -> list[Structure]:
        return [s for s in self.structures.values() if s.network_id == network_id]

    def indicators_of_network(self, network_id: str) -> list[Indicator]:
        """Common indicators first, then the network's own, in package order."""
        common = [i for i in self.indicators.values() if i.is_common]
        own = [i for i in self.indicators.values() if i.network_id == network_id]
        return common + own

    def results_of_structure(self, structure_id: str) -> Iterator[Result]:
        """The structure's result rows, oldest period first within each indicator."""
        if not self._rows_by_structure:
            self._rows_by_structure.update(self.results.groupby("structure_id", sort=False).indices)
        positions = self._rows_by_structure.get(structure_id)
        if positions is None:
            return iter(())
        shared = self._shared
        return (result_from_row(row, shared) for row in self.results.iloc[positions].itertuples(index=False))


def _none_if_nan(value: object) -> float | None:
    return None if value is None or value != value else float(value)  # NaN != NaN


def result_from_row(row: object, shared: dict[tuple[str, str], object] | None = None) -> Result:
    """One DataFrame row (a namedtuple from itertuples) as a `Result`.

    With `shared` (the catalog's), each distinct period, date, id, status and reason becomes one object
    that every result refers to: a structure's hundred results then hold references, not a hundred
    parsed periods and copies of the same texts (each cell read from the frame is a new string)."""
    if shared is None:
        shared = {}
    sample = _none_if_nan(row.sample_size)
    return Result(
        structure_id=_one(shared, "text", row.structure_id, str),
        indicator_id=_one(shared, "text", row.indicator_id, str),
        period=_one(shared, "period", row.period, Period.parse),
        value=_none_if_nan(row.value),
        sample_size=None if sample is None else int(sample),
        ci_low=_none_if_nan(row.ci_low),
        ci_high=_none_if_nan(row.ci_high),
        status=_one(shared, "text", row.status, str),
        missing_reason=_one(shared, "text", row.missing_reason, str),
        updated_on=_one(shared, "date", row.updated_on, dt.date.fromisoformat) if row.updated_on else None,
        note=row.note,
    )


def _one(shared: dict[tuple[str, str], Any], kind: str, text: str, make: Callable[[str], Any]) -> Any:
    """The one object made of `text` (a period, a date, the text itself), made the first time it is seen."""
    key = (kind, text)
    found = shared.get(key)
    if found is None:
        found = shared[key] = make(text)
    return found
