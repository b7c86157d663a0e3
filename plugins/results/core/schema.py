"""The programme's table schemas: the one place where the package's resources are declared.

plugins/results/core/resources.json is the `resources` list of datapackage.json exactly as the
programme defines it (paths, fields, types, constraints, keys). The validator refuses a package whose
resources differ from it (scripts/validation/canonical.py: a pull request cannot loosen a pattern,
hide rows with a dialect or retype a column), and the demo generator writes datapackage.json's
resources and the CSV column order from it. Adding a column means editing this JSON file only, then
`make demo-data`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .fields import resource_fields

RESOURCES_FILE = Path(__file__).with_name("resources.json")
# Tables a programme may not have (no quality label, no users' testimonies, no improvement actions):
# a package may leave them out of datapackage.json altogether, file and resource; when declared, they
# are exactly as resources.json says. The site then has no such pages or sections (CONTRIBUTING.md,
# « L'identité du programme »). The translations resource is optional too (core/translations.py).
OPTIONAL_TABLES = ("labels", "experiences", "actions")


def canonical_resources(path: Path = RESOURCES_FILE) -> list[dict[str, Any]]:
    """The programme's resources, exactly as datapackage.json must declare them (a fresh copy)."""
    return json.loads(path.read_text(encoding="utf-8"))


def field_names(path: Path = RESOURCES_FILE) -> dict[str, tuple[str, ...]]:
    """Field names of every resource, in declared order: the contract the CSV files follow."""
    return resource_fields({"resources": canonical_resources(path)})
