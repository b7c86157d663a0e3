"""The core page kinds of the site, each declared once (sections declare their own the same way).

Order matters only for writing: pages are written kind by kind in this order, then each section's.
`records(site)` and `context(page, site)` receive the build's `sections.Site` (facts, views, urls).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .i18n.formats import N_
from .long_lists import GroupSummary, all_network_departements, is_long, network_departement_fields
from .pages import Page, PageKind

if TYPE_CHECKING:  # the model imports pandas; the validator reads these declarations without it
    from .model import Network, Structure

# The A–Z index's letters: a structure's name starting with anything but a letter goes under "0-9".
INDEX_LETTERS: tuple[str, ...] = (*string.ascii_uppercase, "0-9")


def _listing(page: Page, site: Any) -> dict[str, Any]:
    """Networks, structures, territories and indicators indexes share the home page's figures."""
    views, catalog = site.views, site.facts.catalog
    return {**views.home(), "indicators": list(catalog.indicators.values()),
            "departements": catalog.departements, "catalog": catalog}


def _letter_fields(record: tuple[str, list]) -> dict[str, str]:
    letter = record[0]
    return {"slug": letter.lower(), "id": letter}


@dataclass(frozen=True, slots=True)
class FormerAddress:
    """An address a structure or a network had before (`former_slugs`): a redirect page to its current
    page, the kind named by `target` (STRUCTURE, NETWORK)."""

    record: Structure | Network
    slug: str
    target: str

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.name


def _former_addresses(site: Any) -> list[FormerAddress]:
    return [FormerAddress(structure, slug, "STRUCTURE") for structure in site.facts.catalog.structures.values()
            for slug in structure.former_slugs]


def _former_network_addresses(site: Any) -> list[FormerAddress]:
    return [FormerAddress(network, slug, "NETWORK") for network in site.facts.catalog.networks.values()
            for slug in network.former_slugs]


def redirect_context(page: Page, site: Any) -> dict[str, Any]:
    """Where the old address now leads: the record's page, relative for the refresh and the link,
    absolute for rel=canonical (search engines move the old address's standing to the new one)."""
    target = site.urls.url(page.record.target, page.record.record)
    return {"moved": page.record.record, "target_url": target, "canonical_url": site.urls.public(target)}


def _region(page: Page, site: Any) -> dict[str, Any]:
    views, region = site.views, page.record
    located = views.facts.structures_by_region.get(region.code, [])
    departements = [d for d in views.catalog.departements.values() if d.region_code == region.code]
    if is_long(len(located), views.list_max_rows):  # its départements' pages list them (long_lists)
        counts = {d.code: len(views.facts.structures_by_departement.get(d.code, [])) for d in departements}
        summary = [GroupSummary(f"{d.name} ({d.code})", f"{views.links.departement(d)}#structures", counts[d.code])
                   for d in departements if counts[d.code]]
        unplaced = [s for s in located if s.departement_code not in views.catalog.departements]  # listed here
        territory = views.territory(located, listed=False)
        return {"region": region, "departements": departements, **territory, "row_groups": [],
                "rows": views.structure_rows(unplaced, territory["table_indicators"]), "departement_summary": summary}
    territory = views.territory(located)
    groups = views.rows_by_departement(located, territory["table_indicators"])
    return {"region": region, "departements": departements, **territory, "row_groups": groups}


def _departement(page: Page, site: Any) -> dict[str, Any]:
    views, departement = site.views, page.record
    located = views.facts.structures_by_departement.get(departement.code, [])
    return {"departement": departement, "region": views.catalog.regions[departement.region_code],
            **views.territory(located)}


def _national_figures(site: Any) -> str:
    """The national figures of the common indicators, as territory pages show them (digested once)."""
    views = site.views
    return site.facts.digests.once("national_figures",
                                   lambda: [views.national_figure(i) for i in views.common_indicators])


def _region_inputs(page: Page, site: Any) -> Any:
    located = site.facts.structures_by_region.get(page.record.code, [])
    return site.facts.digests.territory(located, _national_figures(site))


def _departement_inputs(page: Page, site: Any) -> Any:
    located = site.facts.structures_by_departement.get(page.record.code, [])
    return site.facts.digests.territory(located, _national_figures(site))


def _letter_inputs(page: Page, site: Any) -> Any:
    """A letter's page lists its structures (name, commune, address) by région: those records only."""
    return page.record[0], list(page.record[1]), site.facts.catalog.regions


def _reference(page: Page, site: Any) -> Any:
    """Pages made of records only (names, addresses): the reference tables."""
    return site.facts.digests.reference


HOME = PageKind("HOME", "home", "", "index.html", context=lambda page, site: site.views.home())
NETWORKS_INDEX = PageKind("NETWORKS_INDEX", "networks", "reseaux/", "reseaux/index.html", context=_listing,
                          menu_title=N_("Réseaux"), menu_order=10)
INDICATORS_INDEX = PageKind("INDICATORS_INDEX", "indicators", "indicateurs/", "indicateurs/index.html",
                            context=_listing, menu_title=N_("Indicateurs"), menu_order=30)
