"""Label status at the package's "as of" date, and the grouped figures of the labels pages.

A label is a public promise: a structure shows a label only while it is valid *at the date the data
describes* (`catalog.info.as_of`, never the wall clock, so a rebuild next year says the same thing).
An expired label is still shown, as expired, with its dates. Pure functions: no Pelican, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .core.french import name_sort_key
from .i18n.data_words import DataWords
from .i18n.formats import N_
from .model import Catalog, Label, Network, Region, Structure

# The French programme's levels, highest first (`RESULTS_LABEL_LEVELS`'s default).
# Their wording is French, translated where it is shown (`formats.gettext(status.level_wording)`).
NO_REGION = N_("Sans région (niveau national)")  # translated where the counts are shown (label_pages)
DEFAULT_LEVELS: tuple[tuple[str, str], ...] = (("or", N_("Or")), ("argent", N_("Argent")), ("bronze", N_("Bronze")))


@dataclass(frozen=True)
class LabelScheme:
    """A programme's quality label: its name and its levels, `(code, wording)` highest first.

    The codes are those of `labels.csv` (`level` column); the wording is what pages and badges say.
    A level's rank (1 for the lowest) is drawn as that many stars beside its name.
    """

    name: str = "Services Publics+"
    levels: tuple[tuple[str, str], ...] = DEFAULT_LEVELS

    @property
    def codes(self) -> tuple[str, ...]:
        """Highest first: the order of every list and count."""
        return tuple(code for code, _ in self.levels)

    def wording(self, code: str) -> str:
        return dict(self.levels).get(code, code)

    def rank(self, code: str) -> int:
        """1 for the lowest level, up to the number of levels for the highest."""
        codes = self.codes
        return len(codes) - codes.index(code) if code in codes else 1

    def tier(self, code: str) -> int:
        """0 for the highest level, 1 for the next…: picks the badge colours."""
        return self.codes.index(code) if code in self.codes else len(self.codes)


DEFAULT_SCHEME = LabelScheme()


@dataclass(frozen=True)
class LabelStatus:
    """What a structure may claim at `as_of`: `current`, `expired` (the last one it held) or `none`."""

    state: str
    label: Label | None = None
    scheme: LabelScheme = DEFAULT_SCHEME

    @property
    def is_current(self) -> bool:
        return self.state == "current"

    @property
    def level_wording(self) -> str:
        return self.scheme.wording(self.label.level) if self.label else ""

    @property
    def rank(self) -> int:
        return self.scheme.rank(self.label.level) if self.label else 0


NO_LABEL = LabelStatus("none")


def label_status(labels: Iterable[Label], as_of: dt.date, scheme: LabelScheme = DEFAULT_SCHEME) -> LabelStatus:
    """The label a structure holds at `as_of`.

    A label is valid from `awarded_on` to `valid_until`, both days included. Labels awarded after
    `as_of` do not exist yet at that date. When several are valid (a renewal or an upgrade before the
    end of the previous one) the most recently awarded wins; otherwise the last one to expire is
    reported as expired.
    """
    awarded = [label for label in labels if label.awarded_on <= as_of]
    current = [label for label in awarded if as_of <= label.valid_until]
    if current:
        return LabelStatus("current", max(current, key=lambda label: (label.awarded_on, label.valid_until)), scheme)
    if awarded:
        return LabelStatus("expired", max(awarded, key=lambda label: (label.valid_until, label.awarded_on)), scheme)
    return NO_LABEL


def label_statuses(catalog: Catalog, scheme: LabelScheme = DEFAULT_SCHEME) -> dict[str, LabelStatus]:
    """Status of every structure that ever had a label (the others have `NO_LABEL`)."""
    by_structure: dict[str, list[Label]] = defaultdict(list)
    for label in catalog.labels:
        by_structure[label.structure_id].append(label)
    statuses = {sid: label_status(labels, catalog.info.as_of, scheme) for sid, labels in by_structure.items()}
    return {sid: status for sid, status in statuses.items() if status is not NO_LABEL}


@dataclass(frozen=True)
class LabelRow:
    """One structure in a labels table."""

    structure: Structure
    network: Network
    region: Region | None
    status: LabelStatus

    @property
    def label(self) -> Label:
        assert self.status.label is not None
        return self.status.label


@dataclass(frozen=True)
class GroupCount:
    """A line of a count table: how many structures of a group hold a current label, and the view page."""

    key: str
    title: str
    labelled: int
    total: int
    url: str  # empty when no page lists the group (nobody labelled, or no région)
    lang: str = ""  # "fr" when the title is French on another language's page (a network name without translation)


def label_rows(catalog: Catalog, statuses: dict[str, LabelStatus], state: str) -> list[LabelRow]:
    """Structures in `state` (`current` or `expired`), by name (the order people search a list in)."""
    rows = [
        LabelRow(catalog.structures[sid], catalog.networks[catalog.structures[sid].network_id],
                 catalog.regions.get(catalog.structures[sid].region_code), status)
        for sid, status in statuses.items()
        if status.state == state and sid in catalog.structures
    ]
    return sorted(rows, key=lambda row: (name_sort_key(row.structure.name), row.structure.id))


def level_counts(rows: list[LabelRow], links: Any, scheme: LabelScheme = DEFAULT_SCHEME) -> list[GroupCount]:
    counts = Counter(row.label.level for row in rows)
    return [
        GroupCount(level, scheme.wording(level), counts[level], len(rows),
                   links.label_level(level) if counts[level] else "")
        for level in scheme.codes
    ]


def network_counts(catalog: Catalog, rows: list[LabelRow], links: Any,
                   words: DataWords | None = None) -> list[GroupCount]:
    """One line per network, named by its short name in `words`' language (French without `words`)."""
    labelled = Counter(row.network.id for row in rows)
    totals = Counter(structure.network_id for structure in catalog.structures.values())
    words = words or DataWords("fr", catalog.translations)
    names = {network.id: words.localized(network, "short_name") for network in catalog.networks.values()}
    networks = sorted(catalog.networks.values(), key=lambda network: name_sort_key(names[network.id].text))
    return [
        GroupCount(network.id, names[network.id].text, labelled[network.id], totals[network.id],
                   links.label_network(network) if labelled[network.id] else "",
                   "fr" if names[network.id].fallback else "")
        for network in networks
    ]


def region_counts(catalog: Catalog, rows: list[LabelRow], links: Any) -> list[GroupCount]:
    """One line per région, then one for structures without a région (national level), if any."""
    labelled = Counter(row.structure.region_code for row in rows)
    totals = Counter(structure.region_code for structure in catalog.structures.values())
    counts = [
        GroupCount(region.code, region.name, labelled[region.code], totals[region.code],
                   links.label_region(region) if labelled[region.code] else "")
        for region in sorted(catalog.regions.values(), key=lambda region: name_sort_key(region.name))
    ]
    if totals[""]:
        counts.append(GroupCount("", NO_REGION, labelled[""], totals[""], ""))
    return counts


def labels_overview(catalog: Catalog, statuses: dict[str, LabelStatus], links: Any,
                    scheme: LabelScheme = DEFAULT_SCHEME, words: DataWords | None = None) -> dict[str, Any]:
    """Values of the labels index page: every current label, counts per level, network and région."""
    rows = label_rows(catalog, statuses, "current")
    return {
        "rows": rows,
        "expired_rows": label_rows(catalog, statuses, "expired"),
        "level_counts": level_counts(rows, links, scheme),
        "network_counts": network_counts(catalog, rows, links, words),
        "region_counts": region_counts(catalog, rows, links),
        "structure_count": len(catalog.structures),
    }
