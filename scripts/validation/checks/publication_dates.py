"""`as_of` and every release date are ISO dates, and every release has a version, a date and a title.

The site states "données à jour au …" from `as_of` and lists the releases in its history and Atom
feed; a date written `15/02/2027` passed validation and then crashed the build with an English
traceback. Here it is an error at its line in datapackage.json, with the date to write instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import ClassVar

from results.i18n.formats import N_

from ..datafacts import iso_date
from ..language import Message
from ..report import Issue
from ..suggest import suggest_date
from .package_rule import PackageContext

_DATE_EXPECTED = "une date AAAA-MM-JJ (ex. 2027-02-15)"


class publication_dates:
    """The dates and fields the build reads from the descriptor's publication metadata."""

    type: ClassVar[str] = "publication-date"
    title: ClassVar[str] = N_("Date de publication invalide")

    def check(self, package: PackageContext) -> Iterable[Issue]:
        yield from self._date(package, ("as_of",), Message("La date as_of"), required=True)
        releases = package.data.get("releases", [])
        if not isinstance(releases, list):
            yield package.issue(
                ("releases",),
                code="invalid-releases",
                title=N_("Liste des publications invalide"),
                message=Message("« releases » doit être une liste d'entrées entre crochets [ … ]."),
                expected=Message('une liste : [{{"version": …, "date": …, "title": …, "description": …}}, …]'),
                fix=Message(
                    'Écrivez releases comme une liste, une entrée par publication (voir CONTRIBUTING.md, '
                    'section 3).',
                ),
            )
            return
        for position, release in enumerate(releases):
            if not isinstance(release, Mapping):
                yield package.issue(
                    ("releases", position),
                    code="invalid-releases",
                    title=N_("Liste des publications invalide"),
                    message=Message("L'entrée n° {position} de releases n'est pas un objet {braces}.",
                                    position=position + 1, braces="{ … }"),
                    expected=Message('{{"version": …, "date": …, "title": …, "description": …}}'),
                    fix=Message("Écrivez l'entrée entre accolades, avec version, date, title et description."),
                )
                continue
            missing = [key for key in ("version", "date", "title") if not str(release.get(key) or "").strip()]
            if missing:
                yield package.issue(
                    ("releases", position),
                    code="invalid-releases",
                    title=N_("Liste des publications invalide"),
                    message=Message("L'entrée n° {position} de releases n'a pas de {missing}.",
                                    position=position + 1, missing=", ".join(missing)),
                    expected=Message('{{"version": …, "date": …, "title": …, "description": …}}'),
                    fix=Message(
                        'Ajoutez {join} à cette entrée (voir CONTRIBUTING.md, section 3).',
                        join=', '.join(missing),
                    ),
                )
            if "date" in release:
                what = Message("La date de la publication n° {position} de releases", position=position + 1)
                yield from self._date(package, ("releases", position, "date"), what)

    def _date(self, package: PackageContext, path: tuple, what: Message, *,
              required: bool = False) -> Iterable[Issue]:
        data = package.data
        for step in path[:-1]:
            data = data[step]
        value = data.get(path[-1])
        if value is None and not required:
            return
        if value is None:
            yield package.issue(
                path,
                code=self.type,
                title=self.title,
                message=Message("{what} manque : le site ne peut pas dire à quelle date ses données sont à jour.",
                                what=what),
                expected=_DATE_EXPECTED,
                fix=Message(
                    'Ajoutez "{path}": "AAAA-MM-JJ" (la date de publication) en haut de datapackage.json.',
                    path=path[-1],
                ),
            )
            return
        if isinstance(value, str) and iso_date(value) is not None:
            return
        shown = value if isinstance(value, str) else repr(value)
        better = suggest_date(value) if isinstance(value, str) else None
        fix = (Message("Écrivez {better} (année-mois-jour).", better=better) if better
               else Message("Écrivez la date au format AAAA-MM-JJ."))
        yield package.issue(
            path,
            code=self.type,
            title=self.title,
            message=Message("{what} « {shown} » n'est pas au format AAAA-MM-JJ.", what=what, shown=shown),
            expected=_DATE_EXPECTED,
            fix=fix,
            value=str(shown),
        )
