"""`as_of` is not older than the data: no period ends after it, no row was updated after it.

The site says "données à jour au <as_of>" and measures which networks are late from that date. A
quarter published without moving `as_of` (or an `updated_on` typed 2062) makes the site state
something false, so it is an error — one, at `as_of` in datapackage.json, since moving `as_of` is
the usual fix; the message names the first row concerned in case the row is the mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from results.i18n.formats import N_

from ..datafacts import Beyond
from ..language import Message, pluralised
from ..report import Issue
from .package_rule import PackageContext, french_date


def _where(after: Beyond, file: str) -> Message | str:
    """`results/caf.csv`, or `3 fichiers de résultats` when the rows span several files."""
    return Message("{files} fichiers de résultats", files=after.files) if after.files > 1 else (after.file or file)


def _first(after: Beyond) -> Message | str:
    """`12`, or `12 de data/results/caf.csv` when the rows span several files."""
    return Message("{line} de {file}", line=after.first_line, file=after.file) if after.files > 1 \
        else str(after.first_line)


def _fixed_in(*found: Beyond | None, file: str) -> str:
    """The file to correct: the one holding the rows, or "le fichier concerné" when they span several."""
    files = {after.file or file for after in found if after is not None}
    return files.pop() if len(files) == 1 and all(a.files == 1 for a in found if a) else N_("le fichier concerné")


class stale_as_of:
    """Compare `as_of` with the newest period end and the newest `updated_on` of the results files."""

    type: ClassVar[str] = "stale-as-of"
    title: ClassVar[str] = N_("Date « as_of » antérieure aux données")

    def check(self, package: PackageContext) -> Iterable[Issue]:
        as_of, facts = package.as_of, package.facts
        if as_of is None or facts is None or (facts.periods_after is None and facts.updates_after is None):
            return
        file = package.results_file
        found = []
        latest = as_of
        if facts.periods_after is not None:
            after = facts.periods_after
            found.append(pluralised(
                "{count} ligne de {where} porte sur une période qui se termine après cette date (la plus récente : "
                "{latest}, première ligne {first})",
                "{count} lignes de {where} portent sur une période qui se termine après cette date (la plus "
                "récente : {latest}, première ligne {first})",
                after.count, where=_where(after, file), latest=after.latest, first=_first(after)))
            latest = max(latest, facts.latest_period_end or latest)
        if facts.updates_after is not None:
            after = facts.updates_after
            found.append(pluralised(
                "{count} ligne de {where} a une date updated_on postérieure (la plus récente : {latest}, "
                "première ligne {first})",
                "{count} lignes de {where} ont une date updated_on postérieure (la plus récente : {latest}, "
                "première ligne {first})",
                after.count, where=_where(after, file), latest=after.latest, first=_first(after)))
            latest = max(latest, facts.latest_update or latest)
        reasons = found[0] if len(found) == 1 else Message("{first} ; et {second}", first=found[0], second=found[1])
        yield package.issue(
            ("as_of",),
            code=self.type,
            title=self.title,
            message=Message("Les données sont annoncées à jour au {date} (as_of = {iso}), mais {reasons}.",
                            date=french_date(as_of), iso=as_of.isoformat(), reasons=reasons),
            expected=Message("une date as_of au moins égale au {latest} : la date de publication",
                             latest=latest.isoformat()),
            fix=Message("Si ces lignes sont publiées maintenant, mettez as_of à la date de publication (et ajoutez "
                        "l'entrée correspondante à releases) ; si une date de ces lignes est une faute de frappe, "
                        "corrigez-la dans {file}.",
                        file=_fixed_in(facts.periods_after, facts.updates_after, file=file)),
            value=as_of.isoformat(),
        )
