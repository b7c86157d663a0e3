"""Values of the data page: data dictionary from the Table Schemas, citation, API examples and the
schema.org `Dataset` description that dataset search engines read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.parts import table_of
from ..core.periods import Period
from ..core.schema import canonical_resources
from .about import TYPE_WORDING, Provenance
from .columns import Column
from .package import PackageFile

FORMAT_MEDIATYPES = {"CSV": "text/csv", "JSON": "application/json", "ZIP": "application/zip",
                     "Markdown": "text/markdown"}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    title: str
    type: str
    unit: str
    constraints: str
    description: str


@dataclass(frozen=True)
class ResourceDoc:
    name: str
    title: str
    description: str
    url: str  # the published CSV
    fields: tuple[FieldDoc, ...]
    keys: tuple[str, ...]  # primary and foreign keys, in words


def constraints_text(constraints: dict[str, Any]) -> str:
    """`obligatoire ; valeurs : final, provisional, revised ; minimum 0`: constraints in French."""
    words = []
    if constraints.get("required"):
        words.append("obligatoire")
    if constraints.get("unique"):
        words.append("unique")
    if "enum" in constraints:
        words.append("valeurs : " + ", ".join(str(value) for value in constraints["enum"]))
    if "pattern" in constraints:
        words.append(f"motif : {constraints['pattern']}")
    for key, word in (("minimum", "minimum"), ("maximum", "maximum"), ("minLength", "longueur minimale"),
                      ("maxLength", "longueur maximale")):
        if key in constraints:
            words.append(f"{word} {constraints[key]}")
    return " ; ".join(words)


def _keys(schema: dict[str, Any], resource_name: str) -> tuple[str, ...]:
    keys = []
    primary = schema.get("primaryKey")
    if primary:
        primary = [primary] if isinstance(primary, str) else primary
        keys.append(f"Clé primaire : {', '.join(primary)}")
    for foreign in schema.get("foreignKeys", []):
        fields = foreign.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        reference = foreign.get("reference", {})
        target = reference.get("resource") or resource_name
        target_fields = reference.get("fields")
        target_fields = [target_fields] if isinstance(target_fields, str) else target_fields
        keys.append(f"{', '.join(fields)} renvoie à {target}.{', '.join(target_fields)}")
    return tuple(keys)


def dictionary(
    descriptor: dict[str, Any], files: Sequence[PackageFile], full_table: PackageFile | None = None
) -> list[ResourceDoc]:
    """Every table and field of the package, in package order, from its Table Schema.

    The files of a split table (results, one per network: core/parts.py) share one schema: the table
    is described once, under its own name and title, linked to the full table when it is published.
    """
    urls = {f.name: f.url for f in files}
    titles = {resource["name"]: resource.get("title", resource["name"]) for resource in canonical_resources()}
    docs = []
    described: set[str] = set()
    for resource in descriptor.get("resources", []):
        table = table_of(str(resource.get("name", "")))
        if table in described:
            continue
        described.add(table)
        if table != resource.get("name"):
            url = full_table.url if full_table is not None and table == "results" else ""
            resource = {**resource, "name": table, "title": titles.get(table, table), "path": url}
            urls[url] = url
        schema = resource.get("schema", {})
        if isinstance(schema, str):  # an external schema file: nothing to describe inline
            schema = {}
        fields = tuple(
            FieldDoc(
                field["name"], field.get("title", ""), TYPE_WORDING.get(field.get("type", "string"), field.get("type")),
                field.get("unit", ""), constraints_text(field.get("constraints", {})), field.get("description", ""),
            )
            for field in schema.get("fields", [])
        )
        docs.append(ResourceDoc(
            resource["name"], resource.get("title", resource["name"]), resource.get("description", ""),
            urls.get(str(resource.get("path")), ""), fields, _keys(schema, resource["name"]),
        ))
    return docs


def extract_fields(columns: Sequence[Column]) -> tuple[FieldDoc, ...]:
    return tuple(FieldDoc(c.name, c.title, TYPE_WORDING.get(c.type, c.type), "", "", c.description) for c in columns)


def temporal_coverage(periods: Sequence[str]) -> str:
    """`2023-01-01/2026-09-30`: from the first period's start to the last period's end."""
    parsed = [Period.parse(code) for code in periods]
    if not parsed:
        return ""
    return f"{min(p.start for p in parsed).isoformat()}/{max(p.end for p in parsed).isoformat()}"


def dataset_jsonld(
    provenance: Provenance,
    descriptor: dict[str, Any],
    page_url: str,
    files: Sequence[PackageFile],
    zipped: PackageFile,
    absolute: Any,
    coverage: str,
    measured: Sequence[str],
) -> dict[str, Any]:
    """schema.org `Dataset` (the vocabulary Google Dataset Search and data.gouv.fr harvesters read)."""
    info = provenance.info
    publisher = {"@type": "Organization", "name": provenance.publisher}
    distribution = [
        {"@type": "DataDownload", "name": f.title, "encodingFormat": FORMAT_MEDIATYPES.get(f.format, f.format),
         "contentUrl": absolute(f.url), "contentSize": f"{f.size} octets"}
        for f in (zipped, *files)
        if f.format in ("CSV", "ZIP", "JSON")
    ]
    dataset: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": info.title,
        "description": info.description,
        "url": absolute(page_url),
        "version": info.version,
        "dateModified": info.as_of.isoformat(),
        "inLanguage": "fr",
        "isAccessibleForFree": True,
        "license": info.license_url or info.license_title,
        "keywords": list(descriptor.get("keywords", [])),
        "creator": publisher,
        "publisher": publisher,
        "spatialCoverage": {"@type": "Place", "name": "France"},
        "distribution": distribution,
        "variableMeasured": list(measured),
        "citation": provenance.citation(),
    }
    if info.releases:
        dataset["datePublished"] = min(r.date for r in info.releases).isoformat()
    if coverage:
        dataset["temporalCoverage"] = coverage
    sources = [path for _, path in info.sources if path]
    if sources:
        dataset["isBasedOn"] = sources
    return dataset
