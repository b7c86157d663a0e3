"""What the publication rules share: the descriptor they read and a way to point at one of its values.

Frictionless checks look at rows; the publication rules (`as_of`, `version`, `releases`) look at
datapackage.json and at a summary of the data (datafacts.py). Like a Frictionless check, each rule
has a `type`, a French `title` and one module; it yields Issues located at the line and column of the
value a maintainer has to change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from ..datafacts import ResultFacts, iso_date
from ..jsonpos import Step, locate
from ..language import DayText
from ..report import Column, Issue


@dataclass(frozen=True)
class PackageContext:
    """The descriptor (parsed and as text), where it is shown from, and the facts about the results."""

    data: Mapping[str, Any]
    text: str
    file: str
    results_file: str = "results.csv"
    facts: ResultFacts | None = None

    def issue(
        self,
        path: Sequence[Step],
        *,
        code: str,
        title: str,
        message: str,
        fix: str,
        expected: str | None = None,
        value: str | None = None,
        level: str = "error",
    ) -> Issue:
        """An Issue at the value of `path` in datapackage.json (or its closest existing parent)."""
        where = locate(self.text, path)
        name = ".".join(str(step) if isinstance(step, str) else f"[{step}]" for step in path).replace(".[", "[")
        return Issue(
            file=self.file,
            line=where[0] if where else None,
            column=Column(name, where[1]) if where else None,
            code=code,
            title=title,
            message=message,
            expected=expected,
            fix=fix,
            value=value,
            level=level,
        )

    @property
    def as_of(self) -> dt.date | None:
        value = self.data.get("as_of")
        return iso_date(value) if isinstance(value, str) else None

    def releases(self) -> list[tuple[int, Mapping[str, Any], dt.date]]:
        """(position, release, date) of every release with a valid date, oldest first."""
        found = []
        releases = self.data.get("releases")
        for position, release in enumerate(releases if isinstance(releases, list) else []):
            if isinstance(release, Mapping) and isinstance(release.get("date"), str):
                day = iso_date(release["date"])
                if day is not None:
                    found.append((position, release, day))
        return sorted(found, key=lambda item: (item[2], item[0]))


class PackageRule(Protocol):
    type: ClassVar[str]
    title: ClassVar[str]

    def check(self, package: PackageContext) -> Iterable[Issue]: ...


def french_date(day: dt.date) -> DayText:
    """`15 février 2027` (messages quote dates the way the site shows them, with the ISO form); in
    the report's language when it is printed (`DayText`)."""
    from ..suggest import MONTHS_FR

    return DayText(day, f"{day.day}{'er' if day.day == 1 else ''} {MONTHS_FR[day.month - 1]} {day.year}")
