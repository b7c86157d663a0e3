"""French grammar of generated sentences: contractions, plurals, names with their article.

Sentences are assembled from pieces ("à" + "le réseau", "2" + "point"); these rules keep the result
grammatical ("au réseau", "2 points") wherever the pieces meet, so no template glues a preposition to
an article itself. The plural rule has gettext's `ngettext(singular, plural, n)` signature and French
`Plural-Forms: nplurals=2; plural=(n > 1);` so a translation catalog (issue #17) can take its place.
Shared by the plugin and the demo generator: standard library only.
"""

from __future__ import annotations

import math
import re
import unicodedata

# "à le" → "au", "de le" → "du", "à les" → "aux", "de les" → "des" (never before a vowel: "à l'Ain").
CONTRACTIONS = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
ARTICLES = ("le", "la", "l'", "les")
VOWELS = tuple("aâàeéèêëiîïoôuùûüyœæAÂÀEÉÈÊËIÎÏOÔUÙÛÜYŒÆ")


def ngettext(singular: str, plural: str, n: int) -> str:
    """gettext's signature, French rule: singular for 0 and 1, plural from 2 upwards."""
    return plural if n > 1 else singular


def plural_count(number: float, decimals: int = 0) -> int:
    """The count the plural rule reads for a *displayed* number: what the reader sees, not the raw value.

    "1,96" shown as "2,0" is plural ("2,0 points"); "1,5" stays singular ("1,5 point", French usage:
    only the integer part counts). Signs do not matter ("−2 jours").
    """
    factor = 10**decimals
    shown = math.floor(abs(number) * factor + 0.5) / factor
    return int(shown)


def unit_word(number: float, singular: str, plural: str, decimals: int = 0) -> str:
    """`point`/`points` for a number as displayed with `decimals` places."""
    return ngettext(singular, plural, plural_count(number, decimals))


def counted(count: int, singular: str, plural: str) -> str:
    """`1 structure`, `2 structures` (thousands separated the French way: `1 234 structures`)."""
    number = f"{count:,}".replace(",", "\u202f")
    return f"{number}\u00a0{ngettext(singular, plural, abs(count))}"


def contract(preposition: str, phrase: str) -> str:
    """`contract("à", "le réseau")` → `au réseau`; `contract("de", "l'Ain")` → `de l'Ain`.

    Also elides "de" before a vowel when the phrase has no article: `contract("de", "Eure")` → `d'Eure`.
    """
    first, _, rest = phrase.partition(" ")
    merged = CONTRACTIONS.get((preposition, first))
    if merged and rest:
        return f"{merged} {rest}"
    if preposition == "de" and phrase.startswith(VOWELS):
        return f"d'{phrase}"
    return f"{preposition} {phrase}"


def with_article(name: str, article: str | None) -> str:
    """`("CAF du Rhône", "la")` → `la CAF du Rhône`; `("Agence …", "l'")` → `l'Agence …`.

    A name without an article in the data is used as it is ("France Services de Tulle").
    """
    if not article:
        return name
    return f"{article}{name}" if article.endswith("'") else f"{article} {name}"


def name_after(preposition: str, name: str, article: str | None) -> str:
    """A name after "à" / "de" / "sur" with its article, contracted: `de la CAF`, `du Commissariat`."""
    return contract(preposition, with_article(name, article))


PARTICLES = {"de", "du", "des", "la", "le", "les", "d", "l"}


def name_sort_key(name: str) -> str:
    """Sort key of a name as a reader expects: articles and "de" ignored, accents and case too.

    "CAF de l'Ain" → "caf ain", "CAF d'Eure-et-Loir" → "caf eure-et-loir": the Ain comes first,
    where a plain or slug sort put "CAF d'Eure-et-Loir" before "CAF de l'Ain".
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    words = [word for word in re.split(r"[\s']+", plain) if word and word not in PARTICLES]
    return " ".join(words)
