"""What a page is made of, digested *before* anything of it is computed.

An incremental build (`carryover`) can only skip a page's work — its figures, its chart, its
downloads, its template — if it knows the page is unchanged without doing that work. So a page kind
may declare its *inputs*: the parts of the data it reads. These digests are computed once per build,
cheaply, from the loaded package: the reference tables (every record but the result rows, with the
package's metadata), each structure's own result rows, and each network's and each indicator's
aggregate series (what comparisons and charts show). A structure page then depends on its rows, its
network's series, the national value of each of its indicators at its latest period (its position
against the nation) and the reference tables; a corrected value changes its structure's rows, its
network's series and perhaps one national value, so the pages that show those — and only those —
are rendered again.

The digests name what was read, not how it is shown: anything shown but not listed here must be
added by the kind or the section that shows it (`Section.inputs`), or the page is never skipped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from .figures import Aggregates
from .fingerprint import Fingerprinter
from .model import Catalog, Indicator, Network, PackageInfo, Structure


def undated(info: PackageInfo | None) -> PackageInfo | None:
    """The package's metadata without what every publication moves (version, as_of, releases): what
    a page shows of it unless it shows the package's date (`PageKind.dated`)."""
    return None if info is None else dataclasses.replace(info, version="", as_of=dt.date.min, releases=())


class DataDigests:
    """Build-wide digests of the package, split so each page names only the parts it reads."""

    def __init__(self, catalog: Catalog, aggregates: Aggregates, latest: Mapping[tuple[str, str], Any],
                 network_updated_on: Mapping[str, dt.date]) -> None:
        self.catalog = catalog
        self.aggregates = aggregates
        self.latest = latest  # (structure id, indicator id) → latest value (`facts.latest_values`)
        self.network_updated_on = network_updated_on  # `facts.network_updated_on`
        self._fingerprinter = Fingerprinter()
        self._networks: dict[str, str] = {}
        self._once: dict[str, str] = {}

    @cached_property
    def reference(self) -> str:
        """Everything but the result rows and the package's date: metadata (title, licence, sources),
        records, targets, labels, experiences, actions and translations. Rarely changed; when it is,
        every declared page is rendered again. Values computed at `as_of` (label statuses, late
        results) are declared as values by the sections that show them."""
        catalog = self.catalog
        return self._fingerprinter.digest(
            undated(catalog.info), catalog.regions, catalog.departements, catalog.commitments, catalog.networks,
            catalog.structures, catalog.indicators, catalog.targets, catalog.labels, catalog.experiences,
            catalog.actions, catalog.translations,
            list(catalog.results.columns), [str(kind) for kind in catalog.results.dtypes],
        )

    @cached_property
    def _rows(self) -> dict[str, str]:
        """structure id → digest of its result rows, every column, in package order (one pass)."""
        results = self.catalog.results
        if results.empty:
            return {}
        hashes = pd.util.hash_pandas_object(results, index=False).to_numpy(dtype=np.uint64)
        return {
            str(structure_id): hashlib.sha256(hashes[positions].tobytes()).hexdigest()
            for structure_id, positions in results.groupby("structure_id", sort=False).indices.items()
        }

    @cached_property
    def dated(self) -> str:
        """The package's version, `as_of` and releases: every page that shows them (`PageKind.dated`)."""
        info = self.catalog.info
        return self._fingerprinter.digest(info.version, info.as_of, info.releases)

    def rows(self, structure_id: str) -> str:
        return self._rows.get(structure_id, "")

    def rows_of(self, structures: Iterable[Structure]) -> str:
        """The result rows of several structures (a network's, a territory's), with who they are."""
        return self._fingerprinter.digest([(structure.id, self.rows(structure.id)) for structure in structures])

    @cached_property
    def _indicator_rows(self) -> dict[str, str]:
        """indicator id → digest of every structure's rows for it, in package order (one pass)."""
        results = self.catalog.results
        if results.empty:
            return {}
        hashes = pd.util.hash_pandas_object(results, index=False).to_numpy(dtype=np.uint64)
        return {
            str(indicator_id): hashlib.sha256(hashes[positions].tobytes()).hexdigest()
            for indicator_id, positions in results.groupby("indicator_id", sort=False).indices.items()
        }

    def indicator_rows(self, indicator_id: str) -> str:
        """Every row of one indicator: its national and network series, each structure's latest value."""
        return self._indicator_rows.get(indicator_id, "")

    def once(self, name: str, compute: Callable[[], Any]) -> str:
        """The digest of a build-wide value several pages show (the national figures), computed once."""
        if name not in self._once:
            self._once[name] = self._fingerprinter.digest(compute())
        return self._once[name]

    def network_series(self, network_id: str) -> str:
        """The network's aggregate series of each of its indicators (values, counts, periods)."""
        if network_id not in self._networks:
            series = [(indicator.id, self.aggregates.network_series(network_id, indicator.id))
                      for indicator in self.catalog.indicators_of_network(network_id)]
            self._networks[network_id] = self._fingerprinter.digest(series)
        return self._networks[network_id]

    def national_at_latest(self, structure: Structure) -> tuple[tuple[str, str, float | None], ...]:
        """The national value of each indicator at the structure's latest period with a value: the only
        national figures its page shows (`figures.indicator_figures`, position against the nation)."""
        national = self.aggregates.national
        found = []
        for indicator in self.catalog.indicators_of_network(structure.network_id):
            latest = self.latest.get((structure.id, indicator.id))
            if latest is not None:
                found.append((indicator.id, latest.period.code, national.get((indicator.id, latest.period.code))))
        return tuple(found)

    def structure(self, structure: Structure) -> tuple[Any, ...]:
        """A structure's page and poster: its rows, its network's series and update date, the national
        values it is compared with, the reference tables."""
        return (
            self.reference, structure.id, self.rows(structure.id), self.network_series(structure.network_id),
            self.network_updated_on.get(structure.network_id), self.national_at_latest(structure),
        )

    def network(self, network: Network) -> tuple[Any, ...]:
        """A network's page: its structures' rows (its figures, comparisons, table, publishing share)
        and the reference tables."""
        return self.reference, network.id, self.rows_of(self.catalog.structures_of_network(network.id))

    def indicator(self, indicator: Indicator) -> tuple[Any, ...]:
        """An indicator's page: every row of the indicator (national and network figures, each
        structure's latest value) and the reference tables."""
        return self.reference, indicator.id, self.indicator_rows(indicator.id)

    def territory(self, structures: Iterable[Structure], national: str) -> tuple[Any, ...]:
        """A région's or département's page: its structures' rows (their latest values), the national
        figures it compares them with (`national`, from `once`) and the reference tables."""
        return self.reference, self.rows_of(structures), national
