"""Charts on pages: which chart each page shows, built from the views' figures and published once.

The home, network and indicator charts (a few dozen) are built in `prepare` (generate_context).
Structure charts (one per structure: 15 000 at national scale) are built as their pages come, in
the order their pages are written: a chart whose SVG is in the cache is written next to its page at
once, and only that page's chart is built; when one must be rendered, the next ones are built too, up
to `BATCH` structures, rendered in one pass of the spawn pool, each written as soon as its SVG exists.
So the build holds at most one batch of charts, views (`ChartView`) and figures, never every
structure's, and a build whose charts are all in the cache holds one structure's. At the end, cache
entries no chart of the build used are pruned.
"""

from __future__ import annotations

import logging
import posixpath
import statistics
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from .charts import (
    ChartBuilder,
    ChartPublisher,
    ChartView,
    DataFiles,
    DepartementValue,
    MapMeasure,
    RenderSettings,
    StructureValue,
    TrendPanel,
    WideImage,
    chart_paths,
    indicator_measure,
    points_from_aggregates,
    points_from_results,
)
from .core.translations import label
from .i18n.formats import N_
from .i18n.marking import mark_french
from .i18n.sites import site_languages
from .model import Indicator, Network, Structure
from .pages import Page
from .sections import Section, Site

logger = logging.getLogger(__name__)

REFERENCE_NAME = N_("Valeur du réseau")
REFERENCE_PHRASE = N_("la valeur du réseau")
MAP_NAME = "carte-departements"
DISTRIBUTION_NAME = "graphique-distribution"
WIDE_DISTRIBUTION_NAME = "graphique-distribution-large"
WIDE_SCREEN = "54rem"  # the wide distribution (800 px) fits the column from this viewport width on
HOME_MAP_NAME = "carte-departements-accueil"  # the home page's folder is the site's root: a name of its own


