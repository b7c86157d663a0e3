"""Every publication has its entry in `releases`, and `version` is the version of the newest entry.

A warning, not an error: the release history documents publications (page "Historique", Atom feed,
the package's version), and a forgotten entry misleads no one about a figure; the maintainer sees it
in the pull request and the reviewer in the job summary before merging. `as_of` itself must be right
(checks/stale_as_of.py, an error), so the data's newest date is the yardstick here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from results.i18n.formats import N_

from ..language import Message
from ..report import Issue
from .package_rule import PackageContext, french_date


class release_history:
    """New data (or a moved `as_of`) after the newest release; `version` not that release's version."""

    type: ClassVar[str] = "release-missing"
    title: ClassVar[str] = N_("Publication absente de « releases »")

    def check(self, package: PackageContext) -> Iterable[Issue]:
        releases = package.releases()
        version = package.data.get("version")
        if not releases:
            return
        _position, newest, day = releases[-1]
        dates = [date for date in (package.as_of, package.facts.newest if package.facts else None) if date]
        data_day = max(dates) if dates else None
        if data_day is not None and data_day > day:
            yield package.issue(
                ("releases",),
                code=self.type,
                title=self.title,
                message=Message("Les données vont jusqu'au {date} ({iso}), mais la dernière entrée de releases "
                                "({version}) date du {day} : cette publication n'y figure pas.",
                                date=french_date(data_day), iso=data_day.isoformat(),
                                version=newest.get("version"), day=day.isoformat()),
                expected=Message(
                    'une entrée de releases datée de la publication (au plus tôt {isoformat})',
                    isoformat=data_day.isoformat(),
                ),
                fix=Message(
                    'Ajoutez à la fin de releases une entrée avec la nouvelle version, la date de '
                    "publication (celle d'as_of), un titre et une description ; mettez version à jour "
                    '(CONTRIBUTING.md, section 3).',
                ),
                level="warning",
            )
        if version is not None and str(version) != str(newest.get("version")):
            yield package.issue(
                ("version",),
                code="version-mismatch",
                title=N_("Version différente de la dernière publication"),
                message=Message("version vaut « {version} », mais la publication la plus récente de releases est "
                                "« {newest} » ({day}).", version=version, newest=newest.get("version"),
                                day=day.isoformat()),
                expected=Message('la version de la dernière entrée de releases'),
                fix=Message(
                    'Mettez version à la version de la nouvelle entrée de releases (ex. 2026.4.0 pour le '
                    "4e trimestre 2026), ou ajoutez l'entrée qui manque.",
                ),
                value=str(version),
                level="warning",
            )
