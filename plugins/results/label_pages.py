"""The labels feature as a section: labels pages, the label block of structure pages, badge files.

Pages (URLs from settings): `LABELS` (every current label, counts, client-side filter),
`LABELS_LEVEL` / `LABELS_NETWORK` / `LABELS_REGION` (the same list cut by level, network or région,
so every view works without JavaScript). Files: one badge per structure that ever held a label at
`LABEL_BADGE_SAVE_AS`, a stable address other sites embed; it turns to an "expired" badge when the
label lapses rather than disappearing (a broken image) or keeping its claim.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .badges import badge_file, badge_size, badge_svg, badge_title, embed_snippet, public_base, public_url
from .confine import confined_path
from .labels import LEVEL_RANK, LEVEL_WORDING, NO_LABEL, LabelRow, LabelStatus, label_statuses, labels_overview
from .model import Network, Region, Structure
from .sections import PlannedPage, Section
from .settings import page_url


class LabelLinks:
    """Site-relative URLs of the labels pages and badge files (no leading slash)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings

    def index(self) -> str:
        return self.settings["LABELS_URL"]

    def explanation(self) -> str:
        return self.settings["LABEL_PAGE_URL"]

    def label_level(self, level: str) -> str:
        return page_url(self.settings, "LABELS_LEVEL", slug=level, id=level)[0]

    def label_network(self, network: Network) -> str:
        return page_url(self.settings, "LABELS_NETWORK", slug=network.slug, id=network.id)[0]

    def label_region(self, region: Region) -> str:
        return page_url(self.settings, "LABELS_REGION", slug=region.slug, id=region.code)[0]

    def badge(self, structure: Structure) -> tuple[str, str]:
        """`(url, save_as)` of a structure's badge file."""
        return page_url(self.settings, "LABEL_BADGE", slug=structure.slug, id=structure.id)


class LabelsSection(Section):
    """Labels index and views, the structure page's label block, and the embeddable badge files."""

    def __init__(self, views: Any, settings: dict[str, Any]) -> None:
        super().__init__(views, settings)
        self.statuses = label_statuses(self.catalog)
        self.label_links = LabelLinks(settings)
        self.label_name = str(settings["RESULTS_LABEL_NAME"])

    def status(self, structure: Structure) -> LabelStatus:
        return self.statuses.get(structure.id, NO_LABEL)

    def _common(self) -> dict[str, Any]:
        return {
            "label_links": self.label_links, "label_name": self.label_name, "level_wording": LEVEL_WORDING,
            "level_rank": LEVEL_RANK,
        }

    def pages(self) -> list[PlannedPage]:
        overview = labels_overview(self.catalog, self.statuses, self.label_links)
        rows = overview["rows"]
        pages = [PlannedPage("LABELS", "labels", {**self._common(), **overview, "view": None})]
        for count in overview["level_counts"]:
            if count.url:
                pages.append(self._view("LABELS_LEVEL", count.key, count.key, f"niveau {count.title.lower()}",
                                        f"Niveau {count.title}", "de ce niveau",
                                        [row for row in rows if row.label.level == count.key]))
        for count in overview["network_counts"]:
            if count.url:
                network = self.catalog.networks[count.key]
                pages.append(self._view("LABELS_NETWORK", network.slug, network.id, f"réseau {network.short_name}",
                                        network.short_name, "de ce réseau",
                                        [row for row in rows if row.network.id == network.id]))
        for count in overview["region_counts"]:
            if count.url:
                region = self.catalog.regions[count.key]
                pages.append(self._view("LABELS_REGION", region.slug, region.code, f"région {region.name}",
                                        region.name, "de cette région",
                                        [row for row in rows if row.structure.region_code == region.code]))
        return pages

    def _view(
        self, kind: str, slug: str, id_: str, title: str, crumb: str, of: str, rows: list[LabelRow]
    ) -> PlannedPage:
        """One static view of the list (by level, network or région), reachable without JavaScript."""
        view = {"title": title, "crumb": crumb, "of": of}
        return PlannedPage(kind, "labels", {**self._common(), "rows": rows, "view": view}, {"slug": slug, "id": id_})

    def extend(self, template: str, values: dict[str, Any]) -> dict[str, Any]:
        if template != "structure":
            return {}
        structure: Structure = values["structure"]
        status = self.status(structure)
        extra: dict[str, Any] = {**self._common(), "label_status": status}
        if status.label is None:
            return extra
        extra["label_badge"] = badge_svg(status, self.label_name, element_id="badge-label")
        if status.is_current:
            badge_url, _ = self.label_links.badge(structure)
            extra["label_embed"] = embed_snippet(
                public_url(self.settings, badge_url),
                public_url(self.settings, self.links.structure(structure)),
                badge_title(status, self.label_name),
                badge_size(extra["label_badge"]),
            )
            extra["label_embed_base"] = public_base(self.settings)
            extra["label_embed_local"] = not str(self.settings.get("SITEURL") or "").startswith(("http://", "https://"))
        return extra

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        for structure_id, status in self.statuses.items():
            structure = self.catalog.structures.get(structure_id)
            if structure is None or status.label is None:
                continue
            path = confined_path(output_path, self.label_links.badge(structure)[1])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(badge_file(status, self.label_name), encoding="utf-8")
