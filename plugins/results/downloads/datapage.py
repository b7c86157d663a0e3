"""Values of the data page: data dictionary from the Table Schemas, citation, API examples and the
schema.org `Dataset` description that dataset search engines read.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.parts import table_of
from ..core.periods import Period
from ..core.schema import canonical_resources
from ..i18n.formats import N_
from .about import TYPE_WORDING, Provenance
from .columns import EXTRACT_KINDS, Column, kinds_with
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
    files: str = ""  # a page file's column: the page kinds whose result file has it ("tous" when every one)


@dataclass(frozen=True)
class ResourceDoc:
    name: str
    title: str
    description: str
    url: str  # the published CSV
    fields: tuple[FieldDoc, ...]
    keys: tuple[str, ...]  # primary and foreign keys, in words


Gettext = Callable[[str], str]
BOUNDS = (("minimum", N_("minimum {value}")), ("maximum", N_("maximum {value}")),
          ("minLength", N_("longueur minimale {value}")), ("maxLength", N_("longueur maximale {value}")))


def _same(message: str) -> str:
    return message


def constraints_text(constraints: dict[str, Any], _: Gettext = _same) -> str:
    """`obligatoire ; valeurs : final, provisional, revised ; minimum 0`: constraints in the page's
    language (`_`, its gettext; French without)."""
    words = []
    if constraints.get("required"):
        words.append(_("obligatoire"))
    if constraints.get("unique"):
        words.append(_("unique"))
    if "enum" in constraints:
        words.append(_("valeurs : {values}").format(values=", ".join(str(value) for value in constraints["enum"])))
    if "pattern" in constraints:
        words.append(_("motif : {pattern}").format(pattern=constraints["pattern"]))
    for key, wording in BOUNDS:
        if key in constraints:
            words.append(_(wording).format(value=constraints[key]))
    return _(" ; ").join(words)


def _keys(schema: dict[str, Any], resource_name: str, _: Gettext = _same) -> tuple[str, ...]:
    keys = []
    primary = schema.get("primaryKey")
    if primary:
        primary = [primary] if isinstance(primary, str) else primary
        keys.append(_("Clé primaire : {fields}").format(fields=", ".join(primary)))
    for foreign in schema.get("foreignKeys", []):
        fields = foreign.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        reference = foreign.get("reference", {})
        target = reference.get("resource") or resource_name
        target_fields = reference.get("fields")
        target_fields = [target_fields] if isinstance(target_fields, str) else target_fields
        keys.append(_("{fields} renvoie à {target}").format(
            fields=", ".join(fields), target=f"{target}.{', '.join(target_fields)}"))
    return tuple(keys)


def dictionary(
    descriptor: dict[str, Any], files: Sequence[PackageFile], full_table: PackageFile | None = None,
    _: Gettext = _same,
) -> list[ResourceDoc]:
    """Every table and field of the package, in package order, from its Table Schema; the site's own
    words (types, constraints, keys) in the page's language (`_`), the schema's text as written.

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
                field["name"], field.get("title", ""), _type(field.get("type", "string"), _),
                field.get("unit", ""), constraints_text(field.get("constraints", {}), _), field.get("description", ""),
            )
            for field in schema.get("fields", [])
        )
        docs.append(ResourceDoc(
            resource["name"], resource.get("title", resource["name"]), resource.get("description", ""),
            urls.get(str(resource.get("path")), ""), fields, _keys(schema, resource["name"], _),
        ))
    return docs


def _type(name: Any, _: Gettext) -> str:
    """`nombre entier` / `integer`: a Table Schema type in words; an unknown one as written."""
    wording = TYPE_WORDING.get(name)
    return _(wording) if wording else str(name)


def extract_fields(columns: Sequence[Column], _: Gettext = _same) -> tuple[FieldDoc, ...]:
    """The columns of the pages' downloads, worded as their "À propos" sheet words them (`_`: the page's
    gettext; the titles and the schema's descriptions are in the catalogs, scripts/translations.py)."""
    return tuple(FieldDoc(c.name, _(c.title), _type(c.type, _), "", "", _(c.description) if c.description else "")
                 for c in columns)


def result_fields(columns: Sequence[Column], gettext: Callable[[str], str]) -> tuple[FieldDoc, ...]:
    """The page files' result columns, each saying which page kinds' files have it: a structure's file
    does not repeat its own name, network and territory on every row (columns.ExtractKind)."""
    every = len(EXTRACT_KINDS)
    return tuple(
        dataclasses.replace(doc, files=gettext("tous") if len(kinds) == every else
                            ", ".join(gettext(kind.title) for kind in kinds))
        for doc, kinds in zip(extract_fields(columns, gettext), (kinds_with(c.name) for c in columns), strict=True)
    )


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
