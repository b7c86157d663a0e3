"""Programme monitoring (a `Section`): the programme page, its printable quarterly report, monitoring
blocks on network and territory pages, and the stale-data guard.

The guard runs once per build: a network whose latest results are older than its indicators'
frequency allows at the package's `as_of` date is logged as a warning naming the network and its
last period, or as an error with `RESULTS_STRICT` (scripts/build.py then refuses to publish).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from .core.french import name_sort_key
from .core.periods import Period
from .feedback import NO_EXPERIENCES
from .i18n.formats import N_, Formats
from .i18n.sites import is_first_run
from .model import Network
from .monitoring_figures import (
    NO_LABELS,
    Delay,
    GroupFigures,
    QuarterFigures,
    Transparency,
)
from .pages import Page, PageKind
from .sections import Section, Site

logger = logging.getLogger(__name__)

EMPTY_FIGURES = GroupFigures(Transparency(0, 0), NO_LABELS, NO_EXPERIENCES)
PROGRAMME = PageKind("PROGRAMME", "programme", "programme/", "programme/index.html",
                     menu_title=N_("Suivi du programme"), menu_order=80)
PROGRAMME_REPORT = PageKind("PROGRAMME_REPORT", "programme_report", "programme/rapport/",
                            "programme/rapport/index.html")


@dataclass(frozen=True)
class NetworkMonitoring:
    """One network's line of the programme table, and the block at the top of its page."""

    network: Network
    figures: GroupFigures
    reference_period: Period | None
    transparent: bool
    delays: tuple[Delay, ...]
    evolution: tuple[QuarterFigures, ...]

    @property
    def late(self) -> bool:
        return bool(self.delays)


@dataclass(frozen=True)
class StaleNotice:
    """Why a structure's latest figures are not current: it stopped publishing while its network went
    on (`network_latest`), or its network is late (`expected`: the period it owes)."""

    latest: Period
    network_late: bool
    network_latest: Period | None
    expected: Period | None


def threshold_wording(threshold: Fraction, formats: Formats) -> str:
    """`deux tiers` for the programme's rule, a percentage for any other threshold."""
    if threshold == Fraction(2, 3):
        return formats.gettext("deux tiers")
    return formats.value(float(threshold) * 100, "percent", 0)


def delay_message(network: Network, delays: tuple[Delay, ...], as_of: Any, formats: Formats, shown: int = 3) -> str:
    """The build log line: which network is late, what it last published and what was expected
    (the first `shown` indicators; the network page lists them all)."""
    _ = formats.gettext
    parts = [
        (_("« {indicator} » : dernière période publiée {last}, {expected} attendu") if delay.last_period
         else _("« {indicator} » : aucune valeur publiée, {expected} attendu")).format(
            indicator=delay.indicator_label, expected=formats.period(delay.expected),
            last=formats.period(delay.last_period) if delay.last_period else "")
        for delay in delays[:shown]
    ]
    others = len(delays) - shown
    if others > 0:
        parts.append(formats.ngettext("et {count} autre indicateur", "et {count} autres indicateurs", others)
                     .format(count=formats.count(others)))
    return _("Résultats en retard pour le réseau {network} ({id}) au {date} : {delays}.").format(
        network=network.short_name, id=network.id, date=formats.date(as_of), delays=" ; ".join(parts))


