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
from ..report import Issue
from .package_rule import PackageContext, french_date


def _rows(after: Beyond, file: str, verb: str, verbs: str) -> str:
    """'1 ligne de results/caf.csv a', '909 lignes de 3 fichiers de résultats ont'."""
    where = f"{after.files} fichiers de résultats" if after.files > 1 else (after.file or file)
    return f"{after.count} ligne{'s' if after.count > 1 else ''} de {where} {verbs if after.count > 1 else verb}"


def _first(after: Beyond) -> str:
    """`12`, or `12 de data/results/caf.csv` when the rows span several files."""
    return f"{after.first_line} de {after.file}" if after.files > 1 else str(after.first_line)


def _fixed_in(*found: Beyond | None, file: str) -> str:
    """The file to correct: the one holding the rows, or "le fichier concerné" when they span several."""
    files = {after.file or file for after in found if after is not None}
    return files.pop() if len(files) == 1 and all(a.files == 1 for a in found if a) else "le fichier concerné"


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
            found.append(
                f"{_rows(after, file, 'porte', 'portent')} sur une période qui se termine après cette date "
                f"(la plus récente : {after.latest}, première ligne {_first(after)})"
            )
            latest = max(latest, facts.latest_period_end or latest)
        if facts.updates_after is not None:
            after = facts.updates_after
            found.append(
                f"{_rows(after, file, 'a', 'ont')} une date updated_on postérieure (la plus récente : "
                f"{after.latest}, première ligne {_first(after)})"
            )
            latest = max(latest, facts.latest_update or latest)
        yield package.issue(
            ("as_of",),
            code=self.type,
            title=self.title,
            message=f"Les données sont annoncées à jour au {french_date(as_of)} (as_of = {as_of.isoformat()}), "
            f"mais {' ; et '.join(found)}.",
            expected=f"une date as_of au moins égale au {latest.isoformat()} : la date de publication",
            fix="Si ces lignes sont publiées maintenant, mettez as_of à la date de publication (et ajoutez "
            "l'entrée correspondante à releases) ; si une date de ces lignes est une faute de frappe, "
            f"corrigez-la dans {_fixed_in(facts.periods_after, facts.updates_after, file=file)}.",
            value=as_of.isoformat(),
        )
