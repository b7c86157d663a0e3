"""What the site publishes from datapackage.json: plain text, and links that are web addresses.

The licence's `path` is the link in the footer of every page, in the JSON-LD and the API; `sources`
are linked from the data page; `homepage` is published too. Frictionless's `uri` format accepts
`javascript:` and `data:` addresses, which would run in a visitor's browser: only `http(s)://` is
accepted here (and `mailto:` for a contributor's e-mail). Every other string of the descriptor
(titles, descriptions, release notes) must hold no control or invisible character: one in a release
title made the Atom feed invalid XML.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from results.i18n.formats import N_

from ..language import Message
from ..report import Issue
from .package_rule import PackageContext
from .plain_text import INVISIBLE, describe
from .web_address import is_web_address

LINKS = (("licenses", "path"), ("sources", "path"), ("contributors", "path"))
MAX_STEPS = 64  # the descriptor is a few levels deep; load_descriptor refuses deeper ones


def _strings(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string of the descriptor but the resources (checked against the programme's schema)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict) and len(path) < MAX_STEPS:
        for key, item in value.items():
            if not (path == () and key == "resources"):
                yield from _strings(item, (*path, key))
    elif isinstance(value, list) and len(path) < MAX_STEPS:
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _is_link(path: Sequence[Any]) -> bool:
    return path == ("homepage",) or (len(path) == 3 and (path[0], path[2]) in LINKS)


class descriptor_text:
    """Links and text of the package's metadata."""

    type: ClassVar[str] = "descriptor-text"
    title: ClassVar[str] = N_("Métadonnées publiées")

    def check(self, package: PackageContext) -> Iterable[Issue]:
        for path, text in _strings(dict(package.data), ()):
            if _is_link(path):
                mail = path[0] == "contributors" and text.startswith("mailto:") and "@" in text
                if text and not is_web_address(text) and not mail:
                    yield package.issue(
                        path,
                        code="unsafe-url",
                        title=N_("Adresse web refusée"),
                        message=Message("« {text} » n'est pas une adresse web publiable : elle serait un lien "
                                        "sur chaque page du site.", text=text[:60]),
                        expected=Message('une adresse qui commence par https:// (ou http://)'),
                        fix=Message(
                            "Indiquez l'adresse complète, par exemple "
                            'https://www.etalab.gouv.fr/licence-ouverte-open-licence/.',
                        ),
                        value=text[:120],
                    )
                continue
            found = INVISIBLE.search(text)
            if found:
                position = found.start() + 1
                yield package.issue(
                    path,
                    code="invisible-character",
                    title=N_("Caractère invisible ou de contrôle"),
                    message=Message("Caractère invisible {char} en position {position} : il serait publié tel "
                                    "quel (pages, flux Atom) et peut les rendre illisibles.",
                                    char=describe(found.group()), position=position),
                    expected=Message(
                        "du texte sans caractère de contrôle, d'espace de largeur nulle ni de marque de "
                        "sens d'écriture",
                    ),
                    fix=Message(
                        "Supprimez ce caractère (souvent issu d'un copier-coller) : retapez le texte "
                        'autour de la position {position}.',
                        position=position,
                    ),
                )
