"""Grammar slips a French reader trips on, searched in the text of built pages (issue #20).

Generated sentences are assembled from pieces; these patterns catch a piece glued the wrong way
wherever it happens, so a new template or sentence cannot bring "à le réseau" or "2 point" back.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

# Nouns the site counts or measures, whose plural takes an s ("mois" is invariable, left out).
COUNTED_NOUNS = ("point", "jour", "minute", "structure", "réponse", "réseau", "indicateur", "action",
                 "expérience", "trimestre", "année", "période", "avis", "label")
# First words of structure and network names that need an article ("la CAF", "le Service des impôts…",
# "l'Assurance retraite"), from every network of the demo; "France Travail", "France Services" take none.
NAME_HEADS = ("CAF", "CPAM", "CGSS", "Carsat", "Urssaf", "Préfecture", "Agence", "Commissariat", "Tribunal",
              "Caisse", "Caisses", "Service", "SIP", "Direction", "Assurance", "Police", "Espace", "Maison")
PATTERNS = {
    "contraction « à le / à les »": re.compile(r"(?<!\w)[àÀ] (?:le|les) "),
    "contraction « de le / de les »": re.compile(r"(?<!\w)[dD]e (?:le|les) "),
    "pluriel après un nombre ≥ 2": re.compile(
        r"(?<![\d,.])[+−-]?(?:[2-9]|[1-9]\d+)(?:,\d+)?[ \u00a0\u202f](?:" + "|".join(COUNTED_NOUNS) + r")(?![s\w])"
    ),
    "singulier après 0 ou 1": re.compile(
        r"(?<![\d,.\u202f])[+−-]?[01](?:,\d+)?[ \u00a0](?:structures|points|jours|réponses)\b"
    ),
    "espace avant « . » ou « , »": re.compile(r"[^\s.…][ \u00a0\u202f]+[.,](?![\d.])"),
    # A structure's or network's name needs its article after a preposition ("sur la CAF du Rhône",
    # "de l'Agence nationale…"): the site words such sentences so that the name stands alone
    # ("Résultats : CAF du Rhône"). NAME_HEADS lists the first words of the names that take one.
    "nom sans article après une préposition": re.compile(
        r"(?<!\w)(?:[dD]e|[sS]ur|[àÀ]|[pP]our|[pP]ar|[aA]vec|[cC]hez|auprès de) (?:" + "|".join(NAME_HEADS) + r")\b"
    ),
}
# Names a page must not use: the network's name is one, on every page and in its URL.
FORBIDDEN_NAMES = {
    "Titres sécurisés": "le réseau s'appelle « Agence nationale des titres sécurisés » (ANTS)",
    "Finances publiques": "le réseau s'appelle « Direction générale des finances publiques » (DGFiP)",
    "Cible": "le site dit « objectif »",
}


# Attributes a screen reader or a browser shows as text: each becomes a line of the page's text.
READ_ATTRIBUTES = re.compile(r'\s(?:aria-label|alt|title)="([^"]*)"')


def reader_text(page: str) -> str:
    """What a reader reads: scripts, styles and tags removed (inline tags leave no space), entities decoded;
    then the labels a screen reader announces (aria-label, alt, title), one a line."""
    announced = "\n".join(READ_ATTRIBUTES.findall(re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)))
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<(?:p|li|td|th|dt|dd|h\d|div|br|tr|caption|section|figcaption)\b[^>]*>", "\n", page)
    return html.unescape(re.sub(r"<[^>]+>", "", page) + "\n" + announced)


def slips(site: Path) -> Iterator[tuple[str, str, str]]:
    """`(rule, page, excerpt)` for every slip found in the site's HTML pages."""
    for path in sorted(site.rglob("*.html")):
        text = reader_text(path.read_text(encoding="utf-8"))
        page = str(path.relative_to(site))
        for rule, pattern in PATTERNS.items():
            for match in pattern.finditer(text):
                yield rule, page, text[max(0, match.start() - 50):match.end() + 20].replace("\n", " ")
        for name, why in FORBIDDEN_NAMES.items():
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                yield f"nom « {name} » ({why})", page, text[max(0, match.start() - 50):match.end() + 20]
