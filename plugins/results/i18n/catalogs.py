"""Translation catalogs: French is the source language, every other language is a gettext catalog.

Catalogs are the `.po` files under `locales/<lang>/LC_MESSAGES/messages.po`, kept up to date by
`make translations` (Babel extracts the French strings of the plugin and the templates). They are
compiled in memory at each build, so no binary `.mo` file is committed or can go stale, and a
translator's edit shows on the next build. Nothing is cached at module level: Pelican may run the
plugin several times in one process (autoreload, one sub-site per language).
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).with_name("locales")
SOURCE_LANGUAGE = "fr"
DOMAIN = "messages"


class UnknownLanguageError(ValueError):
    """A language asked for in the settings has no catalog: the build stops before writing anything."""


def catalog_path(language: str, locales: Path = LOCALES) -> Path:
    return locales / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages(locales: Path = LOCALES) -> tuple[str, ...]:
    """The source language, then every language with a catalog, sorted."""
    found = sorted(path.parent.parent.name for path in locales.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(language for language in found if language != SOURCE_LANGUAGE))


class SourceTranslations(gettext.NullTranslations):
    """French, the source language: every string as written, with French plural forms.

    `NullTranslations` would pick the plural for 0 (`n != 1`, the English rule): French says
    « 0 structure » (`Plural-Forms: nplurals=2; plural=(n > 1);`).
    """

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return msgid2 if n > 1 else msgid1

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return msgid2 if n > 1 else msgid1


def translations(language: str, locales: Path = LOCALES) -> gettext.NullTranslations:
    """The gettext translations of `language`: identity for French, the compiled catalog otherwise."""
    if language == SOURCE_LANGUAGE:
        return SourceTranslations()
    path = catalog_path(language, locales)
    if not path.is_file():
        known = ", ".join(available_languages(locales))
        raise UnknownLanguageError(
            f"langue « {language} » sans catalogue de traduction ({language}/LC_MESSAGES/{DOMAIN}.po). "
            f"Langues disponibles : {known}. Pour en ajouter une, voir CONTRIBUTING.md, « Traduire le site »."
        )
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # a fuzzy guess is not a translation: French shows
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)
