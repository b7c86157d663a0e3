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
from results.i18n.formats import N_

from .language import Clause, Message
from .suggest import suggest_period

# pattern → (what it asks for, example)
WORDS: dict[str, tuple[str, str]] = {
    r"^\d{2}$": (N_("2 chiffres"), "84"),
    r"^(\d{2}|2[AB]|97\d)$": (
        N_("un code de département : 2 chiffres, 2A ou 2B pour la Corse, 971 à 976 outre-mer"),
        "01, 2A, 974",
    ),
    r"^[a-z0-9][a-z0-9-]*$": (
        N_("des minuscules sans accent, des chiffres et des tirets, sans espace"),
        "satisfaction-accueil",
    ),
    r"^[A-Z0-9-]+$": (N_("des majuscules sans accent, des chiffres et des tirets, sans espace"), "CAF-75"),
    r"^\d{5}$": (N_("5 chiffres, zéro initial compris"), "01000"),
    r"^(\d{5}|2[AB]\d{3})$": (
        N_("5 caractères : 5 chiffres, ou 2A / 2B suivi de 3 chiffres pour la Corse"),
        "01053, 2A004",
    ),
    _SLUG: (
        N_("une adresse : des mots en minuscules sans accent ni espace, reliés par un tiret (un seul, "
        "ni au début ni à la fin)"),
        "caf-de-l-ain",
    ),
    _PERIOD: (
        N_("une période : AAAA pour une année, AAAA-Qn pour un trimestre (avec la lettre Q), "
        "AAAA-MM pour un mois, AAAA-AAAA pour un exercice d'avril à mars"),
        "2026, 2026-Q4, 2026-10, 2025-2026",
    ),
}


def describe(pattern: str, column: str, description: str | None = None) -> Message | Clause:
    """What the pattern asks for, in words, with an example (for the "Attendu" line)."""
    known = WORDS.get(pattern)
    if known:
        return Message("{words} (ex. {example})", words=known[0], example=known[1])
    if description:
        return Clause(description)
    return Message("le format fixé pour la colonne {column} dans datapackage.json", column=column)


def _plain(text: str) -> str:
    """Accents removed, spaces and underscores turned into dashes (an id typed as a title)."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\s_]+", "-", ascii_text)


# Candidate corrections, tried in order; the first one the pattern accepts is proposed.
_CANDIDATES: list[tuple[Callable[[str], str | None], str]] = [
    (str.strip, N_("Retirez les espaces en début ou en fin de cellule : {value}.")),
    (suggest_period, N_("Écrivez {value}.")),
    (str.upper, N_("Écrivez-la en majuscules : {value}.")),
    (str.lower, N_("Écrivez-la en minuscules : {value}.")),
    (lambda cell: cell.zfill(2) if re.fullmatch(r"\d", cell) else None,
     N_("Gardez le zéro initial : {value} (un tableur le supprime souvent).")),
    (lambda cell: cell.zfill(5) if re.fullmatch(r"\d{4}", cell) else None,
     N_("Gardez le zéro initial : {value} (un tableur le supprime souvent).")),
    (lambda cell: _plain(cell).lower(), N_("Écrivez {value} (sans accent ni espace).")),
    (lambda cell: _plain(cell).upper(), N_("Écrivez {value} (sans accent ni espace).")),
    (slugify, N_("Écrivez {value} (minuscules sans accent, mots reliés par un tiret).")),
]


def fix_for(cell: str, pattern: str) -> Message:
    """The exact correction when a simple change makes the cell match, else how to write it."""
    regex = re.compile(pattern)
    for change, wording in _CANDIDATES:
        candidate = change(cell)
        if candidate and candidate != cell and regex.fullmatch(candidate):
            return Message(wording, value=candidate)
    known = WORDS.get(pattern)
    if known:
        return Message("Écrivez {words}, par exemple {example}.", words=known[0], example=known[1].split(", ")[0])
    return Message("Corrigez la valeur pour qu'elle suive le format décrit ci-dessus.")
