#!/usr/bin/env python3
"""Validate the results data package and explain every error in French (or English: --lang en).

    python scripts/validate.py [path/to/datapackage.json] [--format text|github|json|markdown] [--all]
                               [--summary FILE] [--lang fr|en]

Exit codes: 0 valid (warnings allowed), 1 invalid data, 2 unusable input (missing or broken
descriptor, missing file), 3 internal error of the validator.

`--format github` is for GitHub Actions: at most 10 error and 10 warning annotations, spread over
the kinds of problems, so that errors show on the changed lines of a pull request; then the complete
French report for the log (GitHub keeps no more annotations than that). `--summary FILE` appends the
report in Markdown to FILE (in CI, the job summary: `--summary "$GITHUB_STEP_SUMMARY"`).
`--lang en` prints the same problems, at the same places, in English; without it the language comes
from `RESULTS_LANG`, then `LC_ALL` / `LC_MESSAGES` / `LANG` (French unless they name English).
"""

from __future__ import annotations

import argparse
import secrets
import sys
import traceback
from pathlib import Path

from jobsummary import append_summary
from results.i18n.catalogs import available_languages
from validation import DETAIL_PER_GROUP, ENGINES, FORMATS, Report, format_report, validate_package
from validation.language import Language, language_from_environment

INTERNAL_ERROR = 3


def github_output(report: Report, language: Language) -> str:
    """Annotations, then the full text report, printed with workflow commands switched off.

    The report quotes cells from the pull request: a cell reading `::error::…` or `::add-mask::…`
    must be printed, not obeyed (GitHub's `stop-commands`, with a token nobody can guess).
    """
    token = secrets.token_hex(16)
    full = format_report(report, "text", per_group=0, language=language)
    return (
        format_report(report, "github", language=language)
        + f"::stop-commands::{token}\n"
        + language.gettext("Rapport complet de la validation :") + "\n\n"
        + full
        + f"::{token}::\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", default="data/datapackage.json", help="datapackage.json or its folder")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--all",
        action="store_true",
        help="detail every error (default: text shows 20 of each kind per file, every format keeps 1000)",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="auto (default): vectorised screening of every file over 4 KiB; frictionless: row by row everywhere; "
        "fast: vectorised screening of every file",
    )
    parser.add_argument(
        "--summary",
        type=Path,
        default=None,
        help='append the report in Markdown to this file (CI: --summary "$GITHUB_STEP_SUMMARY")',
    )
    parser.add_argument(
        "--lang",
        choices=available_languages(),
        default=None,
        help="language of the report (default: RESULTS_LANG, then LC_ALL/LC_MESSAGES/LANG, else fr)",
    )
    args = parser.parse_args(argv)
    language = Language(args.lang or language_from_environment())
    try:
        report = validate_package(args.path, engine=args.engine, per_group=None if args.all else DETAIL_PER_GROUP)
        if args.format == "github":
            output = github_output(report, language)
        else:
            output = format_report(report, args.format, per_group=0 if args.all else None, collapse=not args.all,
                                   language=language)
        if args.summary is not None:
            append_summary(args.summary, format_report(report, "markdown", language=language))
    except Exception:  # a bug of ours must not read as "invalid data"
        traceback.print_exc()
        print(language.gettext("Erreur interne du validateur : merci de la signaler avec le message ci-dessus."),
              file=sys.stderr)
        return INTERNAL_ERROR
    sys.stdout.write(output)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
