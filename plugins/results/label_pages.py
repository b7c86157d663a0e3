"""The labels feature as a section: labels pages, the label block of structure pages, badge files.

Pages (URLs from settings): `LABELS` (every current label, counts, client-side filter),
`LABELS_LEVEL` / `LABELS_NETWORK` / `LABELS_REGION` (the same list cut by level, network or région,
so every view works without JavaScript). Files: one badge per structure that ever held a label at
`LABEL_BADGE_SAVE_AS`, a stable address other sites embed; it turns to an "expired" badge when the
label lapses rather than disappearing (a broken image) or keeping its claim.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .badges import badge_file, badge_size, badge_svg, badge_title, embed_snippet
from .confine import confined_path
from .i18n.formats import N_
from .i18n.sites import is_first_run
from .identity import Features
from .kinds import FormerAddress, redirect_context
from .labels import DEFAULT_SCHEME, NO_LABEL, NO_REGION, LabelRow, LabelScheme, LabelStatus, labels_overview
from .model import Network, Region, Structure
from .pages import Page, PageKind, Urls
from .sections import Section, Site


class LabelLinks:
    """Site-relative URLs of the labels pages and badge files (no leading slash)."""

    def __init__(self, urls: Urls) -> None:
        self.urls = urls

    def __fingerprint__(self) -> str:
        """Its URLs come from the settings, already part of every page's fingerprint."""
        return ""

    def index(self) -> str:
        return self.urls.url("LABELS")

    def explanation(self) -> str:
        return self.urls.pattern("LABEL_PAGE")

    def label_level(self, level: str) -> str:
        return self.urls.format("LABELS_LEVEL", slug=level, id=level)[0]

    def label_network(self, network: Network) -> str:
        return self.urls.format("LABELS_NETWORK", slug=network.slug, id=network.id)[0]

    def label_region(self, region: Region) -> str:
        return self.urls.format("LABELS_REGION", slug=region.slug, id=region.code)[0]

    def badge(self, structure: Structure) -> tuple[str, str]:
        """`(url, save_as)` of a structure's badge file."""
        return self.urls.format("LABEL_BADGE", slug=structure.slug, id=structure.id)


@dataclass(frozen=True)
class LabelView:
    """One page of the labels list: the whole list, or one cut of it (a level, a network, a région)."""

    slug: str
    id: str
    values: dict[str, Any]


def _scheme(site: Any) -> LabelScheme:
    """The programme's label scheme, its level names in the build's language (`Or` → `Gold`)."""
    scheme = site.config.label_scheme or DEFAULT_SCHEME
    return LabelScheme(scheme.name, tuple((code, site.formats.gettext(word)) for code, word in scheme.levels))


def _common(site: Any) -> dict[str, Any]:
    scheme = _scheme(site)
    return {
        "label_links": LabelLinks(site.urls), "label_name": scheme.name,
        "level_wording": dict(scheme.levels), "level_rank": {code: scheme.rank(code) for code in scheme.codes},
    }


def _overview(site: Any) -> dict[str, Any]:
    overview = labels_overview(site.facts.catalog, site.facts.label_statuses, LabelLinks(site.urls), _scheme(site),
                               site.views.data_words)
    overview["region_counts"] = [replace(count, title=site.formats.gettext(count.title)) if count.title == NO_REGION
                                 else count for count in overview["region_counts"]]
    return overview


def _view(site: Any, slug: str, id_: str, title: str, crumb: str, of: str, rows: list[LabelRow],
          title_html: Markup | None = None) -> LabelView:
    """One static view of the list (by level, network or région), reachable without JavaScript.

    `title` is plain text (the page's <title>); `title_html`, when given, is the same words for the
    page, with a network name without translation marked lang="fr" (`crumb` then is HTML too)."""
    view = {"title": title, "crumb": crumb, "of": of, "title_html": title_html or title}
    return LabelView(slug, id_, {**_common(site), "rows": rows, "view": view})


def level_views(site: Any) -> list[LabelView]:
    overview, _ = _overview(site), site.formats.gettext
    return [
        _view(site, count.key, count.key, _("niveau {level}").format(level=count.title.lower()),
              _("Niveau {level}").format(level=count.title), _("de ce niveau"),
              [row for row in overview["rows"] if row.label.level == count.key])
        for count in overview["level_counts"] if count.url
    ]


