"""The data's own words on a page: in the page's language, or the French text marked as French.

The package's tables are written in French; `translations.csv` may give a network's, indicator's or
commitment's text in another language (`core.translations`). A page of another language shows the
translation, or else the French text inside `lang="fr"` so that a screen reader reads it in French
(RGAA 8.7, WCAG 3.1.2). Proper names (a structure's, a region's) are not marked: WCAG leaves them out.
French pages get exactly the French text, escaped as a template would escape it.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..core.translations import (
    PROPER_NAMES,
    SOURCE_LANGUAGE,
    TABLE_OF_RECORD,
    TRANSLATABLE,
    Localized,
    Translations,
    label,
)


class DataWords:
    """The build's language and the package's translations, for templates and Python sentences.

    `text(record)` is plain text (titles, attributes, sentences written in Python); `html(record)` is
    the text for the page, French inside `<span lang="fr">` when the language has no translation;
    `french(text)` marks data text that has no translation mechanism (a structure's type, a user's
    experience) on another language's pages.
    """

    def __init__(self, language: str, translations: Translations) -> None:
        self.language = language
        self.translations = translations

    def __fingerprint__(self) -> tuple[str, str]:
        return self.language, self.translations.__fingerprint__()

    def localized(self, record: object, field: str = "") -> Localized:
        """The record's name (or `field`) in the build's language, French as the fallback."""
        return label(record, self.language, self.translations, field)

    def text(self, record: object, field: str = "") -> str:
        return self.localized(record, field).text

    def html(self, record: Any, field: str = "") -> Markup:
        """The record's text for the page; on another language's page, French marked `lang="fr"`
        (unless it is a proper name)."""
        table = TABLE_OF_RECORD[type(record).__name__]
        field = field or TRANSLATABLE[table][0]
        return self.cell(table, str(record.id), field, str(getattr(record, field)))

    def cell(self, table: str, record_id: str, field: str, french: str) -> Markup:
        """`html` for a record known by its table and id (`cell("indicators", delay.indicator_id,
        "label", delay.indicator_label)`), when a page's values hold the text, not the record."""
        found = self.translations.text(table, record_id, field, self.language, french)
        if found.fallback and (table, field) not in PROPER_NAMES:
            return _marked(found.text)
        return escape(found.text)

    def french(self, text: object) -> Markup:
        """Data text written in French only (no translation exists for it), marked on other pages."""
        if self.language == SOURCE_LANGUAGE or text is None or text == "":
            return escape(text)  # what `{{ text }}` writes
        return _marked(text)


def _marked(text: object) -> Markup:
    return Markup('<span lang="{}">{}</span>').format(SOURCE_LANGUAGE, text)
