"""Validation of the results data package: Frictionless plus the programme's own rules, explained in
French and located at the line a maintainer sees in an editor.

    from validation import validate_package, format_report
    report = validate_package("data/datapackage.json")
    if not report.valid:
        print(format_report(report, fmt="text"))

Importing this package has no side effect; `validate_package` reads files, nothing here writes.
"""

from __future__ import annotations

from .formatters import FORMATS, format_report
from .report import Column, Issue, Report, ResourceStats
from .runner import ENGINES, validate_package

__all__ = [
    "ENGINES",
    "FORMATS",
    "Column",
    "Issue",
    "Report",
    "ResourceStats",
    "format_report",
    "validate_package",
]
