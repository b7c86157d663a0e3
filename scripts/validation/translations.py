"""The translations of the data's labels (`translations.csv`, optional): each row names a real table,
record and column (errors at file:line:column), and every text of a language the file has started is
translated (warnings listing what is missing: the page would show the French text, marked lang="fr").
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

from results.core.translations import (
    COLUMNS,
    TRANSLATABLE,
    Translations,
    check_translations,
    missing_translations,
)

from .language import Message, pluralised
from .report import Column, Issue

SHOWN_MISSING = 10  # missing texts named in a warning; the count says how many in all


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return [{key: (value or "") for key, value in row.items()} for row in csv.DictReader(file)]


def translation_issues(paths: Mapping[str, Path | None], shown: Mapping[str, str]) -> list[Issue]:
    """Errors and warnings of translations.csv; nothing when the package has none or a file is unreadable
    (its own errors are already reported)."""
    path = paths.get("translations")
    if path is None or any(paths.get(table) is None for table in TRANSLATABLE):
        return []
    rows = _rows(path)
    records = {table: {row["id"]: row for row in _rows(paths[table])} for table in TRANSLATABLE}  # type: ignore[arg-type]
    file = shown.get("translations", "translations.csv")
    issues = [
        Issue(file=file, code="translation-unknown", message=issue.message, fix=issue.fix, line=issue.line,
              column=Column(COLUMNS[issue.column - 1], issue.column), resource="translations")
        for issue in check_translations(rows, {table: list(ids) for table, ids in records.items()})
    ]
    translations = Translations(rows)
    for lang in sorted({row["lang"] for row in rows if len(row["lang"]) == 2 and row["lang"] != "fr"}):
        missing = missing_translations(translations, records, lang)
        if missing:
            named = " ; ".join(missing[:SHOWN_MISSING]) + (" ; …" if len(missing) > SHOWN_MISSING else "")
            issues.append(Issue(
                file=file, code="translation-missing", level="warning", resource="translations",
                message=pluralised("{count} texte sans traduction « {lang} » : {named}.",
                                   "{count} textes sans traduction « {lang} » : {named}.",
                                   len(missing), lang=lang, named=named),
                fix=Message("Ajoutez une ligne « table,id,colonne,{lang},texte » pour chacun ; d'ici là, les pages "
                            "montrent le texte français, marqué comme tel.", lang=lang),
            ))
    return issues
