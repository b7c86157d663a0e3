"""The columns of the per-page downloads: one definition drives the CSV header, the XLSX sheets, the
"À propos" sheet and the data dictionary on the data page.

Column names reuse the package's field names (`structure_id`, `value`…) so a file downloaded from a
page joins with the full package without renaming. A column that copies a field of the package names
it (`source`): its type and description are that field's, read from the package's descriptor at build
time (`described`), with the column and file it joins on from the table's foreign keys — so editing a
description in the Table Schema changes every download's documentation, and nothing restates it here.
Only what the site computes (aggregates' scope, value, count, method) is described in this module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..core.fields import FieldMismatchError
from ..core.parts import table_of
from ..i18n.formats import N_


@dataclass(frozen=True)
class Column:
    name: str
    title: str  # French, shown to people (marked N_, translated where it is shown)
    width: int = 14  # XLSX column width, in characters
    source: str = ""  # "results.value": the package field this column copies (type, description)
    type: str = "string"  # Table Schema type; a `source` column's comes from the descriptor
    description: str = ""  # French; a `source` column's comes from the descriptor (`described`)


RESULT_COLUMNS: tuple[Column, ...] = (
    Column("structure_id", N_("Code de la structure"), 16, "results.structure_id"),
    Column("structure_name", N_("Structure"), 36, "structures.name"),
    Column("network_id", N_("Code du réseau"), 16, "structures.network_id"),
    Column("network_name", N_("Réseau"), 28, "networks.name"),
    Column("departement_code", N_("Code département"), 10, "structures.departement_code"),
    Column("region_code", N_("Code région"), 10, "structures.region_code"),
    Column("indicator_id", N_("Code de l'indicateur"), 18, "results.indicator_id"),
    Column("indicator_label", N_("Indicateur"), 36, "indicators.label"),
    Column("unit", N_("Unité"), 10, "indicators.unit"),
    Column("period", N_("Période"), 10, "results.period"),
    Column("value", N_("Valeur"), 10, "results.value"),
    Column("sample_size", N_("Nombre de réponses"), 10, "results.sample_size"),
    Column("ci_low", N_("Borne basse de l'intervalle de confiance"), 10, "results.ci_low"),
    Column("ci_high", N_("Borne haute de l'intervalle de confiance"), 10, "results.ci_high"),
    Column("status", N_("Statut"), 10, "results.status"),
    Column("missing_reason", N_("Motif d'absence"), 28, "results.missing_reason"),
    Column("updated_on", N_("Mis à jour le"), 12, "results.updated_on"),
    Column("note", N_("Note"), 36, "results.note"),
)



@dataclass(frozen=True)
class ExtractKind:
    """The result file of one page kind: RESULT_COLUMNS less those whose value is the same on every row.

    A file holds one page's rows, so its own record (the structure of a structure page, the network of
    a network page…) repeats on every row: only its identifier stays, to join or stack files; its name
    and attributes are on the page, in the file's name and in the package's reference tables
    (structures.csv, networks.csv, indicators.csv). Issue #15: a structure's file repeated six
    structure columns on each of its ~108 rows, ~45 % of 330 MB nationally.
    """

    name: str  # "structure": the page kind (the key of the data page's "Fichiers" column)
    title: str  # French, shown on the data page (marked N_, translated where it is shown)
    omitted: frozenset[str] = frozenset()

    @property
    def columns(self) -> tuple[Column, ...]:
        return tuple(column for column in RESULT_COLUMNS if column.name not in self.omitted)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


STRUCTURE_FILE = ExtractKind("structure", N_("structure"), frozenset(
    {"structure_name", "network_id", "network_name", "departement_code", "region_code"}))
NETWORK_FILE = ExtractKind("network", N_("réseau"), frozenset({"network_name"}))
INDICATOR_FILE = ExtractKind("indicator", N_("indicateur"), frozenset({"indicator_label", "unit"}))
# A territory's structures are many networks', in one région; a département's region_code (its only
# constant column besides its own code) is 3 bytes a row: kept, so both territory files share columns.
TERRITORY_FILE = ExtractKind("territory", N_("territoire"))
EXTRACT_KINDS = (STRUCTURE_FILE, NETWORK_FILE, INDICATOR_FILE, TERRITORY_FILE)


def kinds_with(column: str) -> tuple[ExtractKind, ...]:
    """The page kinds whose result file has `column`, for the data page's dictionary."""
    return tuple(kind for kind in EXTRACT_KINDS if column not in kind.omitted)


