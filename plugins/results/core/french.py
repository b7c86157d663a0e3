"""French grammar of generated sentences: contractions, names with their article, name sorting.

Sentences are assembled from pieces ("à" + "le réseau"); these rules keep the result grammatical
("au réseau") wherever the pieces meet, so no template glues a preposition to an article itself.
They apply to French only: `results.i18n.formats.Formats` calls them when the build speaks French,
and other languages word the same sentence through their catalog. Plurals are not here: they go
through gettext's `ngettext` and each catalog's plural forms (`Formats.ngettext`).
Shared by the plugin and the demo generator: standard library only.
"""

from __future__ import annotations

import re
import unicodedata

# "à le" → "au", "de le" → "du", "à les" → "aux", "de les" → "des" (never before a vowel: "à l'Ain").
CONTRACTIONS = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
ARTICLES = ("le", "la", "l'", "les")
VOWELS = tuple("aâàeéèêëiîïoôuùûüyœæAÂÀEÉÈÊËIÎÏOÔUÙÛÜYŒÆ")


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
