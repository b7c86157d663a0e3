"""Tables published as one file per network (and per year for a big network): names, paths, schemas.

At national scale one results file is over 100 MB: GitHub refuses it, its editor cannot open it, and
every network's quarterly pull request would touch it. So the results table is split: each network
publishes `results/<network>.csv`, or `results/<network>/<year>.csv` once its file would pass
`SPLIT_BYTES` (about 10 MB). Each file is its own Data Package resource (`results-<network>` or
`results-<network>-<year>`) carrying the same inline Table Schema, the one of the `results` entry of
core/resources.json; `expand` writes it and scripts/validation/canonical.py refuses any difference.

Why one resource per file rather than one multipart resource (`"path": [...]`): Frictionless numbers
the rows of a multipart resource across the concatenation, so an error on line 12 of the second file
would be reported as row 400 012 of "results", a line no maintainer can find in any file; its primary
key would also be checked across hundreds of megabytes at once. One resource per file keeps every
error on the file and the line the maintainer opens, validates files one by one (the fast path and
the error limits stay per file), lets CODEOWNERS route each file to its network's reviewers and lets
the data diff report per file. Inline schemas rather than a shared schema file referenced by path:
every resource stays readable alone by any Frictionless tool (a portal, `frictionless validate` on
one file), nobody edits the copies by hand (the demo generator writes them from resources.json), and
the validator refuses a copy that differs.

Rows of one table are unique across its files because each row must sit in its network's file (and
its year's file): the validator checks that (checks/part_network.py), so per-file primary keys add up
to a key for the whole table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SPLIT_TABLES = ("results",)  # tables that grow with structures × periods
SPLIT_BYTES = 10_000_000  # a network's file past this size is split by year
MAX_FILE_BYTES = 25_000_000  # budget for any data file at national scale (`make bench-split`)
_PART_PATH = re.compile(r"^([a-z]+)/([a-z0-9][a-z0-9-]*)(?:/(\d{4}))?\.csv$")


@dataclass(frozen=True, order=True)
class Part:
    """One file of a split table: the network it belongs to and, for a big network, the year."""

    table: str
    network: str
    year: int | None = None

    @property
    def name(self) -> str:
        """The resource name: `results-caf`, `results-france-services-2025`."""
        return f"{self.table}-{self.network}" + (f"-{self.year}" if self.year is not None else "")

    @property
    def path(self) -> str:
        """The file, relative to datapackage.json: `results/caf.csv`, `results/france-services/2025.csv`."""
        return f"{self.table}/{self.network}" + (f"/{self.year}" if self.year is not None else "") + ".csv"

    def title(self, table_title: str) -> str:
        """`Résultats du réseau caf`, `Résultats du réseau caf, année 2025`."""
        year = f", année {self.year}" if self.year is not None else ""
        return f"{table_title} du réseau {self.network}{year}"

    def holds(self, network: str, period: str) -> bool:
        """Whether a row of `network` for `period` belongs in this file (a period starts with its year)."""
        return network == self.network and (self.year is None or period[:4] == str(self.year))


def part_of_path(path: object) -> Part | None:
    """The part a resource path designates (`results/caf.csv` → caf), None for any other path."""
    if not isinstance(path, str):
        return None
    match = _PART_PATH.match(path)
    if match is None or match.group(1) not in SPLIT_TABLES:
        return None
    year = match.group(3)
    return Part(match.group(1), match.group(2), int(year) if year else None)


def table_of(resource_name: str) -> str:
    """The table a resource belongs to: `results-caf-2025` → `results`; any other name is its own table."""
    for table in SPLIT_TABLES:
        if resource_name.startswith(table + "-"):
            return table
    return resource_name


def files_of(table: str) -> str:
    """How a table's files are named to a maintainer: `structures.csv`, `results/<réseau>.csv`."""
    return f"{table}/<réseau>.csv" if table in SPLIT_TABLES else f"{table}.csv"


def expand(template: Mapping[str, Any], part: Part) -> dict[str, Any]:
    """The resource of one part: the table's canonical resource with the part's name, path and title."""
    resource = dict(template)
    resource["name"] = part.name
    resource["path"] = part.path
    resource["title"] = part.title(str(template.get("title", part.table)))
    return resource


def expand_resources(canonical: Iterable[Mapping[str, Any]], parts: Iterable[Part]) -> list[dict[str, Any]]:
    """The package's resources: each split table replaced, at its place, by its parts in the given order."""
    parts = list(parts)
    expanded: list[dict[str, Any]] = []
    for resource in canonical:
        if resource["name"] in SPLIT_TABLES:
            expanded += [expand(resource, part) for part in parts if part.table == resource["name"]]
        else:
            expanded.append(dict(resource))
    return expanded


def parts_of(resources: Iterable[Mapping[str, Any]], table: str) -> list[Mapping[str, Any]]:
    """The resources holding the rows of `table`, in descriptor order."""
    return [r for r in resources if isinstance(r.get("name"), str) and table_of(r["name"]) == table]
