"""Differences between the base and head descriptors that change how the data is read or checked.

The validator and the site's code rely on the schemas (types, constraints, primary keys, dialect):
a pull request that loosens a pattern, drops a primary key or adds `commentRows` to a dialect can
let through rows the build then mishandles (issue 14, item 6). Any such difference is listed here,
so that the summary can put it in front of the reviewer; wording-only keys are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from results.core.parts import table_of

from .tables import resources_by_name

DESCRIPTIVE = frozenset({"title", "description", "example", "examples"})  # wording: no effect on checks
ABSENT = object()
SCHEMA_ASPECTS = {"primaryKey": "clé primaire", "foreignKeys": "clés étrangères", "missingValues": "valeurs manquantes"}


@dataclass(frozen=True)
class SchemaChange:
    """One difference: in `resource`, on `field` (None: the resource or its schema), `aspect` went
    from `before` to `after` (ABSENT when it did not exist on that side)."""

    resource: str
    field: str | None
    aspect: str
    before: Any
    after: Any


def schema_changes(base: dict | None, head: dict) -> list[SchemaChange]:
    """Every non-descriptive difference between the resources of two package descriptors.

    A first publication (no base) has no schema change to report: everything is new.
    """
    if base is None:
        return []
    changes: list[SchemaChange] = []
    base_resources, head_resources = resources_by_name(base), resources_by_name(head)
    for name, head_resource in head_resources.items():
        base_resource = base_resources.get(name)
        sibling = _sibling(name, base_resources)
        if base_resource is None and sibling is not None:  # a network's new results file: its schema counts
            changes += _resource_changes(name, {**sibling, "path": head_resource.get("path")}, head_resource)
        elif base_resource is None:
            changes.append(SchemaChange(name, None, "ressource", ABSENT, "ajoutée"))
        else:
            changes += _resource_changes(name, base_resource, head_resource)
    for name in base_resources:
        if name not in head_resources and _sibling(name, head_resources) is None:
            changes.append(SchemaChange(name, None, "ressource", "présente", ABSENT))
    return changes


def _sibling(name: str, resources: dict[str, dict]) -> dict | None:
    """Another file of the same split table (results-caf for results-msa), None for a table of its own.

    The results are one resource per network file (plugins/results/core/parts.py): a network's file
    added or gone is a change of rows, reported with the rows, not of the schema.
    """
    table = table_of(name)
    if table == name:
        return None
    return next((r for other, r in resources.items() if other != name and table_of(other) == table), None)


def _resource_changes(name: str, base: dict, head: dict) -> list[SchemaChange]:
    changes: list[SchemaChange] = []
    for key in _keys(base, head, DESCRIPTIVE | {"name", "schema", "dialect"}):
        changes += _compare(name, None, key, base.get(key, ABSENT), head.get(key, ABSENT))
    changes += _mapping_changes(name, None, "dialecte", base.get("dialect", ABSENT), head.get("dialect", ABSENT))
    base_schema, head_schema = base.get("schema", ABSENT), head.get("schema", ABSENT)
    if not (isinstance(base_schema, dict) and isinstance(head_schema, dict)):
        return changes + _compare(name, None, "schéma", base_schema, head_schema)
    for key in _keys(base_schema, head_schema, DESCRIPTIVE | {"fields"}):
        aspect = SCHEMA_ASPECTS.get(key, key)
        changes += _compare(name, None, aspect, base_schema.get(key, ABSENT), head_schema.get(key, ABSENT))
    return changes + _field_changes(name, base_schema.get("fields"), head_schema.get("fields"))


def _field_changes(resource: str, base_fields: Any, head_fields: Any) -> list[SchemaChange]:
    if not (isinstance(base_fields, list) and isinstance(head_fields, list)):
        return _compare(resource, None, "champs", _or_absent(base_fields), _or_absent(head_fields))
    base_by_name = {str(f.get("name")): f for f in base_fields if isinstance(f, dict)}
    head_by_name = {str(f.get("name")): f for f in head_fields if isinstance(f, dict)}
    changes: list[SchemaChange] = []
    for name, head_field in head_by_name.items():
        base_field = base_by_name.get(name)
        if base_field is None:
            changes.append(SchemaChange(resource, name, "champ", ABSENT, head_field.get("type", "ajouté")))
            continue
        for key in _keys(base_field, head_field, DESCRIPTIVE | {"name", "constraints"}):
            changes += _compare(resource, name, key, base_field.get(key, ABSENT), head_field.get(key, ABSENT))
        changes += _mapping_changes(
            resource, name, "contrainte", base_field.get("constraints", ABSENT), head_field.get("constraints", ABSENT)
        )
    for name, base_field in base_by_name.items():
        if name not in head_by_name:
            changes.append(SchemaChange(resource, name, "champ", base_field.get("type", "présent"), ABSENT))
    common = [n for n in head_by_name if n in base_by_name]
    if common != [n for n in base_by_name if n in head_by_name]:
        order = SchemaChange(resource, None, "ordre des champs", ", ".join(base_by_name), ", ".join(head_by_name))
        changes.append(order)
    return changes


def _mapping_changes(resource: str, field: str | None, aspect: str, base: Any, head: Any) -> list[SchemaChange]:
    """Key by key when both sides are objects (`dialecte · commentRows`), else as a whole."""
    if isinstance(base, dict) and isinstance(head, dict):
        changes: list[SchemaChange] = []
        for key in _keys(base, head):
            changes += _compare(resource, field, f"{aspect} {key}", base.get(key, ABSENT), head.get(key, ABSENT))
        return changes
    if base is ABSENT and isinstance(head, dict):
        return [SchemaChange(resource, field, f"{aspect} {k}", ABSENT, v) for k, v in sorted(head.items())]
    if head is ABSENT and isinstance(base, dict):
        return [SchemaChange(resource, field, f"{aspect} {k}", v, ABSENT) for k, v in sorted(base.items())]
    return _compare(resource, field, aspect, base, head)


def _compare(resource: str, field: str | None, aspect: str, before: Any, after: Any) -> list[SchemaChange]:
    return [] if before == after else [SchemaChange(resource, field, aspect, before, after)]


def _keys(base: dict, head: dict, skip: frozenset[str] = frozenset()) -> list[str]:
    """Keys of either side, sorted so that the summary is the same from one run to the next."""
    return sorted((set(base) | set(head)) - skip)


def _or_absent(value: Any) -> Any:
    return ABSENT if value is None else value
