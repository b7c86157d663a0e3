"""Optional tables left out of the package: nothing to check in them, but nothing may point at them.

A programme without users' testimonies leaves `experiences` out of datapackage.json, file and
resource (core/schema.py, OPTIONAL_TABLES): that is valid, and the site has no such pages. A foreign
key of another table into it (actions.experience_id → experiences.id) then has no table to look in:
Frictionless would stop on the whole file ("resource does not exist"). The key is taken off the
Frictionless schema (`keys_to_absent`) and checked here instead: every filled cell of that column is
an error at its file, line and column, saying to empty it or to declare the table.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from results.core.schema import OPTIONAL_TABLES

from .language import Message, pluralised
from .report import Column, Issue

SHOWN_PER_COLUMN = 20  # located errors per column; the count says how many in all


def absent_tables(declared: Iterable[str]) -> set[str]:
    """The optional tables the package does not declare."""
    return set(OPTIONAL_TABLES) - set(declared)


def keys_to_absent(foreign_keys: list[dict[str, Any]], absent: set[str]) -> list[dict[str, Any]]:
    """The foreign keys that point at a table the package left out."""
    return [key for key in foreign_keys if key["reference"]["resource"] in absent]


def absent_reference_issues(name: str, path: Path, shown: str, keys: list[dict[str, Any]],
                            field_names: list[str]) -> list[Issue]:
    """An error for each filled cell of `keys`' columns in `path` (the rows of resource `name`)."""
    columns = {key["fields"][0] if isinstance(key["fields"], list) else key["fields"]: key["reference"]["resource"]
               for key in keys}
    found: dict[str, int] = dict.fromkeys(columns, 0)
    first_unshown: dict[str, int] = {}  # the line of the first cell only counted, where the summary points
    issues: list[Issue] = []
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        reader = csv.reader(stream)
        header = next(reader, [])
        where = {column: header.index(column) for column in columns if column in header}
        line = reader.line_num + 1  # the line where the next record starts
        for cells in reader:
            for column, index in where.items():
                value = cells[index].strip() if index < len(cells) else ""
                if value:
                    found[column] += 1
                    if found[column] <= SHOWN_PER_COLUMN:
                        issues.append(_issue(name, shown, line, column, field_names, value, columns[column]))
                    else:
                        first_unshown.setdefault(column, line)
            line = reader.line_num + 1
    for column, count in found.items():
        if count > SHOWN_PER_COLUMN:
            issues.append(Issue(
                file=shown, resource=name, code="absent-table", line=first_unshown[column],
                column=Column(column, field_names.index(column) + 1) if column in field_names else None,
                message=pluralised("… et {count} autre cellule de la colonne {column} renvoie au tableau absent "
                                   "{table}.",
                                   "… et {count} autres cellules de la colonne {column} renvoient au tableau absent "
                                   "{table}.", count - SHOWN_PER_COLUMN, column=column, table=columns[column]),
                fix=Message("Même correction pour chacune : videz la cellule, ou déclarez le tableau {table}.",
                            table=columns[column]),
            ))
    return issues


def _issue(name: str, shown: str, line: int, column: str, field_names: list[str], value: str, table: str) -> Issue:
    index = field_names.index(column) + 1 if column in field_names else None
    return Issue(
        file=shown, resource=name, code="absent-table", line=line,
        column=Column(column, index) if index else None, value=value[:80],
        message=Message("« {value} » renvoie au tableau {table}, que le paquet ne contient pas (pas de ressource "
                        "« {table} » dans datapackage.json).", value=value[:80], table=table),
        fix=Message("Videz la cellule (colonne {column}) : la ligne ne renvoie alors à rien ; ou, si le programme a "
                    "ce tableau, ajoutez le fichier {table}.csv et déclarez sa ressource « {table} » telle que "
                    "plugins/results/core/resources.json la décrit.", column=column, table=table),
    )
