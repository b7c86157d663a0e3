"""The static JSON API (`api/v2/…`): one document per structure, network and indicator, and indexes.

Static files, so "API" means stable, versioned, documented URLs rather than a server: a newsroom
script can fetch `structures.json`, pick an id and follow `api_url` links. Ids (not slugs) name the
documents because ids never change when a structure is renamed. Documents link to each other with
`api_url` and to the human page with `url`: absolute when the site's address is known, otherwise
relative *to the JSON file itself*, which is how clients resolve a link found in a document (a link
relative to the site root would give 404 once resolved against `api/v2/structures/X.json`).

Version 2 (issue #15): a table (`latest_results`, `aggregates`) is written once as
`{"columns": [...], "data": [[...], ...]}`, pandas' "split" layout (`pd.DataFrame(**table)`), instead
of one object per row repeating every column name. A structure's document gives the latest value of
each of its indicators (what a widget or a newsroom script shows) and links its full history, the CSV
of its page (`downloads.csv`), instead of repeating it; it refers to its indicators by id and label
(`indicators.json` has the rest) and cites its source without the citation text (`index.json` has
it). Version 1 repeated all that in 15 000 documents: 430 MB of the national site, 2 MB now.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..model import Indicator, Network, Structure
from ..views import SiteViews
from .about import Provenance
from .columns import AGGREGATE_COLUMNS
from .encoding import Encoded
from .rows import EncodedResults

API_VERSION = "v2"
RESULT_FIELDS = (
    "indicator_id", "period", "value", "sample_size", "ci_low", "ci_high", "status", "missing_reason",
    "updated_on", "note",
)
LATEST_FIELDS = ("structure_id", *RESULT_FIELDS)
AGGREGATE_FIELDS = tuple(column.name for column in AGGREGATE_COLUMNS)


def document(meta: dict[str, Any], tables: dict[str, tuple[Sequence[str], Sequence[Sequence[str]]]]) -> str:
    """`meta` as JSON plus tables of already-encoded JSON cells (results are never re-parsed), each as
    `{"columns": [names], "data": [[cells], ...]}`."""
    head = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    tail = "".join(
        f',"{key}":{{"columns":{json.dumps(list(columns))},"data":[{",".join(map(_array, rows))}]}}'
        for key, (columns, rows) in tables.items()
    )
    return f"{head[:-1]}{tail}}}\n"


def _array(cells: Sequence[str]) -> str:
    return "[" + ",".join(cells) + "]"


def records(meta: dict[str, Any], lists: dict[str, Sequence[str]]) -> str:
    """`meta` as JSON plus lists of already-encoded JSON objects (the indexes: one record per entry)."""
    head = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    tail = "".join(f',"{key}":[{",".join(items)}]' for key, items in lists.items())
    return f"{head[:-1]}{tail}}}\n"


class Api:
    """Builds every API document from the views, the encoded results and the URL settings."""

    def __init__(
        self, views: SiteViews, encoded: EncodedResults, provenance: Provenance, site_url: str
    ) -> None:
        self.views = views
        self.catalog = views.catalog
        self.settings = views.settings
        self.links = views.links
        self.encoded = encoded
        self.site_url = site_url.rstrip("/")  # "" on a local build with relative links
        info = provenance.info
        self.short_source = {  # what every structure document repeats: who, when, licence (index.json cites)
            "publisher": provenance.publisher,
            "version": info.version,
            "as_of": info.as_of.isoformat(),
            "licence": info.license_title,
            "licence_url": info.license_url,
            "demo": info.demo,
        }
        self.source = {
            "dataset": info.title,
            "version": info.version,
            "as_of": info.as_of.isoformat(),
            "licence": info.license_title,
            "licence_url": info.license_url,
            "citation": provenance.citation(),
            "demo": info.demo,
        }

    def network_source(self, network_id: str) -> dict[str, Any]:
        """A structure's document cites its network's update date (`facts.network_updated_on`) instead of
        the package's version and `as_of`, which move with any network's publication: a document then
        changes only when its structure's data does (incremental builds rewrite only changed files)."""
        updated = self.views.facts.network_updated_on.get(network_id)
        source = {key: value for key, value in self.short_source.items() if key not in ("version", "as_of")}
        return {**source, "network_updated_on": updated.isoformat() if updated else None}

    # -- URLs ----------------------------------------------------------------------------------
    def linker(self, document_url: str) -> Callable[[str], str]:
        """Links written inside the document at `document_url` (site-relative): absolute on a published
        site, else relative to that document's folder, so they resolve wherever the site is opened."""
        if self.site_url:
            return lambda url: f"{self.site_url}/{url}"
        folder = posixpath.dirname(document_url) or "."

        def relative(url: str) -> str:
            link = posixpath.relpath(url or ".", folder)
            return f"{link}/" if url.endswith("/") and not link.endswith("/") else link
        return relative

    def url(self, kind: str, **fields: str) -> str:
        """Site-relative URL of an API document (`API_STRUCTURE_URL` etc.)."""
        return self.settings[f"API_{kind}_URL"].format(**fields)

    def structure_url(self, structure: Structure) -> str:
        return self.url("STRUCTURE", id=structure.id, slug=structure.slug)

    def network_url(self, network: Network) -> str:
        return self.url("NETWORK", id=network.id, slug=network.slug)

    def indicator_url(self, indicator: Indicator) -> str:
        return self.url("INDICATOR", id=indicator.id, slug=indicator.slug)

    # -- references ----------------------------------------------------------------------------
    def _network_ref(self, network: Network | None, link: Callable[[str], str]) -> dict[str, Any] | None:
        if network is None:
            return None
        return {"id": network.id, "name": network.name, "short_name": network.short_name,
                "url": link(self.links.network(network)), "api_url": link(self.network_url(network))}

    def _structure_ref(self, structure: Structure | None, link: Callable[[str], str]) -> dict[str, Any] | None:
        if structure is None:
            return None
        return {"id": structure.id, "name": structure.name, "url": link(self.links.structure(structure)),
                "api_url": link(self.structure_url(structure))}

    def _indicator_ref(self, indicator: Indicator, link: Callable[[str], str]) -> dict[str, Any]:
        return {
            "id": indicator.id, "label": indicator.label, "network_id": indicator.network_id or None,
            "family": indicator.family, "unit": indicator.unit, "direction": indicator.direction,
            "decimals": indicator.decimals, "frequency": indicator.frequency, "aggregation": indicator.aggregation,
            "url": link(self.links.indicator(indicator)),
            "api_url": link(self.indicator_url(indicator)),
        }

    def _territory(self, structure: Structure, link: Callable[[str], str]) -> dict[str, Any]:
        departement = self.catalog.departements.get(structure.departement_code)
        region = self.catalog.regions.get(structure.region_code)
        return {
            "departement": {"code": departement.code, "name": departement.name,
                            "url": link(self.links.departement(departement))} if departement else None,
            "region": {"code": region.code, "name": region.name,
                       "url": link(self.links.region(region))} if region else None,
        }

    def _table(self, positions: np.ndarray, fields: Sequence[str]) -> tuple[Sequence[str], Sequence[Sequence[str]]]:
        return fields, self.encoded.cells(positions, fields, "json")

    @staticmethod
    def _aggregates(aggregates: list[tuple[Encoded, ...]]) -> tuple[Sequence[str], Sequence[Sequence[str]]]:
        return AGGREGATE_FIELDS, [tuple(cell.json for cell in row) for row in aggregates]

    def _downloads(self, downloads: dict[str, str], link: Callable[[str], str]) -> dict[str, str]:
        return {fmt: link(url) for fmt, url in downloads.items()}

    # -- documents -----------------------------------------------------------------------------
    def structure(
        self, structure: Structure, positions: np.ndarray, latest: np.ndarray, downloads: dict[str, str]
    ) -> str:
        """`positions`: every row of the structure (its indicators); `latest`: its latest value of each."""
        link = self.linker(self.structure_url(structure))
        present = set(self.encoded.codes["indicator"][positions].tolist())
        indicators = [{"id": i.id, "label": i.label, "api_url": link(self.indicator_url(i))}
                      for code, i in enumerate(self.encoded.indicators) if code in present]
        meta = {
            "api_version": API_VERSION,
            "id": structure.id, "name": structure.name, "typology": structure.typology or None,
            "address": structure.address or None, "postcode": structure.postcode or None,
            "commune": structure.commune or None, "commune_code": structure.commune_code or None,
            **self._territory(structure, link),
            "latitude": structure.latitude, "longitude": structure.longitude,
            "network": self._network_ref(self.catalog.networks.get(structure.network_id), link),
            "parent": self._structure_ref(self.catalog.structures.get(structure.parent_id), link),
            "children": [self._structure_ref(child, link) for child in self.views.children.get(structure.id, [])],
            "url": link(self.links.structure(structure)),
            "downloads": self._downloads(downloads, link),
            "source": self.network_source(structure.network_id),
            "indicators": indicators,
        }
        return document(meta, {"latest_results": self._table(latest, RESULT_FIELDS)})

    def network(
        self, network: Network, positions: np.ndarray, aggregates: list[tuple[Encoded, ...]], downloads: dict[str, str]
    ) -> str:
        link = self.linker(self.network_url(network))
        structures = sorted(self.catalog.structures_of_network(network.id), key=lambda s: s.id)
        meta = {
            "api_version": API_VERSION,
            "id": network.id, "name": network.name, "short_name": network.short_name,
            "description": network.description, "website": network.website, "granularity": network.granularity,
            "url": link(self.links.network(network)),
            "downloads": self._downloads(downloads, link),
            "source": self.source,
            "indicators": [self._indicator_ref(i, link) for i in self.catalog.indicators_of_network(network.id)],
            "structures": [self._structure_ref(s, link) for s in structures],
        }
        return document(meta, {
            "aggregates": self._aggregates(aggregates),
            "latest_results": self._table(positions, LATEST_FIELDS),
        })

    def indicator(
        self, indicator: Indicator, positions: np.ndarray, aggregates: list[tuple[Encoded, ...]],
        downloads: dict[str, str],
    ) -> str:
        link = self.linker(self.indicator_url(indicator))
        commitment = self.catalog.commitments.get(indicator.commitment_id)
        meta = {
            "api_version": API_VERSION,
            **self._indicator_ref(indicator, link),
            "original_label": indicator.original_label, "methods": indicator.methods,
            "commitment": {"id": commitment.id, "title": commitment.title} if commitment else None,
            "network": self._network_ref(self.catalog.networks.get(indicator.network_id), link),
            "downloads": self._downloads(downloads, link),
            "source": self.source,
        }
        return document(meta, {
            "aggregates": self._aggregates(aggregates),
            "latest_results": self._table(positions, LATEST_FIELDS),
        })

    def structures_index(self) -> str:
        """Every structure with where it is: the entry point for scripts and for joining by commune."""
        link = self.linker(self.url("STRUCTURES"))
        rows = []
        for structure in sorted(self.catalog.structures.values(), key=lambda s: s.id):
            network = self.catalog.networks.get(structure.network_id)
            departement = self.catalog.departements.get(structure.departement_code)
            region = self.catalog.regions.get(structure.region_code)
            rows.append(json.dumps({
                "id": structure.id, "name": structure.name, "network_id": structure.network_id,
                "network_name": network.name if network else None,
                "commune": structure.commune or None, "postcode": structure.postcode or None,
                "departement_code": structure.departement_code or None,
                "departement_name": departement.name if departement else None,
                "region_code": structure.region_code or None, "region_name": region.name if region else None,
                "url": link(self.links.structure(structure)),
                "api_url": link(self.structure_url(structure)),
            }, ensure_ascii=False, separators=(",", ":")))
        return records({"api_version": API_VERSION, "source": self.source}, {"structures": rows})

    def networks_index(self) -> str:
        link = self.linker(self.url("NETWORKS"))
        counts: dict[str, int] = {}
        for structure in self.catalog.structures.values():
            counts[structure.network_id] = counts.get(structure.network_id, 0) + 1
        rows = [
            json.dumps({**(self._network_ref(n, link) or {}), "structure_count": counts.get(n.id, 0)},
                       ensure_ascii=False, separators=(",", ":"))
            for n in sorted(self.catalog.networks.values(), key=lambda n: n.id)
        ]
        return records({"api_version": API_VERSION, "source": self.source}, {"networks": rows})

    def indicators_index(self) -> str:
        link = self.linker(self.url("INDICATORS"))
        rows = [json.dumps(self._indicator_ref(i, link), ensure_ascii=False, separators=(",", ":"))
                for i in self.catalog.indicators.values()]
        return records({"api_version": API_VERSION, "source": self.source}, {"indicators": rows})

    def index(self, package_url: str, zip_url: str, data_page_url: str) -> str:
        link = self.linker(self.url("INDEX"))
        meta = {
            "api_version": API_VERSION,
            "source": self.source,
            "documentation": link(data_page_url),
            "structures": link(self.url("STRUCTURES")),
            "networks": link(self.url("NETWORKS")),
            "indicators": link(self.url("INDICATORS")),
            "structure": link(self.settings["API_STRUCTURE_URL"]),
            "network": link(self.settings["API_NETWORK_URL"]),
            "indicator": link(self.settings["API_INDICATOR_URL"]),
            "datapackage": link(package_url),
            "zip": link(zip_url),
        }
        return json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
