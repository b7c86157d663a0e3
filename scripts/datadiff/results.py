"""What a change does to the results, per network and per file: the part a reviewer reads first.

`ResultsWatcher` follows the rows of every results resource while `rows.diff_resource` compares them
and sorts what it sees by (network, file): new periods and how many of the network's structures
have them, values changed (old → new), `final` values changed without the `revised` status, rows
deleted, periods that disappear. A row's network comes from `structures.csv`.

The statuses are those of the results schema's `status` field (enum final / provisional / revised):
a published `final` value may only change as a correction, flagged `revised` (CONTRIBUTING.md §5).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from results.core.periods import period_order

from .tables import RESULTS_KEY

FINAL = "final"
REVISED = "revised"
FIGURES = ("value", "sample_size", "ci_low", "ci_high")
MAX_LISTED = 5
UNKNOWN_NETWORK = ""


@dataclass(frozen=True)
class ValueChange:
    """One changed result row, as the reviewer reads it."""

    key: str  # "CAF-75 · satisfaction · 2025"
    old_value: str
    new_value: str
    old_status: str
    new_status: str
    other_columns: tuple[str, ...]  # columns other than the value that changed

    @property
    def unrevised_final(self) -> bool:
        """A published final figure changed, and the row does not say it was corrected."""
        return self.old_status == FINAL and self.new_status != REVISED and self.figures_changed

    @property
    def figures_changed(self) -> bool:
        return self.old_value != self.new_value or any(c in FIGURES for c in self.other_columns)


@dataclass
class Capped:
    """A count and the first few items, for lists shown as "a, b, c … et N autres"."""

    count: int = 0
    items: list = field(default_factory=list)

    def add(self, item: object) -> None:
        self.count += 1
        if len(self.items) < MAX_LISTED:
            self.items.append(item)


@dataclass
class FileFindings:
    """What changed in the result rows of one network within one file."""

    network_id: str
    file: str
    added: int = 0
    removed: Capped = field(default_factory=Capped)  # keys of deleted rows
    changes: Capped = field(default_factory=Capped)  # ValueChange
    unrevised: Capped = field(default_factory=Capped)  # ValueChange of final values changed without revised
    coverage: dict[str, set[str]] = field(default_factory=dict)  # new period -> structures having a row


@dataclass
class NetworkFindings:
    """One network's findings, file by file, with what is needed to read them."""

    network_id: str
    name: str
    structures: list[str]  # the network's structures that publish results (a row in the head version)
    files: list[FileFindings]
    dropped_periods: list[str]


class ResultsWatcher:
    """A `rows.RowWatcher` for results resources; call `networks()` once every resource was compared."""

    def __init__(self, structure_network: dict[str, str]) -> None:
        self.structure_network = structure_network
        self.files: dict[tuple[str, str], FileFindings] = {}
        self.base_periods: set[tuple[str, str]] = set()
        self.head_periods: set[tuple[str, str]] = set()
        self.publishing: dict[str, set[str]] = defaultdict(set)  # network -> structures with a head row
        self.pending: dict[int, tuple[FileFindings, list[str], list[str]]] = {}
        self.file = ""
        self.header: list[str] = []
        self.at: dict[str, int] = {}
        self.structure_at = self.period_at = -1  # -1: a column the part lacks

    # -- RowWatcher
    def begin(self, side: str, file: str, header: list[str]) -> None:
        self.file, self.header = file, header
        self.at = {name: index for index, name in enumerate(header)}
        self.structure_at, self.period_at = self.at.get("structure_id", -1), self.at.get("period", -1)

    def base_row(self, row: list[str]) -> None:
        structure = row[self.structure_at] if self.structure_at >= 0 else ""
        period = row[self.period_at] if self.period_at >= 0 else ""
        self.base_periods.add((self.structure_network.get(structure, UNKNOWN_NETWORK), period))

    def head_row(self, row: list[str], change: str, key_hash: int) -> None:
        structure = row[self.structure_at] if self.structure_at >= 0 else ""
        period = row[self.period_at] if self.period_at >= 0 else ""
        network = self.structure_network.get(structure, UNKNOWN_NETWORK)
        self.head_periods.add((network, period))
        self.publishing[network].add(structure)
        findings = self._findings(network)
        if (network, period) not in self.base_periods:
            findings.coverage.setdefault(period, set()).add(structure)
        if change == "added":
            findings.added += 1
        elif change == "changed":
            self.pending[key_hash] = (findings, self.header, row)  # the header list is shared, not copied

    def base_again(self, row: list[str], change: str, key_hash: int) -> None:
        if change == "removed":
            self._findings(self._network(row)).removed.add(self._key(row))
            return
        pending = self.pending.pop(key_hash, None)
        if pending is None:
            return
        findings, head_header, head_row = pending
        new = dict(zip(head_header, head_row, strict=False))
        old = dict(zip(self.header, row, strict=False))
        change_record = ValueChange(
            key=self._key(row),
            old_value=old.get("value", ""),
            new_value=new.get("value", ""),
            old_status=old.get("status", ""),
            new_status=new.get("status", ""),
            other_columns=tuple(c for c in head_header if c != "value" and c in old and old[c] != new[c]),
        )
        findings.changes.add(change_record)
        if change_record.unrevised_final:
            findings.unrevised.add(change_record)

    # -- results
    def networks(self, names: dict[str, str], head_structures: dict[str, list[str]]) -> list[NetworkFindings]:
        """Findings per network (in the order of `names`, unknown networks last), files in order.

        A network's structures are those of `structures.csv` with at least one result row: a regional
        direction that never publishes is not "missing" from every new period.
        """
        by_network: dict[str, list[FileFindings]] = defaultdict(list)
        for findings in self.files.values():
            findings.coverage = {
                period: structures
                for period, structures in findings.coverage.items()
                if (findings.network_id, period) not in self.base_periods
            }
            if findings.added or findings.removed.count or findings.changes.count or findings.coverage:
                by_network[findings.network_id].append(findings)
        dropped: dict[str, list[str]] = defaultdict(list)
        for network, period in self.base_periods - self.head_periods:
            dropped[network].append(period)
        order = list(names) + sorted(n for n in set(by_network) | set(dropped) if n not in names)
        return [
            NetworkFindings(
                network_id=network,
                name=names.get(network, network),
                structures=self._publishing(network, head_structures.get(network, [])),
                files=sorted(by_network.get(network, []), key=lambda f: f.file),
                dropped_periods=sorted(dropped.get(network, []), key=period_order),
            )
            for network in order
            if network in by_network or network in dropped
        ]

    def new_periods(self) -> set[str]:
        """Periods that at least one network publishes for the first time."""
        return {period for network, period in self.head_periods - self.base_periods}

    # -- helpers
    def _publishing(self, network: str, listed: list[str]) -> list[str]:
        publishing = self.publishing.get(network, set())
        in_order = [s for s in listed if s in publishing]
        return in_order + sorted(publishing - set(in_order))

    def _cell(self, row: list[str], column: str) -> str:
        index = self.at.get(column)
        return row[index] if index is not None and index < len(row) else ""

    def _network(self, row: list[str]) -> str:
        return self.structure_network.get(self._cell(row, "structure_id"), UNKNOWN_NETWORK)

    def _key(self, row: list[str]) -> str:
        return " · ".join(self._cell(row, column) for column in RESULTS_KEY)

    def _findings(self, network: str) -> FileFindings:
        key = (network, self.file)
        if key not in self.files:
            self.files[key] = FileFindings(network, self.file)
        return self.files[key]
