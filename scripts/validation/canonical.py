"""The package's tables must be described exactly as the programme describes them.

The validator used to trust the schemas in datapackage.json, which any pull request can edit:
removing `pattern` from `structures.id` let an id like `../../tmp/x` through, `dialect.commentRows`
hid a row from the validator that the build still published, a field typed `any` skipped the
formula check, a dropped `primaryKey` let two values stand for one period. The code depends on the
schemas, so they live with the code, in one file: plugins/results/core/resources.json. The demo
generator writes datapackage.json's `resources` from it, and here every difference between it and
the package's resources (a resource added or missing, a type, a constraint, a key, a dialect, a
path, a title) is a fatal issue: the data are only ever checked against the programme's schema.
Only the optional tables (core/schema.py OPTIONAL_TABLES: labels, experiences, actions) and the
translations resource may be left out; when declared, they too are exactly the programme's.

To change the schema (a new column…), edit resources.json in a pull request of code, then run
`make demo-data`, which rewrites data/datapackage.json's resources from it.

The results are one resource per network file (core/parts.py says why): each `results-<network>`
(or `results-<network>-<year>`) resource must be the `results` entry of resources.json with only its
name, path and title made the part's, so every file is checked against the same schema.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from results.core.parts import SPLIT_TABLES, Part, expand, part_of_path, table_of
from results.core.schema import OPTIONAL_TABLES, RESOURCES_FILE, canonical_resources
from results.core.translations import TRANSLATIONS_RESOURCE

from .language import Message
from .report import Issue
from .resources import resource_line

CANONICAL_FILE = RESOURCES_FILE
MAX_DIFFERENCES = 20  # per resource: enough to see what changed, bounded whatever the descriptor


def _short(value: Any) -> str:
    if value is _ABSENT:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


_ABSENT = object()


def differences(expected: Any, actual: Any, where: str) -> list[tuple[str, Any, Any]]:
    """(place, expected, found) for each difference; recursion follows `expected`, so it is bounded."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in list(expected) + [key for key in actual if key not in expected]:
            found += differences(expected.get(key, _ABSENT), actual.get(key, _ABSENT), f"{where}.{key}")
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if all(isinstance(item, dict) and "name" in item for item in expected):  # fields: match by name
            named = {item.get("name"): item for item in actual if isinstance(item, dict)}
            found = []
            for item in expected:
                found += differences(item, named.get(item["name"], _ABSENT), f"{where}[{item['name']}]")
            extra = [item.get("name") if isinstance(item, dict) else item for item in actual
                     if not isinstance(item, dict) or item.get("name") not in {e["name"] for e in expected}]
            found += [(f"{where}[{name}]", _ABSENT, name) for name in extra]
            order = [item.get("name") for item in actual if isinstance(item, dict)]
            if not found and order != [item["name"] for item in expected]:
                found.append((Message("{where} (ordre)", where=where), [item["name"] for item in expected], order))
            return found
        if len(expected) == len(actual):
            found = []
            for index, (left, right) in enumerate(zip(expected, actual, strict=True)):
                found += differences(left, right, f"{where}[{index}]")
            return found
    return [] if expected == actual else [(where, expected, actual)]


def _line_near(text: str, start: int | None, place: str) -> int | None:
    """The line of the deepest named thing of `place` (a field name, a property) after the resource."""
    if start is None:
        return None
    offset = sum(len(line) + 1 for line in text.split("\n")[: start - 1])
    for token in reversed(re.findall(r"\[([^\]]+)\]|\.([A-Za-z]+)", place)):
        name = token[0] or token[1]
        needle = f'"name": {json.dumps(name, ensure_ascii=False)}' if token[0] else f'"{name}"'
        found = text.find(needle, offset)
        if found >= 0:
            return text.count("\n", 0, found) + 1
    return start


