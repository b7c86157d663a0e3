"""Run the publication rules (checks/package_rule.py) once per package, whichever engine read the rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks import PackageContext, package_rules
from .datafacts import ResultFacts, iso_date, merge_facts, scan_results
from .lines import LineMap
from .precheck import FileFacts
from .report import Issue

RESULTS = "results"


@dataclass(frozen=True)
class ResultsFile:
    """One file of the results table (one per network, core/parts.py): read, shown, pre-checked."""

    path: Path
    shown: str
    facts: FileFacts


def publication_issues(
    data: Mapping[str, Any],
    text: str,
    shown: str,
    results_files: Sequence[ResultsFile] = (),
) -> list[Issue]:
    """Issues about `as_of`, `version` and `releases`; the results are summarised only when every
    file of the table is readable (a partial summary could call a fresh package stale)."""
    package = PackageContext(data=data, text=text, file=shown, results_file=_files_text(results_files),
                             facts=_facts(data, results_files))
    return [issue for rule in package_rules() for issue in rule.check(package)]


def _files_text(files: Sequence[ResultsFile]) -> str:
    return files[0].shown if len(files) == 1 else "les fichiers de résultats"


def _facts(data: Mapping[str, Any], files: Sequence[ResultsFile]) -> ResultFacts | None:
    if not files or not all(file.facts.usable for file in files):
        return None
    as_of = iso_date(data["as_of"]) if isinstance(data.get("as_of"), str) else None
    found = []
    for file in files:
        multiline = file.facts.multiline_records
        lines = LineMap(file.path, multiline=multiline)
        facts = scan_results(file.path, as_of, line_of=lines.line, multiline=multiline, shown=file.shown)
        if facts is None:
            return None
        found.append(facts)
    return merge_facts(found)
