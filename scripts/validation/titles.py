"""The French name of each kind of problem, as a reviewer reads it in an annotation or a summary.

Codes (`primary-key`, `missing-reason`) are for tools and for searching; people read titles
("Ligne en double", "Valeur manquante sans motif"). Domain checks carry their own title (the
`title` of their error class); this table names the others: Frictionless's errors, the raw-file
checks and the descriptor checks.
"""

from __future__ import annotations

from .report import Issue

CODE_TITLES: dict[str, str] = {
    # Frictionless: cells and rows
    "type-error": "Valeur du mauvais type",
    "constraint-error": "Contrainte non respectée",
    "unique-error": "Valeur en double",
    "primary-key": "Ligne en double",
    "foreign-key": "Identifiant inconnu",
    "translation-unknown": "Traduction qui ne correspond à aucun texte",
    "translation-missing": "Traductions manquantes",
    "blank-row": "Ligne vide",
    "extra-cell": "Cellule en trop",
    "missing-cell": "Cellule manquante",
    # Frictionless: header
    "duplicate-label": "Colonne en double",
    "blank-label": "Nom de colonne vide",
    "missing-label": "Colonne manquante",
    "extra-label": "Colonne inattendue",
    "incorrect-label": "Nom de colonne incorrect",
    "blank-header": "En-tête vide",
    # Frictionless: files
    "encoding-error": "Fichier mal encodé (pas en UTF-8)",
    "source-error": "Fichier illisible",
    "scheme-error": "Fichier introuvable",
    "format-error": "Format de fichier non reconnu",
    "compression-error": "Fichier compressé illisible",
    "hash-count": "Empreinte du fichier différente",
    "byte-count": "Taille du fichier différente",
    "field-count": "Nombre de colonnes différent",
    "row-count": "Nombre de lignes différent",
    "resource-error": "Ressource mal décrite",
    # raw files (precheck.py)
    "missing-file": "Fichier manquant",
    "empty-file": "Fichier vide",
    "wrong-delimiter": "Mauvais séparateur de colonnes",
    "unclosed-quote": "Guillemet non refermé",
    "crlf-line-endings": "Fins de ligne Windows (CRLF)",
    "file-too-big": "Fichier de résultats trop gros",  # runner.py: one network's file past 10 MB
    # descriptor (descriptor.py)
    "missing-descriptor": "Descripteur introuvable",
    "invalid-json": "Descripteur JSON mal formé",
    "invalid-descriptor": "Descripteur non conforme",
    "error-limit": "Validation interrompue",
}

CONSTRAINT_TITLES: dict[str, str] = {
    "required": "Valeur obligatoire manquante",
    "enum": "Valeur non autorisée",
    "pattern": "Format incorrect",
    "minimum": "Valeur hors limites",
    "maximum": "Valeur hors limites",
    "exclusiveMinimum": "Valeur hors limites",
    "exclusiveMaximum": "Valeur hors limites",
    "minLength": "Longueur incorrecte",
    "maxLength": "Longueur incorrecte",
}


def title_of(issue: Issue) -> str:
    """The issue's own title, else the title of its code, else the code itself."""
    return issue.title or CODE_TITLES.get(issue.code, issue.code)
