"""Facts: what the whole site reads, computed once per build from the catalog.

Views, charts, downloads, labels and posters read the same latest values, aggregates, label
statuses, groupings and frames from here instead of each recomputing them. Only build-wide facts
live here; a page's own objects (its figures, its result rows) are made when the page is written
and dropped after it, so only one page's objects are alive at a time.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from .core.periods import Period
from .core.slugs import slugify
from .feedback import experience_frame
from .figures import Aggregates
from .labels import LabelStatus, label_statuses
from .model import Catalog, Indicator, Structure
from .monitoring_figures import GROUP_COLUMNS, structure_frame


@dataclass(frozen=True)
class LatestValue:
    """A structure's most recent value for one indicator (for tables listing many structures)."""

    period: Period
    value: float
    sample_size: int | None
    ci_low: float | None
    ci_high: float | None
    status: str


def latest_values(results: pd.DataFrame) -> dict[tuple[str, str], LatestValue]:
    """`(structure_id, indicator_id)` → latest value, in one pass over the (sorted) results."""
    with_value = results[results["value"].notna()]
    last = with_value.groupby(["structure_id", "indicator_id"], sort=False).tail(1)
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


class Facts:
    """Build-wide facts of one catalog; the expensive ones are computed on first use, then kept."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.aggregates = Aggregates.compute(catalog)
        self.latest: dict[tuple[str, str], LatestValue] = latest_values(catalog.results)
        self.common_indicators: list[Indicator] = [i for i in catalog.indicators.values() if i.is_common]
        self.structures_sorted = sorted(catalog.structures.values(), key=lambda s: (slugify(s.name), s.id))
        self.children: dict[str, list[Structure]] = defaultdict(list)
        self.structures_by_region: dict[str, list[Structure]] = defaultdict(list)
        self.structures_by_departement: dict[str, list[Structure]] = defaultdict(list)
        for structure in self.structures_sorted:
            if structure.parent_id:
                self.children[structure.parent_id].append(structure)
            self.structures_by_region[structure.region_code].append(structure)
            self.structures_by_departement[structure.departement_code].append(structure)

    @cached_property
    def label_statuses(self) -> dict[str, LabelStatus]:
        """Label status of every structure that ever held a label (labels pages, badges, posters)."""
        return label_statuses(self.catalog)

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