def check_canonical(data: dict[str, Any], shown: str, text: str, path: Path = CANONICAL_FILE) -> list[Issue]:
    """Fatal issues for every way the package's resources differ from the programme's."""
    canonical = {item["name"]: item for item in canonical_resources(path)}
    declared = {item.get("name"): item for item in data.get("resources", []) if isinstance(item, dict)}
    optional = {"translations": TRANSLATIONS_RESOURCE}  # may be absent; when declared, exactly this
    issues = []
    fix = Message(
        "Le schéma des tableaux est fixé par le programme (plugins/results/core/resources.json) : annulez "
        "cette modification de datapackage.json (git checkout origin/main -- data/datapackage.json). Pour faire "
        "évoluer le schéma, modifiez ce fichier-là dans une pull request de code, puis lancez `make demo-data`."
    )
    split_declared: dict[str, list[Part]] = {table: [] for table in SPLIT_TABLES}
    for name, item in declared.items():
        line = resource_line(text, name) if isinstance(name, str) else None
        if isinstance(name, str) and (name in SPLIT_TABLES or table_of(name) in SPLIT_TABLES):
            part, problem = _part(name, item)
            if problem:
                issues.append(Issue(file=shown, line=line, code="schema-changed", fatal=True, resource=name,
                                    message=problem, fix=_PART_FIX, value=_short(item.get("path", _ABSENT))))
                continue
            split_declared[part.table].append(part)
            expected_resource = expand(canonical[part.table], part)
        elif name in optional:
            expected_resource = optional[name]
        elif name not in canonical:
            issues.append(Issue(file=shown, line=line, code="schema-changed", fatal=True, fix=fix, resource=str(name),
                                message=Message("Ressource « {name} » inconnue : le site ne publie que les "
                                                "tableaux du programme ({tables}).",
                                                name=name, tables=", ".join(canonical))))
            continue
        else:
            expected_resource = canonical[name]
        for place, wanted, found in differences(expected_resource, item, name)[:MAX_DIFFERENCES]:
            issues.append(Issue(
                file=shown, line=_line_near(text, line, place), code="schema-changed", fatal=True, fix=fix,
                resource=name, value=_short(found), expected=_short(wanted),
                message=Message("Le descripteur de « {name} » diffère du schéma du programme : {place} vaut "
                                "{found} au lieu de {wanted}.",
                                name=name, place=place, found=_short(found), wanted=_short(wanted)),
            ))
    for name in canonical:
        if name in SPLIT_TABLES:
            issues += _split_issues(name, split_declared[name], shown, text)
        elif name not in declared and name not in OPTIONAL_TABLES:
            issues.append(Issue(file=shown, code="schema-changed", fatal=True, fix=fix, resource=name,
                                message=Message("La ressource « {name} » a disparu de datapackage.json.",
                                                name=name)))
    return issues


_PART_FIX = Message(
    "Déclarez un fichier de résultats par réseau : ressource « results-<réseau> » de chemin "
    "« results/<réseau>.csv », ou, pour un réseau dont le fichier dépasserait 10 Mo, une ressource "
    "« results-<réseau>-<année> » par année, de chemin « results/<réseau>/<année>.csv » (<réseau> : l'id de "
    "networks.csv). Recopiez la déclaration d'un autre réseau en changeant seulement name, path et title "
    "(CONTRIBUTING.md, « Ajouter un réseau »)."
)


def _part(name: str, item: dict[str, Any]) -> tuple[Part, Message | str]:
    """The part a results resource declares, or why it is not one ("" when it is)."""
    part = part_of_path(item.get("path"))
    if name in SPLIT_TABLES:
        return Part(name, ""), Message(
            "La ressource « {name} » (un seul fichier pour tous les réseaux) est remplacée par un fichier par "
            "réseau : chaque réseau publie ses lignes dans son propre fichier.", name=name
        )
    if part is None or part.table != table_of(name):
        return Part(table_of(name), ""), Message(
            "La ressource « {name} » doit désigner le fichier d'un réseau : « {table}/<réseau>.csv » ou "
            "« {table}/<réseau>/<année>.csv ».", name=name, table=table_of(name)
        )
    return part, ""


def _split_issues(table: str, parts: list[Part], shown: str, text: str) -> list[Issue]:
    """A split table has at least one file, and a network either one file or one file per year."""
    if not parts:
        return [Issue(file=shown, code="schema-changed", fatal=True, resource=table, fix=_PART_FIX,
                      message=Message("Aucun fichier de la table « {table} » n'est déclaré dans datapackage.json.",
                                      table=table))]
    issues = []
    whole = {part.network for part in parts if part.year is None}
    for part in sorted(part for part in parts if part.year is not None and part.network in whole):
        issues.append(Issue(
            file=shown, line=resource_line(text, part.name), code="schema-changed", fatal=True, resource=part.name,
            message=Message("Le réseau « {network} » a à la fois un fichier unique ({table}/{network}.csv) et un "
                            "fichier par année ({path}) : une ligne pourrait figurer deux fois.",
                            network=part.network, table=table, path=part.path),
            fix=Message("Gardez soit {table}/{network}.csv, soit un fichier par année "
                        "({table}/{network}/<année>.csv), et déplacez-y toutes les lignes du réseau.",
                        network=part.network, table=table),
        ))
    return issues
