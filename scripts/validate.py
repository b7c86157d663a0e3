#!/usr/bin/env python3
"""Validate the results data package and explain every error in French.

    python scripts/validate.py [path/to/datapackage.json] [--format text|github|json] [--all]

Exit codes: 0 valid, 1 invalid data, 2 unusable input (missing or broken descriptor, missing
file), 3 internal error of the validator. `--format github` prints GitHub Actions annotations so
errors show on the changed lines of a pull request.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))  # results.core: rules shared with the site

from validation import DETAIL_PER_GROUP, ENGINES, FORMATS, format_report, validate_package

INTERNAL_ERROR = 3


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
        help="auto (default): vectorised screening of big files; frictionless: row by row everywhere; "
        "fast: vectorised screening of every file",
    )
    args = parser.parse_args(argv)
    try:
        report = validate_package(args.path, engine=args.engine, per_group=None if args.all else DETAIL_PER_GROUP)
        output = format_report(report, args.format, per_group=0 if args.all else None)
    except Exception:  # a bug of ours must not read as "invalid data"
        traceback.print_exc()
        print("Erreur interne du validateur : merci de la signaler avec le message ci-dessus.", file=sys.stderr)
        return INTERNAL_ERROR
    sys.stdout.write(output)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