class ChartsSection(Section):
    """Structure, network, indicator and home charts (static SVG, enhanced by theme/js/charts.js)."""

    # Structure charts built (and rendered when the cache lacks them) together: large enough to keep the
    # spawn pool busy for a while per start, small enough that a batch's charts stay a few hundred MB.
    BATCH: ClassVar[int] = 1000

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        render_settings = RenderSettings.from_config(self.config)
        self.builder = ChartBuilder(self.formats, render_settings.cache_dir / "templates")
        self.output = Path(self.settings.get("OUTPUT_PATH", "output"))
        # files written as charts are drawn
        self.publisher = ChartPublisher(render_settings, self.output, self.formats.language)
        self.paths: dict[tuple[str, str], str] = {}  # (page kind + id, chart name) → base path
        self.latest_by_indicator = self.facts.latest_by_indicator
        self.published = 0
        self._ready: tuple[Page, dict[str, Any]] | None = None
        self._bases: dict[str, list[str]] = defaultdict(list)  # page key → base paths published for it
        self._carried: set[str] = set()  # page keys copied from the previous site: no chart to build
        self._pending: list[Structure] | None = None  # structures whose chart is not built yet, in page order
        self._built: set[str] = set()  # structure ids whose chart was built (published or not)
        self._rendered = self._hits = 0
        self._in_language: dict[str, Indicator] = {}  # indicator id → the indicator named in the build's language
        self._french_labels: frozenset[str] | None = None  # labels printed in French on this language's pages

    def prepare(self) -> None:
        """Build the site-wide charts and render what the cache lacks, in one pass; structure charts
        wait for their pages (`_build_structure_charts`)."""
        added = len(self.paths)
        self._add_home_chart()
        self._add_home_map()
        self._add_transparency_map()
        for network in self.catalog.networks.values():
            if f"network:{network.id}" not in self._carried:
                self._add_network_chart(network)
        for indicator in self.catalog.indicators.values():
            if f"indicator:{indicator.id}" not in self._carried:
                self._add_indicator_charts(indicator)
        self._render(len(self.paths) - added)

    def _render(self, added: int) -> None:
        """Render what the cache lacks of the `added` charts just added, and count them (distinct
        drawings: a map shown on two pages is one) for the build's log."""
        bases = list(self.paths.values())[len(self.paths) - added:] if added else []
        keys = {key for key in (self.publisher.files(base)[1] for base in bases) if key}
        report = self.publisher.render()
        self._rendered += report.rendered
        self._hits += max(0, len(keys) - report.rendered)

    def _build_structure_charts(self, structure: Structure) -> None:
        """Build the structure charts, in page order, up to `structure`'s: a chart the cache has is
        written at once, so while charts come from the cache only this page's is built; once one must be
        rendered, the next ones are built too, up to `BATCH` structures, and rendered together. Only one
        batch of charts (and of their figures) is alive at a time (the structure pages are written in
        catalog order)."""
        if self._pending is None:  # after `prepare`: the carried-over structures are known by now
            self._pending = [s for s in reversed(self.catalog.structures.values())
                             if f"structure:{s.id}" not in self._carried]
        while structure.id not in self._built and self._pending:
            added, batch = len(self.paths), 0
            while self._pending and (structure.id not in self._built or self.publisher.waiting > 0) \
                    and batch < self.BATCH:
                batch_structure = self._pending.pop()
                if batch_structure.id not in self._built:
                    self._built.add(batch_structure.id)
                    self._add_structure_chart(batch_structure)
                    batch += 1
            self._render(len(self.paths) - added)

    # -- the data's own words in the build's language ---------------------------------------------
    def _indicator(self, indicator: Indicator) -> Indicator:
        """The indicator with its label in the build's language (translations.csv; French when the
        package has none): a chart's titles, panel titles, sentences and tables say what its page says."""
        found = self._in_language.get(indicator.id)
        if found is None:
            text = label(indicator, self.formats.language, self.catalog.translations).text
            found = indicator if text == indicator.label else replace(indicator, label=text)
            self._in_language[indicator.id] = found
        return found

    def _name(self, record: Any, field: str = "") -> str:
        """A network's or structure's name in the build's language (French when untranslated)."""
        return label(record, self.formats.language, self.catalog.translations, field).text

    @property
    def french_labels(self) -> frozenset[str]:
        """The indicators' labels and networks' names this build prints in French for want of a
        translation (none on French pages): marked `lang="fr"` in the captions (`_marked`). Structure
        names are proper names, not translated (core/translations.py)."""
        if self._french_labels is None:
            language, translations = self.formats.language, self.catalog.translations
            fallbacks = [label(indicator, language, translations) for indicator in self.catalog.indicators.values()]
            fallbacks += [label(network, language, translations, field)
                          for network in self.catalog.networks.values() for field in ("name", "short_name")]
            self._french_labels = frozenset(found.text for found in fallbacks if found.fallback)
        return self._french_labels

    def _marked(self, view: ChartView, keep: tuple[str, ...] = ()) -> ChartView:
        """The view with the French labels of its caption and tables' captions in `<span lang="fr">`
        (escaped: the labels are the package's text); the `keep` names (a structure's) left whole."""
        french = self.french_labels
        if not french:
            return view
        return replace(view, title=mark_french(view.title, french, keep),
                       sentences=tuple(mark_french(sentence, french, keep) for sentence in view.sentences),
                       tables=tuple(replace(table, caption=mark_french(table.caption, french, keep))
                                    for table in view.tables))

    # -- collecting ------------------------------------------------------------------------------
    def _folder(self, kind: str, record: Any = None) -> str:
        """The folder of a page, where its chart files go (next to the HTML)."""
        return posixpath.dirname(self.urls.page(kind, record).save_as)

    def _add(self, key: str, name: str, folder: str, chart: Any, data_files: DataFiles = (),
             inline: bool = False, shared_csv: bool = False, shared_series: tuple[str, ...] = ()) -> None:
        """`shared_csv`: the chart's CSV holds no word of any language (codes, numbers, proper names: a
        distribution's, a map's), so the first language's run writes it and the others link to it.
        `shared_series`: rows of these series (a network's value on its structures' charts) go to one
        file shared by every page that draws them (charts/publish.py)."""
        base = posixpath.join(folder, name) if folder else name
        if shared_csv and chart.csv and self._csv_base(base) != base:
            data_files = ((self.formats.gettext("données CSV"), chart_paths(self._csv_base(base))["csv"]),)
            chart = replace(chart, csv="")
        self.publisher.add(chart, base, data_files, inline, shared_series)
        self.paths[(key, name)] = base

    def _csv_base(self, base: str) -> str:
        """Where the first language's run publishes the shared CSV of the chart at `base`: the same page
        without this run's language prefix (`en/indicateurs/x/graphique-distribution` → `indicateurs/…`)."""
        prefix = str(self.settings.get("LANGUAGE_PREFIX") or "")
        return base[len(prefix):] if prefix and base.startswith(prefix) else base

    def _aggregate_panel(self, indicator: Indicator, network_id: str | None = None) -> TrendPanel:
        """A national or network series, its change judged on the structures present at both ends
        and the sentence's word on who joined or left."""
        aggregates = self.views.aggregates
        named = self._indicator(indicator)
        series = points_from_aggregates(
            aggregates.national_series(indicator.id) if network_id is None
            else aggregates.network_series(network_id, indicator.id)
        )
        change = None
        if len(series) > 1:
            change = self.facts.comparisons.change(indicator.id, series[0].period, series[-1].period, network_id)
        return TrendPanel(named, series, change=change,
                          composition=self.facts.composition(indicator.id, self.formats, network_id))

    def _national_panels(self, indicators: list[Indicator]) -> list[TrendPanel]:
        return [self._aggregate_panel(indicator) for indicator in indicators]

    def _add_home_chart(self) -> None:
        panels = [panel for panel in self._national_panels(self.views.common_indicators) if panel.series]
        if panels:
            _ = self.formats.gettext
            chart = self.builder.trend("graphique-national", _("Évolution nationale des indicateurs communs"),
                                       panels, _("Ensemble des structures"))
            self._add("home", "graphique-national", self._folder("HOME"), chart)

    def _add_network_chart(self, network: Network) -> None:
        panels = [
            self._aggregate_panel(indicator, network.id)
            for indicator in self.catalog.indicators_of_network(network.id)
        ]
        panels = [panel for panel in panels if panel.series]
        if panels:
            _ = self.formats.gettext
            short_name = self._name(network, "short_name")
            chart = self.builder.trend(
                "graphique-reseau", _("Évolution des résultats du réseau {network}").format(network=short_name),
                panels, _("Réseau {network}").format(network=short_name))
            self._add(f"network:{network.id}", "graphique-reseau",
                      self._folder("NETWORK", network), chart)

    def _add_indicator_charts(self, indicator: Indicator) -> None:
        _ = self.formats.gettext
        folder = self._folder("INDICATOR", indicator)
        national = self._national_panels([indicator])
        named = self._indicator(indicator)
        if national[0].series:
            chart = self.builder.trend("graphique-tendance",
                                       _("Évolution nationale : {indicator}").format(indicator=named.label),
                                       national, _("Ensemble des structures"))
            self._add(f"indicator:{indicator.id}", "graphique-tendance", folder, chart)
        figure = self.views.national_figure(indicator)
        values = [
            StructureValue(structure.id, structure.name, latest.value)
            for structure, latest in self.latest_by_indicator.get(indicator.id, [])
            if figure.period is not None and latest.period == figure.period
        ]
        if values:
            title = _("Répartition des structures : {indicator}").format(indicator=named.label)
            median = statistics.median(v.value for v in values)
            chart = self.builder.distribution(DISTRIBUTION_NAME, title, named, values, figure.period, median)
            self._add(f"indicator:{indicator.id}", DISTRIBUTION_NAME, folder, chart, shared_csv=True)
            # The same figures drawn wider for wide screens: an image only (its data is the chart's CSV).
            wide = self.builder.distribution(DISTRIBUTION_NAME, title, named, values, figure.period, median,
                                             png=False, wide=True)
            csv_url = chart_paths(self._csv_base(posixpath.join(folder, DISTRIBUTION_NAME)))["csv"]
            self._add(f"indicator:{indicator.id}", WIDE_DISTRIBUTION_NAME, folder, replace(wide, csv=""),
                      ((_("données CSV"), csv_url),))
        self._add_indicator_map(indicator, folder)

    def _departement_values(self, indicator: Indicator, period_code: str) -> list[DepartementValue]:
        """Every département of the package with its value at `period_code` (None: no data)."""
        values = self.facts.departement_values.get((indicator.id, period_code), {})
        return [
            DepartementValue(code, departement.name, *values.get(code, (None, 0)),
                             url=self.links.departement(departement))
            for code, departement in self.catalog.departements.items()
        ]

    def _add_indicator_map(self, indicator: Indicator, folder: str) -> None:
        """The indicator's map on its page."""
        chart = self._indicator_map(indicator)
        if chart is not None:
            self._add(f"indicator:{indicator.id}", MAP_NAME, folder, chart, shared_csv=True)

    def _add_home_map(self) -> None:
        """The home page's map (RESULTS_HOME_MAP), built apart from its indicator's page: the home page is
        rendered every build, even when an incremental build carries the indicator's page over."""
        indicator = self.catalog.indicators.get(self.config.home_map) if self.config.home_map else None
        chart = None if indicator is None else self._indicator_map(indicator)
        if chart is not None:
            self._add("home", HOME_MAP_NAME, self._folder("HOME"), chart, shared_csv=True)

    def _indicator_map(self, indicator: Indicator) -> Any:
        """An indicator's map at its latest national period, or None when no département has a value."""
        figure = self.views.national_figure(indicator)
        if figure.period is None:
            return None
        values = self._departement_values(indicator, figure.period.code)
        if not any(item.value is not None for item in values):
            return None  # a network without local structures (one national service): no map to draw
        named = self._indicator(indicator)
        return self.builder.choropleth(
            MAP_NAME, self.formats.gettext("Carte par département : {indicator}").format(indicator=named.label),
            indicator_measure(named, figure.period, self.formats), values, figure.value,
        )

    def _add_transparency_map(self) -> None:
        """The transparency rate by département on the programme page: the monitoring's own figures
        (a late network's structures never count as publishing), so the map, the programme's tables
        and the territory pages give the same rate."""
        if "PROGRAMME" not in self.urls.kinds:
            return  # the monitoring section is not part of this site
        monitoring = self.facts.monitoring(self.config.monitoring_quarters, self.config.stale_grace_days)
        by_departement = monitoring.figures("departement_code")
        values = []
        for code, departement in self.catalog.departements.items():
            figures = by_departement.get(code)
            transparency = figures.transparency if figures is not None else None
            rate = transparency.rate if transparency is not None else None
            values.append(DepartementValue(
                code, departement.name, None if rate is None else 100 * rate,
                transparency.total if transparency is not None else 0, self.links.departement(departement),
                part=transparency.published if transparency is not None else None,
            ))
        if not any(item.value is not None for item in values):
            return
        overall = monitoring.figures().get(None)
        national = overall.transparency.rate if overall is not None else None
        _ = self.formats.gettext
        rate_name = _("Taux de transparence")
        measure = MapMeasure(rate_name, "percent", 0, _("au {date}").format(date=self.formats.date(monitoring.as_of)),
                             (("as_of", monitoring.as_of.isoformat()), ("unit", "percent")),
                             value_title=rate_name, count_title=_("Structures"),
                             legend_title=_("Taux de transparence par département"), part_title=_("Ayant publié"))
        chart = self.builder.choropleth(MAP_NAME, _("Carte par département : taux de transparence"), measure,
                                        values, None if national is None else 100 * national)
        self._add("programme", MAP_NAME, self._folder("PROGRAMME"), chart, shared_csv=True)

    def _add_structure_chart(self, structure: Structure) -> None:
        """The structure's trend, drawn from the figures its page and poster show (`StructureFigures`:
        its results are converted once): each indicator with a value, its network's series and the
        target at its latest period."""
        network_series = self.views.aggregates.network_series
        panels = [
            TrendPanel(self._indicator(figures.indicator), points_from_results(figures.history),
                       points_from_aggregates(network_series(structure.network_id, figures.indicator.id)),
                       figures.target)
            for figures in self.views.structure_figures.ahead(structure)
            if figures.latest is not None
        ]
        if panels:
            _ = self.formats.gettext
            title = _("Évolution des résultats : {structure}").format(structure=self._name(structure))
            chart = self.builder.trend(
                "graphique-evolution", title,
                panels, _("Cette structure"), _(REFERENCE_NAME), _(REFERENCE_PHRASE), png=False, own_csv=False,
            )
            self._add(f"structure:{structure.id}", "graphique-evolution",
                      self._folder("STRUCTURE", structure), chart, self._structure_data_files(structure),
                      inline=True,  # 15 000 pages nationally: the page carries the data, no spec file…
                      shared_series=(_(REFERENCE_NAME),))  # …but its network's rows, one file per network

    def _structure_data_files(self, structure: Structure) -> DataFiles:
        """One data file serves the chart and the download: the structure's results CSV (written by the
        downloads section just before the page) and its network's values (written with the network's
        page) hold every figure the chart draws, so the chart has no CSV of its own."""
        network = self.catalog.networks[structure.network_id]
        results = self.settings["STRUCTURE_DOWNLOAD_URL"].format(slug=structure.slug, id=structure.id, ext="csv")
        network_values = self.settings["NETWORK_AGGREGATES_URL"].format(slug=network.slug, id=network.id, ext="csv")
        _ = self.formats.gettext
        return ((_("données CSV"), results), (_("valeurs du réseau CSV"), network_values))

    # -- pages -----------------------------------------------------------------------------------
    def _publish(self, key: str, name: str, record: Any = None) -> Any:
        """The chart's view for its page (`record`: the page's structure, whose name is kept whole)."""
        base = self.paths.pop((key, name), None)
        if base is None:
            return None
        self.published += 1
        self._bases[key].append(base)
        keep = (self._name(record),) if isinstance(record, Structure) else ()
        return self._marked(self.publisher.publish(base, self.output), keep)

    @staticmethod
    def _with_wide(view: ChartView | None, wide: ChartView | None) -> ChartView | None:
        """A chart's view that shows its wide variant on wide screens."""
        if view is None or wide is None:
            return view
        return replace(view, wide=WideImage(wide.svg_url, wide.width, wide.height, WIDE_SCREEN))

    def _page_charts(self, page: Page) -> dict[str, Any]:
        if page.is_a("HOME"):
            return {"chart": self._publish("home", "graphique-national"),
                    "map_chart": self._publish("home", HOME_MAP_NAME)}
        if page.is_a("NETWORK"):
            return {"chart": self._publish(f"network:{page.record.id}", "graphique-reseau")}
        if page.is_a("STRUCTURE"):
            self._build_structure_charts(page.record)
            return {"chart": self._publish(f"structure:{page.record.id}", "graphique-evolution", page.record)}
        if page.is_a("INDICATOR"):
            key = f"indicator:{page.record.id}"
            return {"chart": self._publish(key, "graphique-tendance"),
                    "distribution_chart": self._with_wide(self._publish(key, DISTRIBUTION_NAME),
                                                          self._publish(key, WIDE_DISTRIBUTION_NAME)),
                    "map_chart": self._publish(key, MAP_NAME)}
        if page.is_a("PROGRAMME"):
            return {"map_chart": self._publish("programme", MAP_NAME)}
        return {}

    def write_page_files(self, page: Page) -> None:
        """The page's charts (their files are written by now), then forget them."""
        self._bases.pop(self._page_key(page) or "", None)
        self._ready = (page, self._page_charts(page))

    # -- incremental builds ----------------------------------------------------------------------
    @staticmethod
    def _page_key(page: Page) -> str | None:
        for kind in ("STRUCTURE", "NETWORK", "INDICATOR"):
            if page.is_a(kind):
                return f"{kind.lower()}:{page.record.id}"
        return None

    def inputs(self, page: Page) -> Any:
        """A structure's chart: its rows, its network's series, the target and the names (reference); a
        network's: its structures' rows; an indicator's (trend, distribution, map): the indicator's rows.
        The home chart shows every common indicator's national series: not declared."""
        digests = self.facts.digests
        if page.is_a("STRUCTURE"):
            return (digests.reference, digests.rows(page.record.id), digests.network_series(page.record.network_id))
        if page.is_a("NETWORK"):
            return digests.network(page.record)
        if page.is_a("INDICATOR"):
            return digests.indicator(page.record)
        # The home and programme pages (chart, maps) read the whole package: not declared.
        return super().inputs(page) if page.is_a("HOME") or page.is_a("PROGRAMME") else ()

    def page_files(self, page: Page) -> list[str]:
        return [file for base in self._bases.get(self._page_key(page) or "", [])
                for file in self.publisher.files(base)[0]]

    def page_notes(self, page: Page) -> list[str]:
        """The page's charts' cache keys, kept in the cache while the page is carried over."""
        keys = (self.publisher.files(base)[1] for base in self._bases.get(self._page_key(page) or "", []))
        return [key for key in keys if key]

    def carried(self, page: Page, notes: Any) -> None:
        key = self._page_key(page)
        if key is not None:
            self._carried.add(key)
            self.publisher.keep(list(notes or []))

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if self._ready is None or self._ready[0] is not page:
            return {}
        return self._ready[1]

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        written = self.published + self.publisher.write(output_path)
        logger.info("graphiques : %d rendus, %d repris du cache", self._rendered, self._hits)
        logger.info("graphiques : %d publiés", written)
        # Several languages: each run uses only its own charts, pruning would drop the others' renders.
        if self.config.chart_prune and len(site_languages(self.settings)) == 1:
            deleted = self.publisher.prune()
            if deleted:
                logger.info("graphiques : %d fichiers inutilisés retirés du cache", deleted)
