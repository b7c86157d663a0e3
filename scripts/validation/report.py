"""Validation results as small immutable records.

Like Pandera's failure cases, results are plain data: the CLI, the site build and the tests read the
same objects, and nothing here knows about Frictionless or about how the report will be printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Column(NamedTuple):
    """A CSV column as a maintainer sees it: its header name and its 1-based position."""

    name: str
    index: int


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found in the data, explained in French for the person who will fix it.

    `line` is the line an editor shows (header = 1), not a record number: they differ once a quoted
    cell spans several lines. `fatal` marks unusable input (missing file, broken descriptor).
    `level` is "error" (the package is refused) or "warning" (published as is, but worth a look:
    Windows line endings, a version not bumped). `title` names the kind of problem in French
    ("Valeur manquante sans motif"); when empty, `titles.title_of` derives it from `code`.
    """

    file: str
    code: str
    message: str
    fix: str
    line: int | None = None
    column: Column | None = None
    value: str | None = None
    expected: str | None = None
    resource: str | None = None
    fatal: bool = False
    level: str = "error"
    title: str = ""

    @property
    def warning(self) -> bool:
        return self.level == "warning"

    @property
    def location(self) -> str:
        """`file:line:column`, shortened when the line or the column is unknown."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column.index))
        return ":".join(parts)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (the column as an object, absent values as null)."""
        return {
            "file": self.file,
            "resource": self.resource,
            "line": self.line,
            "column": None if self.column is None else {"name": self.column.name, "index": self.column.index},
            "value": self.value,
            "code": self.code,
            "message": self.message,
            "expected": self.expected,
            "fix": self.fix,
            "fatal": self.fatal,
            "level": self.level,
            "title": self.title,
            "location": self.location,
        }


@dataclass(frozen=True, slots=True)
class ResourceStats:
    """How one file was checked: rows read, time spent and which engine did the work."""

    name: str
    file: str
    rows: int
    seconds: float
    engine: str  # "frictionless", "fast" or "skipped" (the file could not be read)


class GroupCount(NamedTuple):
    """How many errors of one kind one file has (all of them, including those not kept in detail)."""

    file: str
    code: str
    count: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found, in file order.

    `errors` holds the detail of the first errors of each (file, code) group — every error unless a
    group is huge (a shifted column in a million-row file); `totals` counts every error found.
    `warnings` never make the package invalid: they are shown, counted apart, and published as is.
    """

    source: str
    errors: tuple[Issue, ...]
    resources: tuple[ResourceStats, ...] = ()
    seconds: float = 0.0
    totals: tuple[GroupCount, ...] = ()
    warnings: tuple[Issue, ...] = ()

    def __post_init__(self) -> None:
        if not self.totals and self.errors:
            counts: dict[tuple[str, str], int] = {}
            for issue in self.errors:
                counts[(issue.file, issue.code)] = counts.get((issue.file, issue.code), 0) + 1
            object.__setattr__(self, "totals", tuple(GroupCount(*key, count) for key, count in counts.items()))

    @property
    def error_count(self) -> int:
        return sum(group.count for group in self.totals)

    @property
    def truncated(self) -> bool:
        """True when some errors are only counted, not kept in detail."""
        return self.error_count > len(self.errors)

    @property
    def valid(self) -> bool:
        return self.error_count == 0

    @property
    def fatal(self) -> bool:
        """True when the input could not be used as a data package at all (exit code 2)."""
        return any(issue.fatal for issue in self.errors)

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid data, 2 unusable input."""
        if self.fatal:
            return 2
        return 0 if self.valid else 1

    @property
    def rows(self) -> int:
        return sum(stats.rows for stats in self.resources)
