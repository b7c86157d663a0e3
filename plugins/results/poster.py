"""The printable results poster: one A4 page per structure, "Nos résultats", for its reception desk.

The programme requires results to be displayed where the public is received. The poster reuses the
structure page's figures (`SiteViews.structure`), adds the current label, the programme's
commitments, the data date and a QR code to the structure's page. QR targets are absolute
(`Urls.public`, the one rule): a local relative build still prints posters that lead to the public site.

Figures are computed once per structure (`StructureFigures`): the poster is written right after its
structure's page (the kind `follows` STRUCTURE) and reads the same objects as the page and its chart,
not the page's values; a poster whose page was carried over from the previous build computes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .badges import badge_svg
from .changes import Change
from .figures import IndicatorFigures
from .labels import NO_LABEL
from .model import Indicator, Result, Structure
from .pages import Page, PageKind
from .qr import QrCode
from .sections import Section, Site

# Layout by number of indicators, so that every poster prints on one A4 page (checked in
# tests/labels/test_poster_print.py with long indicator names, a label and eight commitments).
DENSE_FROM = 5  # from this many, a table replaces the cards
MANY_FROM = 9  # from this many, the table gets smaller type
MOST_ON_POSTER = 10  # beyond this, the poster lists the first ones and says the others are online


@dataclass(frozen=True, slots=True)
class PosterLine:
    """What the poster says about one indicator (same names as `IndicatorFigures`, minus the history)."""

    indicator: Indicator
    latest: Result
    previous_change: Change | None


@dataclass(frozen=True, slots=True)
class PosterFigures:
    published: tuple[PosterLine, ...]
    unpublished: tuple[Indicator, ...]  # indicators of the structure without any value yet

    @classmethod
    def of(cls, figures: list[IndicatorFigures]) -> PosterFigures:
        return cls(
            tuple(PosterLine(f.indicator, f.latest, f.previous_change)
                  for f in figures if f.latest is not None),
            tuple(f.indicator for f in figures if f.latest is None),
        )


POSTER = PageKind("POSTER", "poster", "services/{slug}/affiche/", "services/{slug}/affiche/index.html",
                  records=lambda site: site.facts.structures_sorted,
                  context=lambda page, site: {"structure": page.record},
                  inputs=lambda page, site: site.facts.digests.structure(page.record),  # the page's figures
                  in_sitemap=False,  # printable posters are not for search engines
                  follows="STRUCTURE",  # written right after its structure's page: its figures are kept for one page
                  dated=False)  # says its network's update date (in the structure's inputs), not as_of


class PosterSection(Section):
    """One poster page per structure, and the link to it from the structure page."""

    kinds = (POSTER,)

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.statuses = self.facts.label_statuses
        self.label_name = self.config.label_name

    def inputs(self, page: Page) -> Any:
        """The poster reads the structure's figures (its kind's inputs), its network and the programme's
        commitments (reference tables) and its label status at `as_of`; a structure page only links to
        its poster."""
        if page.is_a("POSTER"):
            return self.facts.digests.reference, self.statuses.get(page.record.id, NO_LABEL)
        return ()

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if page.is_a("STRUCTURE"):
            return {"poster_url": self.urls.url("POSTER", page.record)}
        if not page.is_a("POSTER"):
            return {}
        structure: Structure = page.record
        figures = PosterFigures.of(self.views.structure_figures.of(structure))
        shown = figures.published[:MOST_ON_POSTER]
        target = self.urls.public(self.links.structure(structure))
        status = self.statuses.get(structure.id, NO_LABEL)
        badge = (badge_svg(status, self.label_name, self.formats, element_id="affiche-label")
                 if status.is_current else None)
        return {
            "network": self.catalog.networks[structure.network_id],
            "network_updated_on": self.facts.network_updated_on.get(structure.network_id),
            "poster_figures": shown,
            "more_online": len(figures.published) - len(shown),
            "unpublished": figures.unpublished,
            "dense": len(shown) >= DENSE_FROM,
            "many": len(shown) >= MANY_FROM,
            "label_status": status,
            "label_name": self.label_name,
            "label_badge": badge,
            "commitments": list(self.catalog.commitments.values()),
            "public_page_url": target,
            "qr_code": QrCode(
                target, self.formats.gettext(
                    "QR code menant à la page des résultats de la structure « {structure} » : {address}"
                ).format(structure=self.views.data_words.text(structure), address=target),
                cache=Path(self.config.chart_cache) / "qr",
            ),
        }
