"""French words inside another language's sentence, marked for screen readers: `<span lang="fr">…</span>`.

A chart's caption is written in Python (charts/summary.py) from the data's labels; on an English page a
label without English translation (translations.csv) is printed in French, and a screen reader must
read it with French pronunciation (WCAG 3.1.2, language of parts). The sentence is plain text built
from untrusted data: it is escaped first, then only the escaped French labels it contains are wrapped,
so no markup ever comes from the data.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from markupsafe import Markup, escape

OPEN = '<span lang="fr">'
CLOSE = "</span>"


@lru_cache(maxsize=16)
def _pattern(french: frozenset[str]) -> re.Pattern[str] | None:
    """One alternation of the texts, longest first (a label containing another wins), matched as whole
    words only: « CAF » is not marked inside « CAFÉ »."""
    texts = sorted((text for text in french if text.strip()), key=lambda t: (-len(t), t))
    if not texts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(text) for text in texts) + r")(?!\w)")


def mark_french(text: str, french: Collection[str], keep: Collection[str] = ()) -> Markup:
    """`text` escaped, each occurrence of one of the `french` texts in `<span lang="fr">`.

    `mark_french("Trend: Appels décrochés", {"Appels décrochés"})` →
    `Trend: <span lang="fr">Appels décrochés</span>`. The plain text is searched, then every piece is
    escaped on its own (a match is never inside an escaped character). `keep`: proper names left whole
    (a structure named « CAF de Paris » keeps its network's « CAF » unmarked). Without French texts,
    `text` escaped, as a template would print it.
    """
    if isinstance(text, Markup):
        return text  # already marked (or trusted markup): never escaped or wrapped twice
    pattern = _pattern(frozenset(french)) if french else None
    if pattern is None:
        return escape(text)
    pieces: list[str] = []
    for part, kept in _split(text, keep):
        if kept:
            pieces.append(str(escape(part)))
            continue
        last = 0
        for match in pattern.finditer(part):
            pieces += [str(escape(part[last:match.start()])), OPEN, str(escape(match.group(0))), CLOSE]
            last = match.end()
        pieces.append(str(escape(part[last:])))
    return Markup("".join(pieces))


def _split(text: str, keep: Collection[str]) -> list[tuple[str, bool]]:
    """`text` cut around the occurrences of the `keep` names (longest first): (piece, is a kept name)."""
    names = sorted((name for name in keep if name and name in text), key=len, reverse=True)
    if not names:
        return [(text, False)]
    found = re.compile("|".join(re.escape(name) for name in names))
    parts, last = [], 0
    for match in found.finditer(text):
        parts += [(text[last:match.start()], False), (match.group(0), True)]
        last = match.end()
    parts.append((text[last:], False))
    return parts
