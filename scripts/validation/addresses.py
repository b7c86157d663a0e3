"""The structure slugs the site keeps for its own pages, derived from the page-kind declarations.

A structure's page lives at `services/{slug}/`; the A–Z index's letter pages live at
`services/lettre-{x}/` under the same folder. A structure whose stored slug is `lettre-a` would take
the letter page's file (the build would stop, or one page would hide the other), so the validator
refuses it first. The reserved slugs are not a hand list: every page whose address is known without
the data (single pages, and kinds that declare `fixed_records`) is matched against the structure
page's pattern, so a page kind added under `services/` is reserved as soon as it is declared.

Scope: the plugin's core kinds at their default addresses (plugins/results/kinds.py; importing it
costs no Pelican and no pandas). A site that moves addresses in pelicanconf.py, or a section that
declares its own kinds, is still protected by the build, which refuses two pages with one file.
"""

from __future__ import annotations

import re
from functools import cache

from results.i18n.formats import N_
from results.kinds import CORE_KINDS
from results.pages import Page, reserved_pages

from .language import Message

_WHAT = {  # how a maintainer knows the page, by kind; other pages are "une page du site"
    "STRUCTURES_LETTER": N_("la page de la lettre {record} de l'index « Services de A à Z »"),
}


def _slug_matcher(save_as: str) -> re.Pattern[str]:
    """`services/{slug}/index.html` → a regex whose group `slug` is the part a structure chooses."""
    regex, seen = "", False
    for part in re.split(r"(\{slug\}|\{id\})", save_as):
        if part == "{slug}":
            regex += "(?P=slug)" if seen else "(?P<slug>[^/]+)"
            seen = True
        elif part == "{id}":
            regex += "[^/]+"
        else:
            regex += re.escape(part)
    return re.compile(f"^{regex}$")


def _what(page: Page) -> Message:
    wording = _WHAT.get(page.kind.name)
    if wording:
        return Message(wording, record=page.record[0] if isinstance(page.record, tuple) else page.record)
    return Message("une page du site ({page})", page=page.kind.menu_title or page.kind.name)


@cache
def reserved_slugs(owner: str = "STRUCTURE") -> dict[str, tuple[str, Message]]:
    """slug → (the page's address, what the page is in French), for every slug the site keeps in the
    folder of `owner`'s pages (STRUCTURE: `services/`, NETWORK: `reseaux/`)."""
    kinds = {kind.name: kind for kind in CORE_KINDS}
    matcher = _slug_matcher(kinds[owner].save_as)
    reserved: dict[str, tuple[str, Message]] = {}
    for save_as, page in reserved_pages(kinds.values()).items():  # data-driven kinds are not in it
        found = matcher.match(save_as)
        if found:
            reserved.setdefault(found.group("slug"), (page.url, _what(page)))
    return reserved
