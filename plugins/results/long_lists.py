"""Lists of structures too long for one page (#15): summaries by group, and a big network's pages by département.

Nationally an indicator common to every network has ~12 500 structures with a value, a network up to
6 000, a région 2 300: a page listing each of them weighs megabytes, which a reader on a phone pays to
read one figure. Above `RESULTS_LIST_MAX_ROWS` structures, such a page shows a table by group instead
(network or département: how many structures, their median, lowest and highest value), each group
linking to a page that lists its structures one by one, so every value stays reachable without
JavaScript; the full list stays in the page's CSV and XLSX. The finest level is a network's structures
in one département (`NETWORK_DEPARTEMENT`, at most ~200 nationally) and a département's page, which
always list their structures.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .core.french import name_sort_key
from .model import Departement, Network, Structure


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """One group of a summarised list: its name, where its structures are listed, their values."""

    name: str
    url: str  # site-relative address of the page (and anchor) listing the group's structures
    count: int  # structures of the group (with a value, for an indicator's list)
    median: float | None = None
    lowest: float | None = None
    highest: float | None = None
    record: Any = None  # the network, when the group is one: its name is then worded in the page's language


def summarise(values: Iterable[tuple[str, float]], name: Callable[[str], str], url: Callable[[str], str],
              record: Callable[[str], Any] = lambda key: None) -> list[GroupSummary]:
    """`(group key, value)` pairs as one summary per group, in the order of their names."""
    by_group: dict[str, list[float]] = defaultdict(list)
    for key, value in values:
        by_group[key].append(value)
    summaries = [GroupSummary(name(key), url(key), len(found), statistics.median(found), min(found), max(found),
                              record(key)) for key, found in by_group.items()]
    return sorted(summaries, key=lambda summary: name_sort_key(summary.name))


@dataclass(frozen=True, slots=True)
class NetworkDepartement:
    """A big network's structures in one département: the record of a `NETWORK_DEPARTEMENT` page."""

    network: Network
    departement: Departement
    structures: tuple[Structure, ...]

    @property
    def id(self) -> str:
        return f"{self.network.id}/{self.departement.code}"

    @property
    def name(self) -> str:
        return f"{self.network.short_name} – {self.departement.name} ({self.departement.code})"


def network_departement_fields(record: NetworkDepartement) -> dict[str, str]:
    """`{network}` (the network's slug) and `{slug}` (the département's) of the page's address."""
    return {"network": record.network.slug, "slug": record.departement.slug, "id": record.id}


def is_long(count: int, max_rows: int) -> bool:
    return count > max_rows


def network_departements(catalog: Any, network: Network) -> list[NetworkDepartement]:
    """The network's structures grouped by département (in code order), name order within each;
    structures without a known département are left out (the network's page lists them itself)."""
    by_code: dict[str, list[Structure]] = defaultdict(list)
    for structure in catalog.structures_of_network(network.id):
        if structure.departement_code in catalog.departements:
            by_code[structure.departement_code].append(structure)
    return [NetworkDepartement(network, catalog.departements[code],
                               tuple(sorted(by_code[code], key=lambda s: (name_sort_key(s.name), s.id))))
            for code in sorted(by_code)]


def split_networks(catalog: Any, max_rows: int) -> list[Network]:
    """The networks whose list is too long for their page: they get one page per département."""
    counts: dict[str, int] = defaultdict(int)
    for structure in catalog.structures.values():
        counts[structure.network_id] += 1
    return [network for network in catalog.networks.values() if is_long(counts[network.id], max_rows)]


def all_network_departements(catalog: Any, max_rows: int) -> list[NetworkDepartement]:
    """Every `NETWORK_DEPARTEMENT` page's record: the split networks' départements."""
    return [part for network in split_networks(catalog, max_rows) for part in network_departements(catalog, network)]
