"""Run the publication rules (checks/package_rule.py) once per package, whichever engine read the rows."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .checks import PackageContext, package_rules
from .datafacts import iso_date, scan_results
from .lines import LineMap
from .precheck import FileFacts
from .report import Issue

RESULTS = "results"


def publication_issues(
    data: Mapping[str, Any],
    text: str,
    shown: str,
    *,
    results_path: Path | None = None,
    results_shown: str = "results.csv",
    results_facts: FileFacts | None = None,
) -> list[Issue]:
    """Issues about `as_of`, `version` and `releases`; the results summary is read only if readable."""
    facts = None
    if results_path is not None and results_facts is not None and results_facts.usable:
        as_of = iso_date(data["as_of"]) if isinstance(data.get("as_of"), str) else None
        multiline = results_facts.multiline_records
        lines = LineMap(results_path, multiline=multiline)
        facts = scan_results(results_path, as_of, line_of=lines.line, multiline=multiline)
    package = PackageContext(data=data, text=text, file=shown, results_file=results_shown, facts=facts)
    return [issue for rule in package_rules() for issue in rule.check(package)]
