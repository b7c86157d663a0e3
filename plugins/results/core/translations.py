"""Translations of the data's own text (network names, indicator labels and methods, commitments).

Convention: one long table, `translations.csv`, with the columns `table, id, field, lang, text` — one
row per translated cell. The programme's tables stay as they are (French, one column per fact):
adding a language adds rows, never columns, so no Table Schema changes and no `name_en`, `name_de`…
columns to keep in step; a translator works in one file that reviewers can assign to translators.

Shared by the validator (unknown table, id or field is an error at file:line:column; a missing
translation is a warning) and the plugin (`Translations.text` falls back to French and says so, so a
page can mark the French words with `lang="fr"`). Pure: rows in, results out; no file is read here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SOURCE_LANGUAGE = "fr"
COLUMNS = ("table", "id", "field", "lang", "text")
# What can be translated: the data's own words, not codes, addresses or numbers.
TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "networks": ("name", "short_name", "description"),
    "indicators": ("label", "methods"),
    "commitments": ("title", "description"),
    "structures": ("name",),
}
# Proper names (« CAF du Rhône »): a translation may be given, when the source has an official one (a
# Canadian service is named in both languages), but none is expected, so none is listed as missing.
PROPER_NAMES: frozenset[tuple[str, str]] = frozenset({("structures", "name")})


@dataclass(frozen=True)
class Localized:
    """A text in the language it is written in; `fallback` when the page's language had none."""

    text: str
    lang: str
    fallback: bool = False


@dataclass(frozen=True)
class TranslationIssue:
    """One problem of translations.csv, located like every validator finding (1-based line and column)."""

    line: int
    column: int
    message: str
    fix: str


class Translations:
    """`(table, id, field, lang)` → text, looked up with a French fallback."""

    def __init__(self, rows: Iterable[Mapping[str, str]] = ()) -> None:
        self._texts = {(r["table"], r["id"], r["field"], r["lang"]): r["text"] for r in rows if r["text"].strip()}

    def __fingerprint__(self) -> str:
        return repr(sorted(self._texts.items()))

    def __bool__(self) -> bool:
        return bool(self._texts)

    def text(self, table: str, record_id: str, field: str, lang: str, french: str) -> Localized:
        """The text of `field` in `lang`, else the French one flagged as a fallback."""
        if lang == SOURCE_LANGUAGE:
            return Localized(french, SOURCE_LANGUAGE)
        found = self._texts.get((table, record_id, field, lang))
        if found is not None:
            return Localized(found, lang)
        return Localized(french, SOURCE_LANGUAGE, fallback=bool(french))


def check_translations(
    rows: Iterable[Mapping[str, str]], ids: Mapping[str, Iterable[str]]
) -> list[TranslationIssue]:
    """Errors of translations.csv rows (data rows start at line 2): unknown table, id or field, a
    language code that is not a two-letter code, French (the source is never translated), a cell given twice."""
    known = {table: set(values) for table, values in ids.items()}
    column = {name: index + 1 for index, name in enumerate(COLUMNS)}
    issues: list[TranslationIssue] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for line, row in enumerate(rows, start=2):
        table, record_id, field, lang = row["table"], row["id"], row["field"], row["lang"]
        if table not in TRANSLATABLE:
            issues.append(TranslationIssue(
                line, column["table"], f"Tableau « {table} » inconnu ou non traduisible.",
                f"Écrivez l'un de : {', '.join(TRANSLATABLE)}."))
            continue
        if record_id not in known.get(table, set()):
            issues.append(TranslationIssue(
                line, column["id"], f"Identifiant « {record_id} » absent de {table}.csv.",
                f"Recopiez l'identifiant tel qu'il est dans la colonne id de {table}.csv."))
        if field not in TRANSLATABLE[table]:
            issues.append(TranslationIssue(
                line, column["field"], f"Colonne « {field} » de {table} inconnue ou non traduisible.",
                f"Les colonnes traduisibles de {table} sont : {', '.join(TRANSLATABLE[table])}."))
        if len(lang) != 2 or not lang.isascii() or not lang.islower() or lang == SOURCE_LANGUAGE:
            issues.append(TranslationIssue(
                line, column["lang"], f"Langue « {lang} » invalide.",
                "Écrivez le code à deux lettres minuscules de la langue de la traduction (en, de, es…) ; "
                "le français est la langue source des tableaux, il ne se traduit pas ici."))
        key = (table, record_id, field, lang)
        if key in seen:
            issues.append(TranslationIssue(
                line, column["text"], f"Traduction donnée deux fois (déjà ligne {seen[key]}).",
                "Gardez une seule ligne pour ce texte et cette langue."))
        seen.setdefault(key, line)
    return issues


def missing_translations(
    translations: Translations, records: Mapping[str, Mapping[str, Mapping[str, str]]], lang: str
) -> list[str]:
    """`table id field` of every non-empty French text without a `lang` version, for the warnings.

    `records` is table → id → row (the French cells).
    """
    missing = []
    for table, fields in TRANSLATABLE.items():
        for record_id, row in records.get(table, {}).items():
            for field in (f for f in fields if (table, f) not in PROPER_NAMES):
                french = row.get(field, "")
                if french and translations.text(table, record_id, field, lang, french).fallback:
                    missing.append(f"{table} {record_id} {field}")
    return missing


TABLE_OF_RECORD = {"Network": "networks", "Indicator": "indicators", "Commitment": "commitments",
                   "Structure": "structures"}


def label(record: object, lang: str, translations: Translations, field: str = "") -> Localized:
    """`label(indicator, "en", translations)`: a record's name (or `field`) in `lang`, French as fallback.

    The default field is the record's name: `label` of an indicator, `name` of a network, `title` of a
    commitment. A template writes `lang="fr"` around the text when `fallback` is set.
    """
    table = TABLE_OF_RECORD[type(record).__name__]
    field = field or TRANSLATABLE[table][0]
    return translations.text(table, str(record.id), field, lang, str(getattr(record, field)))


def _text_field(name: str, title: str, description: str, pattern: str = "") -> dict:
    constraints: dict = {"required": True}
    if pattern:
        constraints["pattern"] = pattern
    return {"name": name, "type": "string", "title": title, "description": description, "constraints": constraints}


# The optional `translations` resource, declared like the programme's tables (a package without it
# has no translation; with it, the descriptor must be exactly this one).
TRANSLATIONS_RESOURCE: dict = {
    "name": "translations", "type": "table", "path": "translations.csv", "scheme": "file", "format": "csv",
    "mediatype": "text/csv", "encoding": "utf-8", "title": "Traductions",
    "description": "Traductions des textes des tableaux (noms des réseaux, libellés et méthodes des "
                   "indicateurs, engagements) : une ligne par texte et par langue.",
    "schema": {
        "fields": [
            _text_field("table", "Tableau",
                        "Tableau du texte traduit : networks, indicators, commitments ou structures."),
            _text_field("id", "Identifiant", "Identifiant de la ligne traduite, tel qu'il est dans son tableau."),
            _text_field("field", "Colonne", "Colonne traduite (name, label, methods, title, description…)."),
            _text_field("lang", "Langue", "Code à deux lettres de la langue de la traduction (en, de…).",
                        "^[a-z]{2}$"),
            _text_field("text", "Texte", "Le texte traduit."),
        ],
        "missingValues": [""],
        "primaryKey": ["table", "id", "field", "lang"],
    },
}