TERRITORIES_INDEX = PageKind("TERRITORIES_INDEX", "territories", "territoires/", "territoires/index.html",
                             context=_listing, menu_title=N_("Territoires"), menu_order=20)
STRUCTURES_INDEX = PageKind("STRUCTURES_INDEX", "structures", "services/", "services/index.html",
                            context=_listing, menu_title=N_("Services de A à Z"), menu_order=60)
COMMITMENTS = PageKind("COMMITMENTS", "commitments", "engagements/", "engagements/index.html",
                       context=lambda page, site: site.views.commitments(), menu_title=N_("Engagements"), menu_order=40)
NOT_FOUND = PageKind("NOT_FOUND", "404", "404.html", "404.html", in_sitemap=False)
STRUCTURES_LETTER = PageKind(
    "STRUCTURES_LETTER", "letter", "services/lettre-{slug}/", "services/lettre-{slug}/index.html",
    records=lambda site: site.facts.structures_by_letter().items(), fields=_letter_fields,
    context=lambda page, site: {"letter": page.record[0], "structures": page.record[1],
                                "groups": site.views.region_groups(page.record[1])},
    fixed_records=lambda: [(letter, []) for letter in INDEX_LETTERS], inputs=_letter_inputs,
)
NETWORK = PageKind("NETWORK", "network", "reseaux/{slug}/", "reseaux/{slug}/index.html",
                   records=lambda site: site.facts.catalog.networks.values(),
                   context=lambda page, site: site.views.network(page.record),
                   inputs=lambda page, site: site.facts.digests.network(page.record))
STRUCTURE = PageKind("STRUCTURE", "structure", "services/{slug}/", "services/{slug}/index.html",
                     records=lambda site: site.facts.catalog.structures.values(),
                     context=lambda page, site: site.views.structure(page.record),
                     inputs=lambda page, site: site.facts.digests.structure(page.record), dated=False)
# A structure's former addresses (`former_slugs`), at the same pattern as its page: a printed QR code
# keeps working. Not in the sitemap; each page says `noindex` and points to the new one.
STRUCTURE_REDIRECT = PageKind("STRUCTURE_REDIRECT", "redirect", "services/{slug}/", "services/{slug}/index.html",
                              records=_former_addresses, context=redirect_context, in_sitemap=False,
                              inputs=_reference)
# A network's former addresses (`former_slugs` of networks.csv: `reseaux/ants/` before the URL took the id).
NETWORK_REDIRECT = PageKind("NETWORK_REDIRECT", "redirect", "reseaux/{slug}/", "reseaux/{slug}/index.html",
                            records=_former_network_addresses, context=redirect_context, in_sitemap=False,
                            inputs=_reference)
INDICATOR = PageKind("INDICATOR", "indicator", "indicateurs/{slug}/", "indicateurs/{slug}/index.html",
                     records=lambda site: site.facts.catalog.indicators.values(),
                     context=lambda page, site: site.views.indicator(page.record),
                     inputs=lambda page, site: site.facts.digests.indicator(page.record))
# A network too big for one page (more than RESULTS_LIST_MAX_ROWS structures) lists them by département.
NETWORK_DEPARTEMENT = PageKind(
    "NETWORK_DEPARTEMENT", "network_departement", "reseaux/{network}/{slug}/", "reseaux/{network}/{slug}/index.html",
    records=lambda site: all_network_departements(site.facts.catalog, site.config.list_max_rows),
    fields=network_departement_fields, context=lambda page, site: site.views.network_departement(page.record),
    inputs=lambda page, site: (site.facts.digests.reference, page.record.id,
                               site.facts.digests.rows_of(page.record.structures)),
)
REGION = PageKind("REGION", "region", "territoires/regions/{slug}/", "territoires/regions/{slug}/index.html",
                  records=lambda site: site.facts.catalog.regions.values(), context=_region, inputs=_region_inputs)
DEPARTEMENT = PageKind("DEPARTEMENT", "departement", "territoires/departements/{slug}/",
                       "territoires/departements/{slug}/index.html",
                       records=lambda site: site.facts.catalog.departements.values(), context=_departement,
                       inputs=_departement_inputs)

CORE_KINDS: tuple[PageKind, ...] = (
    HOME, NETWORKS_INDEX, INDICATORS_INDEX, TERRITORIES_INDEX, STRUCTURES_INDEX, COMMITMENTS, NOT_FOUND,
    STRUCTURES_LETTER, NETWORK, NETWORK_REDIRECT, NETWORK_DEPARTEMENT, STRUCTURE, STRUCTURE_REDIRECT, INDICATOR,
    REGION, DEPARTEMENT,
)


def all_kinds(config: Any) -> tuple[PageKind, ...]:
    """Core kinds, then each registered section's, then the site's own (`RESULTS_PAGE_KINDS`)."""
    kinds = [*CORE_KINDS]
    for section in config.section_classes():
        kinds += section.kinds
    kinds += config.page_kinds
    seen: dict[str, PageKind] = {}
    for kind in kinds:
        if kind.name in seen and seen[kind.name] is not kind:
            raise ValueError(f"Deux types de pages s'appellent {kind.name} : renommez l'un des deux.")
        seen[kind.name] = kind
    return tuple(seen.values())
