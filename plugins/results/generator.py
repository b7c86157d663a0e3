"""The thin Pelican glue: plans pages from the page kinds' declarations, then writes them.

`generate_context` loads the package, computes the build's facts once and lists every page
(kind × record); `generate_output` writes them one at a time — each page's context is computed just
before it is written and dropped after, so only one page's objects are alive at a time. A page whose
fingerprint (its declared inputs or else its values, the code, theme and settings) matches the
previous build's is copied from the previous site instead of rendered (`carryover`); pages that
declare their inputs are decided before the sections prepare, so no work is done for them. No business
logic here: numbers come from `facts` / `figures`, page values from `views` and the sections.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from . import feeds
from .carryover import CarryOver
from .compact_html import CompactTemplate
from .core.memory import give_back_memory
from .facts import Facts
from .identity import Features, Identity
from .kinds import all_kinds
from .load import load_catalog
from .pages import Page, Urls, check_unique_pages, write_order
from .sections import Section, Site, check_shadowing, merge_entries
from .settings import data_path, formats, parse_settings
from .views import SiteViews, wording

logger = logging.getLogger(__name__)


class ResultsGenerator(Generator):
    """Writes every page the declared page kinds list, then the sections' files and the site files."""

    def generate_context(self) -> None:
        config = parse_settings(self.settings)
        path = data_path(self.settings, config.data)
        kinds = all_kinds(config)
        facts = Facts(load_catalog(path), config.label_scheme)
        urls = Urls(self.settings, kinds, config.public_url)
        words = formats(config)
        views = SiteViews(facts, urls, config.small_sample, words, config.list_max_rows)
        self.site = Site(facts, views, urls, config, self.settings, words)
        identity = Identity.of(config, self.settings.get("THEME_STATIC_DIR", "theme"))
        features = Features.of(facts.catalog, config)
        data_words = views.data_words  # the data's own words in the build's language (French marked lang="fr")
        self.context.update(translated=data_words.localized, data_text=data_words.html, data_cell=data_words.cell,
                            french_data=data_words.french)
        self.context.update(programme=facts.catalog.info, links=views.links, wording=wording(words),
                            identity=identity, features=features)
        self.sections: list[Section] = [section(self.site) for section in config.section_classes()]
        planned = [kind for kind in kinds if kind.enabled is None or kind.enabled(self.site)]
        self.pages: list[Page] = write_order(
            urls.page(kind, record)
            for kind in planned
            for record in (kind.records(self.site) if kind.records is not None else [None])
        )
        # The menu lists only pages this package has (no "Labels" entry without labels).
        self.context["MENUITEMS"] = urls.menu(planned)
        check_unique_pages(self.pages)  # before any file is written: a French error naming both records
        catalog = facts.catalog
        records = [*catalog.structures.values(), *catalog.networks.values(), *catalog.indicators.values(),
                   *catalog.regions.values(), *catalog.departements.values(), *catalog.commitments.values()]
        self.carry_over = CarryOver(self.settings, shared=(*records, catalog))  # digested once, not per page
        self.carry_over.plan(self.pages, self.site, self.sections, self.context)  # before any work is done
        for section in self.sections:
            section.prepare()
        give_back_memory()  # loading and preparing freed more than the pages will hold at once
        logger.info("results: %d pages planned from %s", len(self.pages), path)

    def page_values(self, page: Page) -> dict[str, Any]:
        """The page's own context, then each section's entries (a key set twice, or a key of the
        site's shared context, is an error)."""
        values = dict(page.kind.context(page, self.site))
        check_shadowing(page, values, self.context, f"Le type de page {page.kind.name}")
        owners: dict[str, str] = {}
        for section in self.sections:
            merge_entries(page, values, section, section.extend(page, values), owners, self.context)
        return values

    def generate_output(self, writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        carry_over = self.carry_over
        for page in self.pages:
            if carry_over.carry_planned(page):
                continue  # same inputs: its HTML and files copied from the previous site, nothing computed
            for section in self.sections:
                section.write_page_files(page)
            values = self.page_values(page)
            fingerprint = carry_over.fingerprint(page, values, self.context)
            if carry_over.carry(page.save_as, fingerprint):
                continue  # same values, same HTML: copied from the previous site
            writer.write_file(
                page.save_as, CompactTemplate(self.get_template(page.kind.template)), self.context,
                relative_urls=relative, url=page.url, page_url=page.url, **values,
            )
            carry_over.rendered_page(page, fingerprint, self.sections)
        for section in self.sections:
            if carry_over.carry_files(section):
                continue  # what it reads did not change: its files copied from the previous site
            section.write_files(Path(self.output_path), self.context)
            carry_over.files_written(section)
        feeds.write_site_files(self, writer)
        carry_over.save()
