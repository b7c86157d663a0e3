#!/usr/bin/env python3
"""Keep the translation catalogs in step with the French strings of the code and the templates.

`make translations` extracts every translatable French string (Babel: `_()`, `gettext`, `ngettext`
and the plugin's `_plural` in Python; `{% trans %}` and `_()` in the Jinja templates; the schema's
descriptions of the downloads' columns, core/resources.json), writes the
template `messages.pot`, merges it into each language's `messages.po` (new strings added empty,
vanished ones dropped) and lists what is left to translate. The files are written without dates or
line numbers, so running it twice changes nothing and a pull request shows only real changes.

    python scripts/translations.py           # update the catalogs, list missing translations
    python scripts/translations.py --check   # change nothing; exit 1 if a catalog is stale or incomplete
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent

from results.core.schema import canonical_resources  # noqa: E402
from results.downloads.columns import DocumentedColumns  # noqa: E402
from results.i18n.catalogs import DOMAIN, LOCALES, available_languages, catalog_path  # noqa: E402

KEYWORDS = {
    "_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "_plural": (1, 2), "N_plural": (1, 2),
    "Message": None, "pluralised": (1, 2),  # the validator's translatable messages (validation/language.py)
}
METHODS = [
    ("plugins/**.py", "python"),
    ("scripts/**.py", "python"),
    ("pelicanconf.py", "python"),  # footer titles, marked with _()
    ("theme/templates/**.html", "jinja2"),
]
OPTIONS = {"theme/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def extract(root: Path = ROOT) -> Catalog:
    """Every French string to translate, sorted, without positions (stable across edits elsewhere)."""
    template = Catalog(domain=DOMAIN, project="resultats-services-publics")  # no locale: two plural forms
    for _filename, _line, message, comments, context in extract_from_dir(
        root, METHODS, OPTIONS, KEYWORDS, strip_comment_tags=True
    ):
        template.add(message, None, auto_comments=comments, context=context)
    # The downloads describe their columns with the Table Schema's descriptions (downloads/columns.py):
    # strings of the programme's schema, not of the code, translated like the code's.
    for description in dict.fromkeys(DocumentedColumns.of({"resources": canonical_resources()}).descriptions()):
        template.add(description, None, auto_comments=["Description d'une colonne des fichiers téléchargeables, "
                                                       "lue dans le schéma (core/resources.json)."])
    return template


def render(catalog: Catalog, omit_header: bool) -> bytes:
    stream = io.BytesIO()
    write_po(stream, catalog, omit_header=omit_header, no_location=True, sort_output=True,
             ignore_obsolete=True, width=100)
    return stream.getvalue()


def merged(template: Catalog, path: Path, language: str) -> Catalog:
    """The catalog of `language` brought up to date with the template, keeping its translations."""
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=DOMAIN)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
    return catalog


def stable_header(catalog: Catalog, language: str) -> bytes:
    """The catalog's PO text with a header that holds no date, so an unchanged catalog stays byte-equal."""
    body = render(catalog, omit_header=True).decode("utf-8")
    header = (
        f'# {language} translation of the results site. French is the source language: run\n'
        f'# `make translations` after changing a French string (CONTRIBUTING.md, « Traduire le site »).\n'
        'msgid ""\nmsgstr ""\n'
        '"Project-Id-Version: resultats-services-publics\\n"\n'
        f'"Language: {language}\\n"\n'
        f'"Plural-Forms: {catalog.plural_forms}\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n\n'
    )
    return (header + body).encode("utf-8")


def missing(catalog: Catalog) -> list[str]:
    """msgids with no translation (or a partial plural) in `catalog`."""
    empty = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings):
            empty.append(message.id[0] if isinstance(message.id, (list, tuple)) else message.id)
    return empty


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if anything is stale or missing")
    args = parser.parse_args(argv)
    template = extract()
    outputs = {LOCALES / f"{DOMAIN}.pot": render(template, omit_header=True)}
    problems: list[str] = []
    for language in available_languages()[1:]:
        path = catalog_path(language)
        catalog = merged(template, path, language)
        outputs[path] = stable_header(catalog, language)
        problems += [f"{path.relative_to(ROOT)} : « {msgid} » n'est pas traduit." for msgid in missing(catalog)]
    stale = [path for path, data in outputs.items() if not path.is_file() or path.read_bytes() != data]
    if args.check:
        problems += [f"{path.relative_to(ROOT)} n'est pas à jour : lancez `make translations`." for path in stale]
    else:
        for path in stale:
            path.write_bytes(outputs[path])
            print(f"mis à jour : {path.relative_to(ROOT)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(template)} textes à traduire, {len(problems)} problème(s).")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