# Values the site computes: a network's or the nation's, so their network columns may be empty.
AGGREGATE_COLUMNS: tuple[Column, ...] = (
    Column("scope", N_("Échelle"), 10, type="string", description=N_(
        "network : valeur d'un réseau ; national : valeur de l'ensemble des structures.")),
    Column("network_id", N_("Code du réseau"), 16, description=N_(
        "Réseau concerné ; vide pour une valeur nationale.")),
    Column("network_name", N_("Réseau"), 28, description=N_(
        "Nom complet du réseau ; vide pour une valeur nationale.")),
    Column("indicator_id", N_("Code de l'indicateur"), 18, "results.indicator_id"),
    Column("indicator_label", N_("Indicateur"), 36, "indicators.label"),
    Column("unit", N_("Unité"), 10, "indicators.unit"),
    Column("period", N_("Période"), 10, "results.period"),
    Column("value", N_("Valeur"), 10, type="number", description=N_(
        "Valeur calculée par le site à partir des résultats des structures, sans arrondi.")),
    Column("structure_count", N_("Nombre de structures"), 10, type="integer", description=N_(
        "Nombre de structures dont la valeur entre dans le calcul.")),
    Column("method", N_("Méthode"), 14, description=N_(
        "median : médiane des structures ; weighted_mean : moyenne pondérée par le nombre de réponses.")),
)

# "(colonne id de structures.csv)": where a column joins, appended to its field's description.
JOINS = "{description} (colonne {field} de {file})."


def _schemas(descriptor: Mapping[str, Any]) -> dict[str, tuple[dict[str, Any], str]]:
    """table → (schema, path) of the descriptor; the files of a split table (results) share one schema."""
    tables: dict[str, tuple[dict[str, Any], str]] = {}
    for resource in descriptor.get("resources", []):
        schema = resource.get("schema")
        if isinstance(schema, dict):
            tables.setdefault(table_of(str(resource.get("name", ""))), (schema, str(resource.get("path", ""))))
    return tables


def _joined(table: str, name: str, schema: Mapping[str, Any],
            tables: Mapping[str, tuple[dict[str, Any], str]]) -> tuple[str, str] | None:
    """(field, file) the field refers to through one of its table's foreign keys, if any."""
    for key in schema.get("foreignKeys", []):
        fields, reference = key.get("fields"), key.get("reference", {})
        referred = reference.get("fields")
        if fields in (name, [name]) and referred:
            target = reference.get("resource") or table  # "" is the table itself
            if target in tables:
                return (referred if isinstance(referred, str) else referred[0]), tables[target][1]
    return None


def described(columns: Iterable[Column], descriptor: Mapping[str, Any]) -> tuple[Column, ...]:
    """`columns` with each `source` column's type and description read from `descriptor` (French)."""
    tables = _schemas(descriptor)
    result = []
    for column in columns:
        if not column.source:
            result.append(column)
            continue
        table, name = column.source.split(".")
        schema = tables.get(table, ({}, ""))[0]
        field = next((f for f in schema.get("fields", []) if f.get("name") == name), None)
        if field is None:
            raise FieldMismatchError(
                f"{table} : colonne {name} absente du descripteur (datapackage.json), alors que les fichiers "
                f"téléchargeables la reprennent (colonne {column.name}). Rétablissez-la dans le schéma de {table}."
            )
        description = str(field.get("description", ""))
        joined = _joined(table, name, schema, tables)
        if joined is not None and description:
            description = JOINS.format(description=description.rstrip(". "), field=joined[0], file=joined[1])
        result.append(dataclasses.replace(column, type=str(field.get("type", "string")), description=description))
    return tuple(result)


@dataclass(frozen=True)
class DocumentedColumns:
    """The download columns of one build, described from its package's descriptor."""

    results: tuple[Column, ...]
    aggregates: tuple[Column, ...]

    @classmethod
    def of(cls, descriptor: Mapping[str, Any]) -> DocumentedColumns:
        return cls(described(RESULT_COLUMNS, descriptor), described(AGGREGATE_COLUMNS, descriptor))

    def of_kind(self, kind: ExtractKind) -> tuple[Column, ...]:
        """The described columns of one page kind's result file, in file order."""
        return tuple(column for column in self.results if column.name not in kind.omitted)

    def descriptions(self) -> Sequence[str]:
        """Every French description, for the translation catalogs."""
        return [column.description for column in (*self.results, *self.aggregates) if column.description]
