"""The schema's `pattern` constraints said in words, with an example, and the exact fix when one is
clear — never the regular expression itself: a maintainer reads "5 chiffres (ex. 01000)", not
`^\\d{5}$`.

Each pattern of the contract (datapackage.json) has its wording here; a pattern added later without
one is described by its column's description, still without showing the expression.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from results.core.periods import PERIOD_PATTERN as _PERIOD
from results.core.slugs import SLUG_PATTERN as _SLUG
from results.core.slugs import slugify

from .suggest import suggest_period

# pattern → (what it asks for, example)
WORDS: dict[str, tuple[str, str]] = {
    r"^\d{2}$": ("2 chiffres", "84"),
    r"^(\d{2}|2[AB]|97\d)$": (
        "un code de département : 2 chiffres, 2A ou 2B pour la Corse, 971 à 976 outre-mer",
        "01, 2A, 974",
    ),
    r"^[a-z0-9][a-z0-9-]*$": (
        "des minuscules sans accent, des chiffres et des tirets, sans espace",
        "satisfaction-accueil",
    ),
    r"^[A-Z0-9-]+$": ("des majuscules sans accent, des chiffres et des tirets, sans espace", "CAF-75"),
    r"^\d{5}$": ("5 chiffres, zéro initial compris", "01000"),
    r"^(\d{5}|2[AB]\d{3})$": (
        "5 caractères : 5 chiffres, ou 2A / 2B suivi de 3 chiffres pour la Corse",
        "01053, 2A004",
    ),
    _SLUG: (
        "une adresse : des mots en minuscules sans accent ni espace, reliés par un tiret (un seul, "
        "ni au début ni à la fin)",
        "caf-de-l-ain",
    ),
    _PERIOD: (
        "une période : AAAA pour une année, AAAA-Qn pour un trimestre (avec la lettre Q), "
        "AAAA-MM pour un mois, AAAA-AAAA pour un exercice d'avril à mars",
        "2026, 2026-Q4, 2026-10, 2025-2026",
    ),
}


def describe(pattern: str, column: str, description: str | None = None) -> str:
    """What the pattern asks for, in words, with an example (for the "Attendu" line)."""
    known = WORDS.get(pattern)
    if known:
        return f"{known[0]} (ex. {known[1]})"
    if description:
        return description.rstrip(".")
    return f"le format fixé pour la colonne {column} dans datapackage.json"


def _plain(text: str) -> str:
    """Accents removed, spaces and underscores turned into dashes (an id typed as a title)."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s_]+", "-", ascii_text)


# Candidate corrections, tried in order; the first one the pattern accepts is proposed.
_CANDIDATES: list[tuple[Callable[[str], str | None], str]] = [
    (str.strip, "Retirez les espaces en début ou en fin de cellule : {value}."),
    (suggest_period, "Écrivez {value}."),
    (str.upper, "Écrivez-la en majuscules : {value}."),
    (str.lower, "Écrivez-la en minuscules : {value}."),
    (lambda cell: cell.zfill(2) if re.fullmatch(r"\d", cell) else None,
     "Gardez le zéro initial : {value} (un tableur le supprime souvent)."),
    (lambda cell: cell.zfill(5) if re.fullmatch(r"\d{4}", cell) else None,
     "Gardez le zéro initial : {value} (un tableur le supprime souvent)."),
    (lambda cell: _plain(cell).lower(), "Écrivez {value} (sans accent ni espace)."),
    (lambda cell: _plain(cell).upper(), "Écrivez {value} (sans accent ni espace)."),
    (slugify, "Écrivez {value} (minuscules sans accent, mots reliés par un tiret)."),
]


def fix_for(cell: str, pattern: str) -> str:
    """The exact correction when a simple change makes the cell match, else how to write it."""
    regex = re.compile(pattern)
    for change, wording in _CANDIDATES:
        candidate = change(cell)
        if candidate and candidate != cell and regex.fullmatch(candidate):
            return wording.format(value=candidate)
    known = WORDS.get(pattern)
    if known:
        return f"Écrivez {known[0]}, par exemple {known[1].split(', ')[0]}."
    return "Corrigez la valeur pour qu'elle suive le format décrit ci-dessus."