def network_views(site: Any) -> list[LabelView]:
    overview, networks, _ = _overview(site), site.facts.catalog.networks, site.formats.gettext
    words = site.views.data_words
    return [
        _view(site, networks[count.key].slug, count.key,
              _("réseau {network}").format(network=words.text(networks[count.key], "short_name")),
              words.html(networks[count.key], "short_name"), _("de ce réseau"),
              [row for row in overview["rows"] if row.network.id == count.key],
              escape(_("réseau {network}")).format(network=words.html(networks[count.key], "short_name")))
        for count in overview["network_counts"] if count.url
    ]


def former_network_views(site: Any) -> list[FormerAddress]:
    """The labels view of a network at each address its page had before (`labels/reseaux/dgfip/`)."""
    networks = site.facts.catalog.networks
    return [FormerAddress(networks[count.key], slug, "LABELS_NETWORK")
            for count in _overview(site)["network_counts"] if count.url
            for slug in networks[count.key].former_slugs]


def region_views(site: Any) -> list[LabelView]:
    overview, regions, _ = _overview(site), site.facts.catalog.regions, site.formats.gettext
    return [
        _view(site, regions[count.key].slug, count.key, _("région {region}").format(region=regions[count.key].name),
              regions[count.key].name, _("de cette région"),
              [row for row in overview["rows"] if row.structure.region_code == count.key])
        for count in overview["region_counts"] if count.url
    ]


def _view_context(page: Page, site: Any) -> dict[str, Any]:
    return page.record.values


def has_labels(site: Any) -> bool:
    """A programme with a label scheme and a package with labels: otherwise no labels page at all."""
    return Features.of(site.facts.catalog, site.config).labels


LABELS = PageKind("LABELS", "labels", "labels/", "labels/index.html",
                  context=lambda page, site: {**_common(site), **_overview(site), "view": None},
                  menu_title=N_("Labels"), menu_order=50, enabled=has_labels)
LABELS_LEVEL = PageKind("LABELS_LEVEL", "labels", "labels/niveau-{slug}/", "labels/niveau-{slug}/index.html",
                        records=level_views, context=_view_context, enabled=has_labels)
LABELS_NETWORK = PageKind("LABELS_NETWORK", "labels", "labels/reseaux/{slug}/", "labels/reseaux/{slug}/index.html",
                          records=network_views, context=_view_context, enabled=has_labels)
LABELS_NETWORK_REDIRECT = PageKind("LABELS_NETWORK_REDIRECT", "redirect", "labels/reseaux/{slug}/",
                                   "labels/reseaux/{slug}/index.html", records=former_network_views,
                                   context=redirect_context, in_sitemap=False, enabled=has_labels)
LABELS_REGION = PageKind("LABELS_REGION", "labels", "labels/regions/{slug}/", "labels/regions/{slug}/index.html",
                         records=region_views, context=_view_context, enabled=has_labels)


class LabelsSection(Section):
    """Labels index and views, the structure page's label block, and the embeddable badge files."""

    kinds = (LABELS, LABELS_LEVEL, LABELS_NETWORK, LABELS_NETWORK_REDIRECT, LABELS_REGION)

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.statuses = self.facts.label_statuses
        self.label_links = LabelLinks(self.urls)
        self.label_name = self.config.label_name
        self.enabled = has_labels(site)

    def status(self, structure: Structure) -> LabelStatus:
        return self.statuses.get(structure.id, NO_LABEL)

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if not page.is_a("STRUCTURE") or not self.enabled:
            return {}
        structure: Structure = page.record
        status = self.status(structure)
        extra: dict[str, Any] = {**_common(self.site), "label_status": status}
        if status.label is None:
            return extra
        extra["label_badge"] = badge_svg(status, self.label_name, self.formats, element_id="badge-label")
        if status.is_current:
            badge_url, _path = self.label_links.badge(structure)
            extra["label_embed"] = embed_snippet(
                self.urls.public(badge_url),
                self.urls.public(self.links.structure(structure)),
                badge_title(status, self.label_name, self.formats),
                badge_size(extra["label_badge"]),
                self.formats,
            )
            extra["label_embed_base"] = self.urls.public_base
            extra["label_embed_local"] = not self.urls.site_url
        return extra

    def inputs(self, page: Page) -> Any:
        """A structure's label block reads the labels and the structure (reference tables) and its
        status at `as_of` (a label that expired since the last build changes it; the date is not shown)."""
        if page.is_a("STRUCTURE"):
            return self.facts.digests.reference, self.status(page.record)
        return ()

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        if not is_first_run(self.settings):
            return  # badges are shared by every language: the first language's run wrote them
        for structure_id, status in self.statuses.items():
            structure = self.catalog.structures.get(structure_id)
            if structure is None or status.label is None:
                continue
            path = confined_path(output_path, self.label_links.badge(structure)[1])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(badge_file(status, self.label_name, self.formats), encoding="utf-8")
