"""The static JSON API (`api/v1/…`): one document per structure, network and indicator, and indexes.

Static files, so "API" means stable, versioned, documented URLs rather than a server: a newsroom
script can fetch `structures.json`, pick an id and follow `api_url` links. Ids (not slugs) name the
documents because ids never change when a structure is renamed. Documents link to each other with
`api_url` and to the human page with `url`, absolute when the site's address is known.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..model import Indicator, Network, Structure
from ..views import SiteViews
from .about import Provenance
from .columns import AGGREGATE_COLUMNS
from .encoding import Encoded
from .rows import EncodedResults, json_rows

API_VERSION = "v1"
RESULT_FIELDS = (
    "indicator_id", "period", "value", "sample_size", "ci_low", "ci_high", "status", "missing_reason",
    "updated_on", "note",
)
LATEST_FIELDS = ("structure_id", *RESULT_FIELDS)
AGGREGATE_FIELDS = tuple(column.name for column in AGGREGATE_COLUMNS)


def document(meta: dict[str, Any], arrays: dict[str, Sequence[str]]) -> str:
    """`meta` as JSON plus arrays of already-encoded JSON objects (results are never re-parsed)."""
    head = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    tail = "".join(f',"{key}":[{",".join(items)}]' for key, items in arrays.items())
    return f"{head[:-1]}{tail}}}\n"


class Api:
    """Builds every API document from the views, the encoded results and the URL settings."""

    def __init__(
        self, views: SiteViews, encoded: EncodedResults, provenance: Provenance, absolute: Callable[[str], str]
    ) -> None:
        self.views = views
        self.catalog = views.catalog
        self.settings = views.settings
        self.links = views.links
        self.encoded = encoded
        self.absolute = absolute
        info = provenance.info
        self.source = {
            "dataset": info.title,
            "version": info.version,
            "as_of": info.as_of.isoformat(),
            "licence": info.license_title,
            "licence_url": info.license_url,
            "citation": provenance.citation(),
            "demo": info.demo,
        }

    # -- URLs ----------------------------------------------------------------------------------
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
    def _network_ref(self, network: Network | None) -> dict[str, Any] | None:
        if network is None:
            return None
        return {"id": network.id, "name": network.name, "short_name": network.short_name,
                "url": self.absolute(self.links.network(network)), "api_url": self.absolute(self.network_url(network))}

    def _structure_ref(self, structure: Structure | None) -> dict[str, Any] | None:
        if structure is None:
            return None
        return {"id": structure.id, "name": structure.name, "url": self.absolute(self.links.structure(structure)),
                "api_url": self.absolute(self.structure_url(structure))}

    def _indicator_ref(self, indicator: Indicator) -> dict[str, Any]:
        return {
            "id": indicator.id, "label": indicator.label, "network_id": indicator.network_id or None,
            "family": indicator.family, "unit": indicator.unit, "direction": indicator.direction,
            "decimals": indicator.decimals, "frequency": indicator.frequency, "aggregation": indicator.aggregation,
            "url": self.absolute(self.links.indicator(indicator)),
            "api_url": self.absolute(self.indicator_url(indicator)),
        }

    def _territory(self, structure: Structure) -> dict[str, Any]:
        departement = self.catalog.departements.get(structure.departement_code)
        region = self.catalog.regions.get(structure.region_code)
        return {
            "departement": {"code": departement.code, "name": departement.name,
                            "url": self.absolute(self.links.departement(departement))} if departement else None,
            "region": {"code": region.code, "name": region.name,
                       "url": self.absolute(self.links.region(region))} if region else None,
        }

    def _rows(self, positions: np.ndarray, fields: Sequence[str]) -> list[str]:
        return json_rows(fields, self.encoded.cells(positions, fields, "json"))

    def _downloads(self, downloads: dict[str, str]) -> dict[str, str]:
        return {fmt: self.absolute(url) for fmt, url in downloads.items()}

    # -- documents -----------------------------------------------------------------------------
    def structure(self, structure: Structure, positions: np.ndarray, downloads: dict[str, str]) -> str:
        present = set(self.encoded.codes["indicator"][positions].tolist())
        indicators = [self._indicator_ref(i) for code, i in enumerate(self.encoded.indicators) if code in present]
        meta = {
            "api_version": API_VERSION,
            "id": structure.id, "name": structure.name, "typology": structure.typology or None,
            "address": structure.address or None, "postcode": structure.postcode or None,
            "commune": structure.commune or None, "commune_code": structure.commune_code or None,
            **self._territory(structure),
            "latitude": structure.latitude, "longitude": structure.longitude,
            "network": self._network_ref(self.catalog.networks.get(structure.network_id)),
            "parent": self._structure_ref(self.catalog.structures.get(structure.parent_id)),
            "children": [self._structure_ref(child) for child in self.views.children.get(structure.id, [])],
            "url": self.absolute(self.links.structure(structure)),
            "downloads": self._downloads(downloads),
            "source": self.source,
            "indicators": indicators,
        }
        return document(meta, {"results": self._rows(positions, RESULT_FIELDS)})

    def network(
        self, network: Network, positions: np.ndarray, aggregates: list[tuple[Encoded, ...]], downloads: dict[str, str]
    ) -> str:
        structures = sorted(self.catalog.structures_of_network(network.id), key=lambda s: s.id)
        meta = {
            "api_version": API_VERSION,
            "id": network.id, "name": network.name, "short_name": network.short_name,
            "description": network.description, "website": network.website, "granularity": network.granularity,
            "url": self.absolute(self.links.network(network)),
            "downloads": self._downloads(downloads),
            "source": self.source,
            "indicators": [self._indicator_ref(i) for i in self.catalog.indicators_of_network(network.id)],
            "structures": [self._structure_ref(s) for s in structures],
        }
        return document(meta, {
            "aggregates": json_rows(AGGREGATE_FIELDS, [tuple(c.json for c in row) for row in aggregates]),
            "latest_results": self._rows(positions, LATEST_FIELDS),
        })

    def indicator(
        self, indicator: Indicator, positions: np.ndarray, aggregates: list[tuple[Encoded, ...]],
        downloads: dict[str, str],
    ) -> str:
        commitment = self.catalog.commitments.get(indicator.commitment_id)
        meta = {
            "api_version": API_VERSION,
            **self._indicator_ref(indicator),
            "original_label": indicator.original_label, "methods": indicator.methods,
            "commitment": {"id": commitment.id, "title": commitment.title} if commitment else None,
            "network": self._network_ref(self.catalog.networks.get(indicator.network_id)),
            "downloads": self._downloads(downloads),
            "source": self.source,
        }
        return document(meta, {
            "aggregates": json_rows(AGGREGATE_FIELDS, [tuple(c.json for c in row) for row in aggregates]),
            "latest_results": self._rows(positions, LATEST_FIELDS),
        })

    def structures_index(self) -> str:
        """Every structure with where it is: the entry point for scripts and for joining by commune."""
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
                "url": self.absolute(self.links.structure(structure)),
                "api_url": self.absolute(self.structure_url(structure)),
            }, ensure_ascii=False, separators=(",", ":")))
        return document({"api_version": API_VERSION, "source": self.source}, {"structures": rows})

    def networks_index(self) -> str:
        counts: dict[str, int] = {}
        for structure in self.catalog.structures.values():
            counts[structure.network_id] = counts.get(structure.network_id, 0) + 1
        rows = [
            json.dumps({**(self._network_ref(n) or {}), "structure_count": counts.get(n.id, 0)},
                       ensure_ascii=False, separators=(",", ":"))
            for n in sorted(self.catalog.networks.values(), key=lambda n: n.id)
        ]
        return document({"api_version": API_VERSION, "source": self.source}, {"networks": rows})

    def indicators_index(self) -> str:
        rows = [json.dumps(self._indicator_ref(i), ensure_ascii=False, separators=(",", ":"))
                for i in self.catalog.indicators.values()]
        return document({"api_version": API_VERSION, "source": self.source}, {"indicators": rows})

    def index(self, package_url: str, zip_url: str, data_page_url: str) -> str:
        meta = {
            "api_version": API_VERSION,
            "source": self.source,
            "documentation": self.absolute(data_page_url),
            "structures": self.absolute(self.url("STRUCTURES")),
            "networks": self.absolute(self.url("NETWORKS")),
            "indicators": self.absolute(self.url("INDICATORS")),
            "structure": self.absolute(self.settings["API_STRUCTURE_URL"]),
            "network": self.absolute(self.settings["API_NETWORK_URL"]),
            "indicator": self.absolute(self.settings["API_INDICATOR_URL"]),
            "datapackage": self.absolute(package_url),
            "zip": self.absolute(zip_url),
        }
        return json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
