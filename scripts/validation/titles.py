"""The French name of each kind of problem, as a reviewer reads it in an annotation or a summary.

Codes (`primary-key`, `missing-reason`) are for tools and for searching; people read titles
("Ligne en double", "Valeur manquante sans motif"). Domain checks carry their own title (the
`title` of their error class); this table names the others: Frictionless's errors, the raw-file
checks and the descriptor checks. Titles are French and marked for the catalogs (`N_`): a report in
another language translates them when it prints them (formatters.py).
"""

from __future__ import annotations

from results.i18n.formats import N_

from .report import Issue

CODE_TITLES: dict[str, str] = {
    # Frictionless: cells and rows
    "type-error": N_("Valeur du mauvais type"),
    "constraint-error": N_("Contrainte non respectée"),
    "unique-error": N_("Valeur en double"),
    "primary-key": N_("Ligne en double"),
    "foreign-key": N_("Identifiant inconnu"),
    "translation-unknown": N_("Traduction qui ne correspond à aucun texte"),
    "translation-missing": N_("Traductions manquantes"),
    "blank-row": N_("Ligne vide"),
    "extra-cell": N_("Cellule en trop"),
    "missing-cell": N_("Cellule manquante"),
    # Frictionless: header
    "duplicate-label": N_("Colonne en double"),
    "blank-label": N_("Nom de colonne vide"),
    "missing-label": N_("Colonne manquante"),
    "extra-label": N_("Colonne inattendue"),
    "incorrect-label": N_("Nom de colonne incorrect"),
    "blank-header": N_("En-tête vide"),
    # Frictionless: files
    "encoding-error": N_("Fichier mal encodé (pas en UTF-8)"),
    "source-error": N_("Fichier illisible"),
    "scheme-error": N_("Fichier introuvable"),
    "format-error": N_("Format de fichier non reconnu"),
    "compression-error": N_("Fichier compressé illisible"),
    "hash-count": N_("Empreinte du fichier différente"),
    "byte-count": N_("Taille du fichier différente"),
    "field-count": N_("Nombre de colonnes différent"),
    "row-count": N_("Nombre de lignes différent"),
    "resource-error": N_("Ressource mal décrite"),
    # raw files (precheck.py)
    "missing-file": N_("Fichier manquant"),
    "empty-file": N_("Fichier vide"),
    "wrong-delimiter": N_("Mauvais séparateur de colonnes"),
    "unclosed-quote": N_("Guillemet non refermé"),
    "crlf-line-endings": N_("Fins de ligne Windows (CRLF)"),
    "file-too-big": N_("Fichier de résultats trop gros"),  # runner.py: one network's file past 10 MB
    "absent-table": N_("Renvoi à un tableau absent"),  # absent.py: a key into an optional table left out
    # descriptor (descriptor.py)
    "missing-descriptor": N_("Descripteur introuvable"),
    "invalid-json": N_("Descripteur JSON mal formé"),
    "invalid-descriptor": N_("Descripteur non conforme"),
    "error-limit": N_("Validation interrompue"),
}

CONSTRAINT_TITLES: dict[str, str] = {
    "required": N_("Valeur obligatoire manquante"),
    "enum": N_("Valeur non autorisée"),
    "pattern": N_("Format incorrect"),
    "minimum": N_("Valeur hors limites"),
    "maximum": N_("Valeur hors limites"),
    "exclusiveMinimum": N_("Valeur hors limites"),
    "exclusiveMaximum": N_("Valeur hors limites"),
    "minLength": N_("Longueur incorrecte"),
    "maxLength": N_("Longueur incorrecte"),
}


def title_of(issue: Issue) -> str:
    """The issue's own title, else the title of its code, else the code itself."""
    return issue.title or CODE_TITLES.get(issue.code, issue.code)
