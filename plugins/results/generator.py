"""The thin Pelican glue: the site map in one screen.

`generate_context` loads the package and prepares every page's values; `generate_output` writes them.
No business logic here: numbers come from `figures`, page values from `views`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from . import feeds
from .charts_section import ChartsSection
from .downloads import DownloadsSection
from .label_pages import LabelsSection
from .load import load_catalog
from .monitoring import MonitoringSection
from .poster import PosterSection
from .sections import PlannedPage, Section
from .views import WORDING, SiteViews
from .voice import VoiceSection

# Features that plug into the generator through the Section hooks, in the order they run.
SECTIONS: tuple[type[Section], ...] = (
    VoiceSection,
    MonitoringSection,
    LabelsSection,
    PosterSection,
    DownloadsSection,
    ChartsSection,
)

logger = logging.getLogger(__name__)


class ResultsGenerator(Generator):
    """Writes the home, network, structure, indicator, territory and commitment pages."""

    def generate_context(self) -> None:
        data_path = Path(self.settings["RESULTS_DATA"])
        if not data_path.is_absolute() and not data_path.exists():
            data_path = Path(self.settings["PATH"]).parent / data_path  # relative to the project
        catalog = load_catalog(data_path)
        self.views = SiteViews(catalog, self.settings)
        self.pages: list[tuple[str, str, str, dict[str, Any]]] = []  # (save_as, url, template, values)
        self.context.update(programme=catalog.info, links=self.views.links, wording=WORDING)
        self.sections = [section(self.views, self.settings) for section in SECTIONS]
        self._plan_pages()
        logger.info("results: %d pages planned from %s", len(self.pages), data_path)

    def _add(self, kind: str, template: str, values: dict[str, Any], **fields: str) -> None:
        url = self.settings[f"{kind}_URL"].format(**fields) if f"{kind}_URL" in self.settings else ""
        save_as = self.settings[f"{kind}_SAVE_AS"].format(**fields)
        self.pages.append((save_as, url, template, values))

    def _plan_pages(self) -> None:
        views, catalog = self.views, self.views.catalog
        self._add("HOME", "home", {"page_kind": "home"})
        self._add("NETWORKS_INDEX", "networks", {})
        self._add("INDICATORS_INDEX", "indicators", {})
        self._add("TERRITORIES_INDEX", "territories", {})
        self._add("STRUCTURES_INDEX", "structures", {})
        self._add("COMMITMENTS", "commitments", {})
        self._add("NOT_FOUND", "404", {})
        for letter, structures in views.structures_by_letter().items():
            self._add("STRUCTURES_LETTER", "letter", {"letter": letter, "structures": structures},
                      slug=letter.lower(), id=letter)
        for network in catalog.networks.values():
            self._add("NETWORK", "network", {"network": network}, slug=network.slug, id=network.id)
        for structure in catalog.structures.values():
            self._add("STRUCTURE", "structure", {"structure": structure}, slug=structure.slug, id=structure.id)
        for indicator in catalog.indicators.values():
            self._add("INDICATOR", "indicator", {"indicator": indicator}, slug=indicator.slug, id=indicator.id)
        for region in catalog.regions.values():
            self._add("REGION", "region", {"region": region}, slug=region.slug, id=region.code)
        for departement in catalog.departements.values():
            self._add("DEPARTEMENT", "departement", {"departement": departement},
                      slug=departement.slug, id=departement.code)
        for section in self.sections:
            for page in section.pages():
                self._add_planned(page)

    def _add_planned(self, page: PlannedPage) -> None:
        self._add(page.kind, page.template, page.values, **page.fields)

    def _values(self, template: str, values: dict[str, Any]) -> dict[str, Any]:
        """Compute a page's values just before writing it, so only one page's figures live in memory."""
        values = self._core_values(template, values)
        for section in self.sections:
            values.update(section.extend(template, values))
        return values

    def _core_values(self, template: str, values: dict[str, Any]) -> dict[str, Any]:
        views, catalog = self.views, self.views.catalog
        if template == "home":
            return {**values, **views.home()}
        if template in ("networks", "structures", "territories", "indicators"):
            return {**values, **views.home(), "indicators": list(catalog.indicators.values()),
                    "departements": catalog.departements, "catalog": catalog}
        if template == "network":
            return {**values, **views.network(values["network"])}
        if template == "structure":
            return {**values, **views.structure(values["structure"])}
        if template == "indicator":
            return {**values, **views.indicator(values["indicator"])}
        if template == "region":
            region = values["region"]
            located = views.structures_by_region.get(region.code, [])
            departements = [d for d in catalog.departements.values() if d.region_code == region.code]
            return {**values, "departements": departements, **views.territory(located)}
        if template == "departement":
            departement = values["departement"]
            located = views.structures_by_departement.get(departement.code, [])
            return {**values, "region": catalog.regions[departement.region_code], **views.territory(located)}
        if template == "commitments":
            return {**values, **views.commitments()}
        return dict(values)

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        for save_as, url, template, values in self.pages:
            writer.write_file(
                save_as, self.get_template(template), self.context, relative_urls=relative, url=url,
                page_url=url, **self._values(template, values),
            )
        for section in self.sections:
            section.write_files(Path(self.output_path), self.context)
        feeds.write_site_files(self, writer)
