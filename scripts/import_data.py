#!/usr/bin/env python3
"""Import a source's published files into the programme's Data Package, then validate it.

    python scripts/import_data.py SOURCE_KIND FILES… --output path/to/package [--mapping my-choices.json]
    python scripts/import_data.py barometre-v1 tests/fixtures/barometre-v1/*.csv --output /tmp/barometre

Source kinds: see `--help`. Columns are found by header name; encodings, BOMs and delimiters are
detected and reported. The import report lists rows read, imported and set aside (per reason, with
examples by file and line) and references that matched nothing. When --output already holds a
package, it is updated in place: imported tables take the new rows, rows gone from the export are
reported, hand-maintained tables (labels, experiences, actions, commitments) are kept. The validator
then checks the result (scripts/validate.py), exactly as a pull request would be checked.

Exit codes: 0 imported and valid; 1 a source file cannot be imported (message naming file, line and
column) or the imported package is invalid; 2 unusable arguments or mapping file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from importing.errors import MappingError, SourceError
from importing.run import run_import
from importing.sources import source_kinds
from validation import format_report, validate_package


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=sorted(source_kinds()), help="type de source")
    parser.add_argument("files", nargs="+", type=Path, help="fichiers de la source (CSV)")
    parser.add_argument("--output", type=Path, required=True, help="dossier du paquet à créer ou à mettre à jour")
    parser.add_argument("--mapping", type=Path, default=None,
                        help="fichier JSON de correspondance qui remplace certains choix déclarés "
                        "(ex. le sens d'un indicateur)")
    parser.add_argument("--no-validate", action="store_true", help="ne pas lancer le validateur après l'import")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        outcome = run_import(args.kind, args.files, args.output, args.mapping)
    except SourceError as error:
        print(f"Import impossible — {error.message}", file=sys.stderr)
        return 1
    except MappingError as error:
        print(f"Fichier de correspondance inutilisable — {error}", file=sys.stderr)
        return 2
    sys.stdout.write(outcome.report.text())
    if args.no_validate:
        return 0
    report = validate_package(outcome.descriptor)
    print()
    if report.exit_code != 0:
        sys.stdout.write(format_report(report, "text"))
        print("Le paquet importé ne passe pas le validateur : corrigez la source ou le fichier de correspondance.")
        return 1
    print(f"Paquet écrit et validé : {outcome.descriptor}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