class MonitoringSection(Section):
    """Programme page and report; `network_monitoring` and `territory_monitoring` page values."""

    kinds = (PROGRAMME, PROGRAMME_REPORT)

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.as_of = self.catalog.info.as_of
        self.grace_days = self.config.stale_grace_days
        self.threshold = self.config.threshold
        scheme = self.config.label_scheme
        self.levels = ([] if scheme is None else  # lowest first, like the tables; names in the build's language
                       [(code, self.formats.gettext(word)) for code, word in reversed(scheme.levels)])
        self.monitoring = self.facts.monitoring(self.config.monitoring_quarters, self.grace_days)
        self.delays = self.monitoring.delays
        by_network = self.monitoring.figures("network_id")
        evolution = self.monitoring.evolution("network_id")
        self.networks = {
            network.id: NetworkMonitoring(
                network=network,
                figures=by_network.get(network.id, EMPTY_FIGURES),
                reference_period=self.monitoring.reference_periods.get(network.id),
                # A late network has not published the period it owes: never counted as transparent.
                transparent=by_network.get(network.id, EMPTY_FIGURES).transparency.above(self.threshold)
                and not self.delays.get(network.id),
                delays=self.delays.get(network.id, ()),
                evolution=tuple(evolution.get(network.id, ())),
            )
            for network in sorted(self.catalog.networks.values(), key=lambda n: name_sort_key(n.short_name))
        }

    def prepare(self) -> None:
        self.guard(self.config.strict)

    def guard(self, strict: bool) -> None:
        """Log every late network: a warning, or an error that fails the build in strict mode. Said
        once, by the first language's run (`LANGUAGES`): the data's lateness does not depend on the
        language, and the reviewer's job summary lists each late network once."""
        if not is_first_run(self.settings):
            return
        for row in self.networks.values():
            if not row.late:
                continue
            message = delay_message(row.network, row.delays, self.as_of, self.formats)
            if strict:
                logger.error("%s Mode strict : le site n'est pas publié.", message)
            else:
                logger.warning(message)

    def stale_notice(self, structure_id: str) -> StaleNotice | None:
        """The warning a structure's page and poster show when its latest result is not current
        (the same flag as the transparency rate: such a structure does not count as publishing)."""
        latest = self.monitoring.latest_periods.get(structure_id)
        if latest is None or self.monitoring.structures.at[structure_id, "published"]:
            return None
        row = self.networks[self.monitoring.structures.at[structure_id, "network_id"]]
        expected = min((delay.expected for delay in row.delays), default=None)
        return StaleNotice(Period.parse(latest), row.late, row.reference_period, expected)

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if page.kind in self.kinds:
            return {"programme_monitoring": self.programme()}
        if page.is_a("STRUCTURE") or page.is_a("POSTER"):
            return {"stale_notice": self.stale_notice(page.record.id)}
        if page.is_a("HOME"):
            return {"home_transparency": self.monitoring.figures().get(None, EMPTY_FIGURES).transparency,
                    "programme_url": self.urls.url("PROGRAMME")}
        if page.is_a("NETWORK"):
            return {"network_monitoring": self._common() | {"row": self.networks[page.record.id]}}
        if page.is_a("REGION"):
            return {"territory_monitoring": self.territory("region_code", page.record.code, "région")}
        if page.is_a("DEPARTEMENT"):
            return {"territory_monitoring": self.territory("departement_code", page.record.code, "département")}
        return {}

    def inputs(self, page: Page) -> Any:
        """What this section adds to the page, computed once for the build (the monitoring's figures
        are): a structure's stale notice, a network's or a territory's monitoring block. The home page
        and the programme pages show the whole programme's: not declared (always computed)."""
        if page.kind in self.kinds or page.is_a("HOME"):
            return super().inputs(page)
        return self.extend(page, {})

    def _common(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of,
            "grace_days": self.grace_days,
            "threshold": threshold_wording(self.threshold, self.formats),
            "quarters": [quarter_figures.quarter for quarter_figures in self._overall_evolution()],
            "levels": self.levels,
            "programme_url": self.urls.url("PROGRAMME"),
            "report_url": self.urls.url("PROGRAMME_REPORT"),
        }

    def _overall_evolution(self) -> list[QuarterFigures]:
        return self.monitoring.evolution().get(None, [])

    def programme(self) -> dict[str, Any]:
        """Values of the programme page and of its printable report (the same figures)."""
        catalog, monitoring = self.catalog, self.monitoring
        rows = list(self.networks.values())
        by_region = monitoring.figures("region_code")
        by_departement = monitoring.figures("departement_code")
        regions = sorted(catalog.regions.values(), key=lambda r: name_sort_key(r.name))
        departements = sorted(catalog.departements.values(), key=lambda d: d.code)
        return self._common() | {
            "overall": monitoring.figures().get(None, EMPTY_FIGURES),
            "overall_evolution": self._overall_evolution(),
            "network_rows": rows,
            "transparent_count": sum(1 for row in rows if row.transparent),
            "late_rows": [row for row in rows if row.late],
            "region_rows": [(region, by_region.get(region.code, EMPTY_FIGURES)) for region in regions],
            "departement_rows": [
                (departement, catalog.regions.get(departement.region_code),
                 by_departement.get(departement.code, EMPTY_FIGURES))
                for departement in departements
            ],
            "unlocated": sum(1 for s in catalog.structures.values() if not s.region_code),
        }

    def territory(self, column: str, code: str, kind: str) -> dict[str, Any]:
        """A région's or département's monitoring block: overall, per network, per quarter."""
        monitoring = self.monitoring
        per_network = monitoring.figures(column, "network_id")
        network_rows = [
            (row, per_network[(code, network_id)])
            for network_id, row in self.networks.items()
            if (code, network_id) in per_network
        ]
        return self._common() | {
            "kind": kind,
            "figures": monitoring.figures(column).get(code, EMPTY_FIGURES),
            "network_rows": network_rows,
            "evolution": monitoring.evolution(column).get(code, []),
        }
