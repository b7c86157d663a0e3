"""Validation of the results data package: Frictionless plus the programme's own rules, explained in
French and located at the line a maintainer sees in an editor.

    from validation import validate_package, format_report
    report = validate_package("data/datapackage.json")
    if not report.valid:
        print(format_report(report, fmt="text"))

Importing this package has no side effect; `validate_package` reads files, nothing here writes.

Error codes (`Issue.code`), beyond Frictionless's own (type-error, constraint-error, primary-key,
foreign-key, blank-row, extra-cell, missing-cell, duplicate-label, blank-label, missing-label,
incorrect-label, extra-label, encoding-error, source-error, scheme-error, format-error…):

- raw files (precheck.py): missing-file (fatal), empty-file, encoding-error (once per file, at its
  first bad line), wrong-delimiter, unclosed-quote, and the warning crlf-line-endings (a UTF-8 BOM is
  accepted);
- descriptor (descriptor.py, all fatal): missing-descriptor, invalid-json, invalid-descriptor;
- programme rules (checks/, one module each): confidence-interval, unit-range, period-frequency,
  indicator-network, date-order, missing-reason, formula-injection, non-finite-number,
  revised-without-note;
- publication rules on the descriptor (checks/package_rule.py and the modules it names, run once per
  package by publication.py): publication-date and invalid-releases (dates and entries the build
  reads), stale-as-of (data newer than `as_of`), and the warnings release-missing, version-mismatch;
- error-limit: the run stopped early (only with an explicit, low `limit_errors`).

Warnings (`Issue.level == "warning"`, `Report.warnings`) are shown apart and never make a package
invalid.

Modules: descriptor and precheck read raw input; runner validates resource by resource (fresh
Checklist each, never parallel); fastpath/frame prove files valid with pyarrow and hand any doubt
back to Frictionless; messages explains errors in French (titles names each kind); lines maps
records to editor lines; suggest derives exact corrections; formatters print text, GitHub
annotations, Markdown for the job summary, or JSON.
"""

from __future__ import annotations

from .formatters import FORMATS, format_report
from .report import Column, GroupCount, Issue, Report, ResourceStats
from .runner import DETAIL_PER_GROUP, ENGINES, validate_package

__all__ = [
    "DETAIL_PER_GROUP",
    "ENGINES",
    "FORMATS",
    "Column",
    "GroupCount",
    "Issue",
    "Report",
    "ResourceStats",
    "format_report",
    "validate_package",
]
