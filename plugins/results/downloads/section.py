"""Open data as a site section: per-page CSV/XLSX/JSON, the full package, the JSON API, the data page.

Page files are written from `extend`, just before their page: the page's links show each file's
size, and only one page's rows are encoded at a time. Everything shared (encoded columns, row
groups) is prepared once, on first use, and kept on this instance (one per build).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..core.sizes import file_size
from ..core.translations import label
from ..i18n.formats import N_, Formats
from ..i18n.sites import Language, current_language, is_first_run, site_languages
from ..model import Departement, Indicator, Network, Region, Structure
from ..pages import Page, PageKind
from ..sections import Section, Site
from ..settings import data_path
from . import datapage
from .about import AboutText, Provenance
from .aggregates import aggregate_rows
from .api import API_VERSION, Api
from .columns import (
    AGGREGATE_COLUMNS,
    INDICATOR_FILE,
    NETWORK_FILE,
    STRUCTURE_FILE,
    TERRITORY_FILE,
    DocumentedColumns,
)
from .extracts import Download, DownloadGroup, ExtractWriter, PageExtract
from .package import network_files, publish_package
from .rows import EncodedResults, csv_text

logger = logging.getLogger(__name__)
NO_ROWS = np.empty(0, dtype=np.int64)
LATEST_SCOPE = N_(
    "Dernière valeur publiée de chaque structure pour chaque indicateur : une ligne par structure et "
    "indicateur. L'historique complet de chaque structure se télécharge depuis sa page."
)


OPEN_DATA = PageKind("OPEN_DATA", "open_data", "donnees/", "donnees/index.html",
                     menu_title=N_("Données ouvertes"), menu_order=70)
# `api/` and `api/v2/` answer with a page listing the documents, not a 404 (a reader tries them);
# `api/v1/` says that version was withdrawn and where its documents went (README, « Fichiers publiés »).
API_HOME = PageKind("API_HOME", "api", "api/", "api/index.html")
API_VERSION_HOME = PageKind("API_VERSION_HOME", "api", "api/v2/", "api/v2/index.html")
API_RETIRED = PageKind("API_RETIRED", "api", "api/v1/", "api/v1/index.html", in_sitemap=False)


@dataclass
class _Prepared:
    encoded: EncodedResults
    by_structure: dict[str, np.ndarray]
    latest_by_structure: dict[str, np.ndarray]
    by_network: dict[str, np.ndarray]
    by_indicator: dict[str, np.ndarray]
    by_region: dict[str, np.ndarray]
    by_departement: dict[str, np.ndarray]
    history_by_indicator: dict[str, np.ndarray]
    writer: ExtractWriter
    api: Api


class DownloadsSection(Section):
    """Every number on the site, downloadable at a stable URL in a form reuse tools open correctly."""

    kinds = (OPEN_DATA, API_HOME, API_VERSION_HOME, API_RETIRED)

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        settings = self.settings
        self.output = Path(settings["OUTPUT_PATH"])
        self.descriptor_path = data_path(settings, self.config.data)
        self.descriptor = json.loads(self.descriptor_path.read_text(encoding="utf-8"))
        self.columns = DocumentedColumns.of(self.descriptor)  # fails now, in French, if a copied field is gone
        self.site_url = self.urls.site_url
        self.public_url = self.urls.public_base
        contributors = self.descriptor.get("contributors", [])
        publishers = [c.get("title", "") for c in contributors if c.get("role") == "publisher"]
        publisher = (publishers or [settings.get("AUTHOR") or self.catalog.info.title])[0]
        self.provenance = Provenance(self.catalog.info, publisher, self.public(self.urls.url("OPEN_DATA")),
                                     self.formats)
        # Every language of the build, each with its provenance: a workbook has one "about" sheet per language.
        self.language = current_language(settings)
        data_page = self.urls.url("OPEN_DATA").removeprefix(self.language.prefix)
        self.languages: tuple[tuple[Language, Provenance], ...] = tuple(
            (language, self.provenance if language == self.language else Provenance(
                self.catalog.info, publisher, self.public(language.prefix + data_page), Formats(language.locale)))
            for language in site_languages(settings)
        )
        self._prepared: _Prepared | None = None
        self._written: set[tuple[str, str]] = set()
        self._ready: tuple[Page, dict[str, Any]] | None = None  # the files of the page about to be written
        self._files: tuple[Page, list[str]] | None = None  # what that page's files are (incremental builds)
        self._seconds = 0.0  # time spent here, logged at the end: downloads must not dominate a build
        self.writes_files = is_first_run(settings)  # the other languages link to the first one's files

    # -- URLs ----------------------------------------------------------------------------------
    def public(self, url: str) -> str:
        """Absolute URL for citations, files that travel alone and search engines."""
        return self.urls.public(url)

    def _about(self, link: str, words: Callable[[Formats], tuple[str, str]]) -> tuple[AboutText, ...]:
        """A file's title and scope (`words(formats)`) in each language of the build, with the page's address
        in that language: what each of its workbook's "about" sheets says."""
        base = link.removeprefix(self.language.prefix)
        return tuple(AboutText(*words(provenance.formats), self.public(language.prefix + base))
                     for language, provenance in self.languages)

    def _name(self, record: Network | Indicator, formats: Formats, field: str = "") -> str:
        """A network's or indicator's name in `formats`' language (translations.csv), French as the fallback."""
        return label(record, formats.language, self.catalog.translations, field).text

    def _pattern(self, setting: str, slug: str, record_id: str) -> str:
        return self.settings[setting].format(slug=slug, id=record_id, ext="{ext}")

    @property
    def prepared(self) -> _Prepared:
        if self._prepared is None:
            encoded = EncodedResults(self.catalog, self.facts.latest_rows)
            self._prepared = _Prepared(
                encoded, encoded.by_structure(), encoded.latest_by("id"), encoded.latest_by("network_id"),
                encoded.latest_by_indicator(),
                encoded.latest_by("region_code"), encoded.latest_by("departement_code"),
                encoded.history_by_indicator(),
                ExtractWriter(encoded, self.provenance, self.output, self.columns, write=self.writes_files,
                              languages=tuple(provenance for _language, provenance in self.languages)),
                Api(self.views, encoded, self.provenance, self.site_url),
            )
        return self._prepared

    # -- hooks ---------------------------------------------------------------------------------
    def write_page_files(self, page: Page) -> None:
        """Write the page's files just before the page (it shows their sizes); one page's rows at a time."""
        started = time.perf_counter()
        try:
            urls = self.prepared.writer.urls if self._prepared is not None else None
            if urls is not None:
                urls.clear()
            self._ready = (page, self._page_files(page))
            self._files = (page, list(self.prepared.writer.urls) if self._prepared is not None else [])
        finally:
            self._seconds += time.perf_counter() - started

    def inputs(self, page: Page) -> Any:
        """A page's files: the result rows they hold (a structure's; a network's, a territory's
        structures'; an indicator's), the records (reference tables) and the descriptor (the citation's
        publisher comes from its contributors, the columns' descriptions from its schemas). The open
        data and API pages read the whole package: not declared (always computed)."""
        digests, record = self.facts.digests, page.record
        if page.is_a("STRUCTURE"):  # its document says its network's update date, not as_of
            rows: Any = digests.rows(record.id), self.facts.network_updated_on.get(record.network_id)
        elif page.is_a("NETWORK"):
            rows = digests.rows_of(self.catalog.structures_of_network(record.id))
        elif page.is_a("INDICATOR"):
            rows = digests.indicator_rows(record.id)
        elif page.is_a("REGION"):
            rows = digests.rows_of(self.facts.structures_by_region.get(record.code, []))
        elif page.is_a("DEPARTEMENT"):
            rows = digests.rows_of(self.facts.structures_by_departement.get(record.code, []))
        elif page.kind in self.kinds or page.is_a("HOME"):
            return super().inputs(page)
        else:
            return ()  # no file of this section belongs to the other pages
        dated = None if page.is_a("STRUCTURE") else digests.dated  # the package's version, in every other file
        descriptor = digests.once("descriptor", lambda: {  # its dates: `dated`, for the files that show them
            key: value for key, value in self.descriptor.items() if key not in ("version", "as_of", "releases")})
        return digests.reference, dated, rows, descriptor, self.provenance.site_url

    def page_files(self, page: Page) -> list[str]:
        if self._files is None or self._files[0] is not page:
            return []
        return self._files[1]

    def carried(self, page: Page, notes: Any) -> None:
        """A carried-over page keeps its files from the previous site: the API must not rewrite them."""
        for kind in ("STRUCTURE", "NETWORK", "INDICATOR"):
            if page.is_a(kind):
                self._written.add((kind.lower(), page.record.id))

    def _page_files(self, page: Page) -> dict[str, Any]:
        if page.is_a("STRUCTURE"):
            return {"downloads": self._structure(page.record)}
        if page.is_a("NETWORK"):
            return {"downloads": self._network(page.record)}
        if page.is_a("INDICATOR"):
            return {"downloads": self._indicator(page.record)}
        if page.is_a("REGION"):
            return {"downloads": self._territory(page.record, "REGION")}
        if page.is_a("DEPARTEMENT"):
            return {"downloads": self._territory(page.record, "DEPARTEMENT")}
        if page.kind is OPEN_DATA:
            return self._data_page()
        if page.kind in (API_HOME, API_VERSION_HOME, API_RETIRED):
            return self._api_page(page.kind)
        return {}

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if self._ready is None or self._ready[0] is not page:
            return {}
        return self._ready[1]

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        """API indexes, and the documents of any record whose page was not written."""
        if not self.writes_files:
            return
        started = time.perf_counter()
        self._write_api()
        self._seconds += time.perf_counter() - started
        writer = self.prepared.writer
        logger.info("open data: %d files (%s) written in %.1f s", writer.files_written,
                    file_size(writer.bytes_written), self._seconds)

    def _write_api(self) -> None:
        catalog, api = self.catalog, self.prepared.api
        for structure in catalog.structures.values():
            if ("structure", structure.id) not in self._written:
                self._structure(structure)
        for network in catalog.networks.values():
            if ("network", network.id) not in self._written:
                self._network(network)
        for indicator in catalog.indicators.values():
            if ("indicator", indicator.id) not in self._written:
                self._indicator(indicator)
        writer = self.prepared.writer
        writer.write_file(api.url("STRUCTURES"), api.structures_index().encode("utf-8"))
        writer.write_file(api.url("NETWORKS"), api.networks_index().encode("utf-8"))
        writer.write_file(api.url("INDICATORS"), api.indicators_index().encode("utf-8"))
        zip_url = self.settings["OPEN_DATA_ZIP_URL"].format(name=self.descriptor.get("name") or "donnees")
        index = api.index(f"{self.settings['OPEN_DATA_PACKAGE_URL']}datapackage.json", zip_url,
                          self.urls.url("OPEN_DATA"))
        writer.write_file(api.url("INDEX"), index.encode("utf-8"))

    # -- pages ---------------------------------------------------------------------------------
    def _with_json(self, groups: list[DownloadGroup], json_file: Download) -> list[DownloadGroup]:
        first = groups[0]
        return [DownloadGroup(first.title, first.description, (*first.files, json_file)), *groups[1:]]

    @staticmethod
    def _urls(groups: list[DownloadGroup]) -> dict[str, str]:
        """The files of a page, for the `downloads` member of its API document."""
        urls = {d.format: d.url for d in groups[0].files}
        for key, group in zip(("aggregates", "history"), groups[1:], strict=False):
            for file in group.files:
                urls["_".join(filter(None, (key, file.caption, file.format)))] = file.url
        return urls

    def _structure(self, structure: Structure) -> list[DownloadGroup]:
        state = self.prepared
        positions = state.by_structure.get(structure.id, NO_ROWS)
        _ = self.formats.gettext
        extract = PageExtract(
            _("Résultats : {name}").format(name=structure.name),
            _("Historique complet des résultats de la structure : une ligne par indicateur et par période, "
              "y compris les périodes sans valeur (voir missing_reason)."),
            self.public(self.links.structure(structure)),
            self._pattern("STRUCTURE_DOWNLOAD_URL", structure.slug, structure.id),
            positions, STRUCTURE_FILE,
            spreadsheet=False,  # 15 000 workbooks would weigh ~230 MB; the network's XLSX has these rows
        )
        groups = state.writer.write(extract)
        latest = state.latest_by_structure.get(structure.id, NO_ROWS)
        document = state.api.structure(structure, positions, latest, self._urls(groups))
        json_file = state.writer.write_file(state.api.structure_url(structure), document.encode("utf-8"))
        self._written.add(("structure", structure.id))
        return self._with_json(groups, json_file)

    def _network(self, network: Network) -> list[DownloadGroup]:
        state = self.prepared
        positions = state.by_network.get(network.id, NO_ROWS)
        aggregates = aggregate_rows(self.views, network_id=network.id)
        _ = self.formats.gettext

        def words(formats: Formats) -> tuple[str, str]:
            _ = formats.gettext
            name = self._name(network, formats, "short_name")
            return _("Résultats des structures du réseau {network}").format(network=name), _(LATEST_SCOPE)

        link = self.links.network(network)
        extract = PageExtract(
            *words(self.formats), self.public(link),
            self._pattern("NETWORK_DOWNLOAD_URL", network.slug, network.id), positions, NETWORK_FILE, aggregates,
            self._pattern("NETWORK_AGGREGATES_URL", network.slug, network.id),
            _("Valeurs du réseau {network}").format(network=self._name(network, self.formats, "short_name")),
            extra=self._network_history(network), about=self._about(link, words),
        )
        groups = state.writer.write(extract)
        document = state.api.network(network, positions, aggregates, self._urls(groups))
        json_file = state.writer.write_file(state.api.network_url(network), document.encode("utf-8"))
        self._written.add(("network", network.id))
        return self._with_json(groups, json_file)

    def _network_history(self, network: Network) -> tuple[DownloadGroup, ...]:
        """The network's full history is its own file of the published package (one per year for a big
        network), linked rather than copied: a copy next to the page cost 330 MB at national scale."""
        files = network_files(self.descriptor, self.descriptor_path.parent, self.settings["OPEN_DATA_PACKAGE_URL"],
                              network.id, self.formats)
        if not files:
            return ()
        _ = self.formats.gettext
        description = _(
            "Tous les résultats de toutes les structures du réseau, pour toutes les périodes publiées : le "
            "fichier du réseau tel que le jeu de données le publie, une ligne par structure, indicateur et "
            "période (les noms des structures et des indicateurs sont dans structures.csv et indicators.csv)."
        )
        if len(files) > 1:
            description += " " + _("Un fichier par année.")
        title = _("Historique complet du réseau {network}").format(
            network=self._name(network, self.formats, "short_name"))
        return (DownloadGroup(title, description, files),)

    def _indicator(self, indicator: Indicator) -> list[DownloadGroup]:
        state = self.prepared
        positions = state.by_indicator.get(indicator.id, NO_ROWS)
        aggregates = aggregate_rows(self.views, indicator_id=indicator.id)
        _ = self.formats.gettext

        def words(formats: Formats) -> tuple[str, str]:
            _ = formats.gettext
            return (_("Résultats : {name}").format(name=self._name(indicator, formats)),
                    _("Dernière valeur publiée de chaque structure pour cet indicateur : une ligne par structure."))

        link = self.links.indicator(indicator)
        extract = PageExtract(
            *words(self.formats), self.public(link),
            self._pattern("INDICATOR_DOWNLOAD_URL", indicator.slug, indicator.id), positions, INDICATOR_FILE,
            aggregates,
            self._pattern("INDICATOR_AGGREGATES_URL", indicator.slug, indicator.id),
            _("Valeur nationale et valeur de chaque réseau"),
            extra=(state.writer.history_zip(
                _("Historique complet : {name}").format(name=self._name(indicator, self.formats)),
                _("Tous les résultats de toutes les structures pour cet indicateur, pour toutes les périodes "
                  "publiées : une ligne par structure et période, dans un fichier CSV compressé (zip) que les "
                  "tableurs et pandas ouvrent directement, avec les mêmes colonnes que le fichier des "
                  "dernières valeurs."),
                self._pattern("INDICATOR_HISTORY_URL", indicator.slug, indicator.id),
                state.history_by_indicator.get(indicator.id, NO_ROWS),
            ),),
            about=self._about(link, words),
        )
        groups = state.writer.write(extract)
        document = state.api.indicator(indicator, positions, aggregates, self._urls(groups))
        json_file = state.writer.write_file(state.api.indicator_url(indicator), document.encode("utf-8"))
        self._written.add(("indicator", indicator.id))
        return self._with_json(groups, json_file)

    def _territory(self, territory: Region | Departement, kind: str) -> list[DownloadGroup]:
        state = self.prepared
        groups = state.by_region if kind == "REGION" else state.by_departement
        link = self.links.region(territory) if kind == "REGION" else self.links.departement(territory)
        _ = self.formats.gettext
        extract = PageExtract(
            _("Résultats des structures : {name}").format(name=territory.name), _(LATEST_SCOPE), self.public(link),
            self._pattern(f"{kind}_DOWNLOAD_URL", territory.slug, territory.code),
            groups.get(territory.code, NO_ROWS), TERRITORY_FILE,
            # CSV only (#15): 119 workbooks repeating these rows, ~40 MB nationally; every row is a
            # structure's latest value, in its network's and its indicators' XLSX too
            spreadsheet=False,
        )
        return state.writer.write(extract)

    def _api_page(self, kind: PageKind) -> dict[str, Any]:
        api = self.prepared.api
        return {
            "api_version": API_VERSION if kind is not API_HOME else "",
            "retired_version": "v1" if kind is API_RETIRED else "",
            "api_urls": {kind: api.url(kind) for kind in ("INDEX", "STRUCTURES", "NETWORKS", "INDICATORS")},
            "api_structure_pattern": self.settings["API_STRUCTURE_URL"],
        }

    # -- data page -----------------------------------------------------------------------------
    def _data_page(self) -> dict[str, Any]:
        settings, catalog, state = self.settings, self.catalog, self.prepared
        page_url = self.urls.url("OPEN_DATA")
        folder = settings["OPEN_DATA_PACKAGE_URL"]
        zip_url = settings["OPEN_DATA_ZIP_URL"].format(name=self.descriptor.get("name") or "donnees")
        files, zipped, results_file = publish_package(
            self.descriptor_path, self.output, folder, zip_url, self.provenance, self.public(page_url),
            settings["OPEN_DATA_RESULTS_URL"],
            write=self.writes_files, results_address=self.public(settings["OPEN_DATA_RESULTS_URL"]),
        )
        aggregates = state.writer.write_file(
            settings["OPEN_DATA_AGGREGATES_URL"].format(ext="csv"),
            csv_text(AGGREGATE_COLUMNS, [tuple(c.csv for c in row) for row in aggregate_rows(self.views)]),
        )
        example = min(catalog.structures.values(), key=lambda s: s.id) if catalog.structures else None
        periods = catalog.results["period"].unique().tolist()
        measured = [indicator.label for indicator in catalog.indicators.values()]
        return {
            "package_files": files,
            "package_zip": zipped,
            "package_folder": folder,
            "aggregates_file": aggregates,
            "dictionary": datapage.dictionary(self.descriptor, files, results_file, self.formats.gettext),
            "extract_fields": datapage.result_fields(self.columns.results, self.formats.gettext),
            "aggregate_fields": datapage.extract_fields(self.columns.aggregates, self.formats.gettext),
            "citation": self.provenance.citation(),
            "publisher": self.provenance.publisher,
            "public_url": self.public_url,
            "example_structure": example,
            "example_download": self._pattern("STRUCTURE_DOWNLOAD_URL", example.slug, example.id) if example else "",
            "results_file": results_file,
            "api_urls": {kind: state.api.url(kind) for kind in ("INDEX", "STRUCTURES", "NETWORKS", "INDICATORS")},
            "api_example": state.api.structure_url(example) if example else "",
            "api_version": API_VERSION,
            "api_retired_url": self.urls.url("API_RETIRED"),
            "api_structure_pattern": settings["API_STRUCTURE_URL"],
            "dataset_jsonld": datapage.dataset_jsonld(
                self.provenance, self.descriptor, page_url, [*files, *([results_file] if results_file else [])],
                zipped, self.public,
                datapage.temporal_coverage(periods), measured,
            ),
        }
