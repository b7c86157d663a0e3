"""Page contexts: ready-made values for each template, computed from the model and the figures.

Templates only lay these out; every number and sentence is decided here, so it can be unit-tested
without Pelican.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .changes import VERDICT_WORDING, Change
from .core.french import name_sort_key
from .core.periods import Period
from .facts import Facts, LatestValue, latest_values  # noqa: F401 (re-exported)
from .figures import AGGREGATION_WORDING, latest_period
from .i18n.data_words import DataWords
from .i18n.formats import N_, Formats
from .long_lists import GroupSummary, NetworkDepartement, is_long, summarise
from .model import Indicator, Network, Structure
from .pages import Urls
from .structure_figures import StructureFigures

# French wording of the data's codes, marked for extraction (N_) and translated per build by `wording`.
GRANULARITY_WORDING = {
    "site": N_("par site d'accueil"),
    "departement": N_("par département"),
    "region": N_("par région"),
    "national": N_("au niveau national"),
}
GROUP_WORDING = {"plus_proche": N_("Plus proche"), "plus_efficace": N_("Plus efficace"),
                 "plus_simple": N_("Plus simple")}
FAMILY_WORDING = {"performance": N_("Performance du service"),
                  "perceived_quality": N_("Qualité perçue par les usagers")}
DIRECTION_WORDING = {
    "higher": N_("Plus la valeur est élevée, mieux c'est"),
    "lower": N_("Plus la valeur est basse, mieux c'est"),
}
FREQUENCY_WORDING = {"monthly": N_("mensuelle"), "quarterly": N_("trimestrielle"), "yearly": N_("annuelle"),
                     "fiscal_yearly": N_("annuelle, par exercice (d'avril à mars)")}
TREND_WORDING = VERDICT_WORDING
STATUS_WORDING = {"final": N_("définitif"), "provisional": N_("provisoire"), "revised": N_("corrigé")}
PREVIOUS_WORDING = {
    "monthly": N_("le mois précédent"),
    "quarterly": N_("le trimestre précédent"),
    "yearly": N_("l'année précédente"),
    "fiscal_yearly": N_("l'exercice précédent"),
}
UNIT_WORDING = {
    "percent": N_("pourcentage (%)"), "days": N_("nombre de jours"), "minutes": N_("nombre de minutes"),
    "score_10": N_("note sur 10"), "points": N_("score de -100 à +100 (points)"),
}
LONG_LIST = 30  # structures: above this, a network's list is split by région with in-page links
# Scales a reader may not know, explained where their values are shown.
SCALE_WORDING = {
    "points": N_("Score de −100 à +100 : part des avis positifs moins part des avis négatifs ; "
                 "0 signifie autant des uns que des autres."),
}
WORDING = {
    "granularity": GRANULARITY_WORDING, "group": GROUP_WORDING, "family": FAMILY_WORDING,
    "direction": DIRECTION_WORDING, "frequency": FREQUENCY_WORDING, "trend": TREND_WORDING,
    "status": STATUS_WORDING, "previous": PREVIOUS_WORDING, "unit": UNIT_WORDING,
    "aggregation": AGGREGATION_WORDING, "scale": SCALE_WORDING,
}


def wording(formats: Formats) -> dict[str, dict[str, str]]:
    """Every code's wording in the build's language (the templates' `wording.trend[…]`)."""
    return {name: {code: formats.gettext(text) for code, text in table.items()} for name, table in WORDING.items()}


class Links:
    """Site-relative URLs of every page kind for templates (no leading slash), resolved by `Urls`."""

    def __init__(self, urls: Urls) -> None:
        self.urls = urls

    def structure(self, structure: Structure) -> str:
        return self.urls.url("STRUCTURE", structure)

    def network(self, network: Network) -> str:
        return self.urls.url("NETWORK", network)

    def indicator(self, indicator: Indicator) -> str:
        return self.urls.url("INDICATOR", indicator)

    def region(self, region: Any) -> str:
        return self.urls.url("REGION", region)

    def departement(self, departement: Any) -> str:
        return self.urls.url("DEPARTEMENT", departement)

    def network_departement(self, network: Network, departement: Any) -> str:
        """A big network's page for one département (only the fields of its address are needed)."""
        return self.urls.url("NETWORK_DEPARTEMENT", NetworkDepartement(network, departement, ()))

    def letter(self, letter: str) -> str:
        return self.urls.url("STRUCTURES_LETTER", (letter, []))

    def page(self, kind: str) -> str:
        """URL of a single-page kind (`links.page("OPEN_DATA")`)."""
        return self.urls.url(kind)

    def has(self, kind: str) -> bool:
        """Whether the site declares this page kind (a site may leave a section out, search included)."""
        return kind in self.urls.kinds


@dataclass(frozen=True)
class AggregateFigure:
    """A network-wide or national value for one indicator at its latest period, with its change
    since the previous period computed on the structures present at both (`changes.matched_change`)."""

    indicator: Indicator
    period: Period | None
    value: float | None
    count: int
    method: str
    comparison: Change | None = None

    @property
    def change(self) -> float | None:
        return None if self.comparison is None else self.comparison.delta

    @property
    def trend(self) -> str | None:
        return None if self.comparison is None else self.comparison.verdict



def aggregate_figure(series: list[tuple[Period, float, int]], indicator: Indicator,
                     compare: Callable[[Period, Period], Change | None] | None = None) -> AggregateFigure:
    """The series' latest point; `compare(since, until)` gives the like-with-like change."""
    if not series:
        return AggregateFigure(indicator, None, None, 0, indicator.aggregation)
    period, value, count = series[-1]
    published = {p for p, _v, _c in series}
    comparison = None
    if compare is not None and period.previous() in published:
        comparison = compare(period.previous(), period)
    return AggregateFigure(indicator, period, value, count, indicator.aggregation, comparison)


class SiteViews:
    """Builds the context of every page from the build's facts (one instance per build)."""

    def __init__(self, facts: Facts, urls: Urls, small_sample: int, formats: Formats, list_max_rows: int = 500) -> None:
        self.facts = facts
        self.list_max_rows = list_max_rows  # RESULTS_LIST_MAX_ROWS: longer lists are summarised (long_lists)
        self.formats = formats
        self.catalog = facts.catalog
        self.data_words = DataWords(formats.language, facts.catalog.translations)
        self.urls = urls
        self.settings = urls.settings
        self.links = Links(urls)
        self.aggregates = facts.aggregates
        self.latest = facts.latest
        self.small_sample = small_sample
        self.common_indicators = facts.common_indicators
        self.structures_sorted = facts.structures_sorted
        self.children = facts.children
        self.structure_figures = StructureFigures(facts.catalog, facts.aggregates, small_sample)

    # -- shared pieces ---------------------------------------------------------------------------
    def national_figure(self, indicator: Indicator) -> AggregateFigure:
        def compare(since: Period, until: Period) -> Change | None:
            return self.facts.comparisons.change(indicator.id, since, until)

        return aggregate_figure(self.aggregates.national_series(indicator.id), indicator, compare)

    def network_figure(self, network: Network, indicator: Indicator) -> AggregateFigure:
        def compare(since: Period, until: Period) -> Change | None:
            return self.facts.comparisons.change(indicator.id, since, until, network.id)

        return aggregate_figure(self.aggregates.network_series(network.id, indicator.id), indicator, compare)

    def structure_rows(self, structures: list[Structure], indicators: list[Indicator]) -> list[dict[str, Any]]:
        """One table row per structure with its latest value for each of `indicators`."""
        return [
            {
                "structure": structure,
                "network": self.catalog.networks[structure.network_id],
                "values": [self.latest.get((structure.id, indicator.id)) for indicator in indicators],
            }
            for structure in structures
        ]

    def region_groups(self, structures: list[Structure]) -> list[dict[str, Any]]:
        """A long list (more than LONG_LIST structures) split by région, each group with an anchor, so a
        reader jumps to theirs from a list of links at the top; a short list stays whole (an empty list
        here). Groups in région order, as a reader expects; structures keep their order within each."""
        if len(structures) <= LONG_LIST:
            return []
        by_region: dict[str, list[Structure]] = defaultdict(list)
        for structure in structures:
            by_region[structure.region_code].append(structure)
        regions = self.catalog.regions
        ordered = sorted(by_region, key=lambda code: (code not in regions, name_sort_key(regions[code].name)
                                                       if code in regions else ""))
        return [
            {
                "name": regions[code].name if code in regions else self.formats.gettext("Niveau national"),
                "anchor": f"region-{regions[code].slug if code in regions else 'national'}",
                "structures": by_region[code],
            }
            for code in ordered
        ]

    def rows_by_departement(self, structures: list[Structure], indicators: list[Indicator]) -> list[dict[str, Any]]:
        """A région's long list split by département (in code order, as the région page lists them), each
        group with an anchor and its table rows; a short list stays whole (an empty list here)."""
        if len(structures) <= LONG_LIST:
            return []
        by_departement: dict[str, list[Structure]] = defaultdict(list)
        for structure in structures:
            by_departement[structure.departement_code].append(structure)
        departements = self.catalog.departements
        return [
            {
                "name": f"{departements[code].name} ({code})" if code in departements
                else self.formats.gettext("Niveau régional"),
                "anchor": f"departement-{departements[code].slug if code in departements else 'region'}",
                "rows": self.structure_rows(by_departement[code], indicators),
            }
            for code in sorted(by_departement, key=lambda code: (code not in departements, code))
        ]

    def rows_by_region(self, structures: list[Structure], indicators: list[Indicator]) -> list[dict[str, Any]]:
        """`region_groups` with each structure's table row (its latest value for each of `indicators`)."""
        return [{**group, "rows": self.structure_rows(group["structures"], indicators)}
                for group in self.region_groups(structures)]

    def publishing_share(self, structures: list[Structure]) -> tuple[Period | None, int, int]:
        """Latest period of these structures' results, and how many of them have a value for it."""
        ids = {structure.id for structure in structures}
        results = self.catalog.results
        mine = results[results["structure_id"].isin(ids)]
        period = latest_period(mine)
        if period is None:
            return None, 0, len(structures)
        published = mine.loc[mine["value"].notna() & (mine["period_key"] == period.end), "structure_id"].nunique()
        return period, int(published), len(structures)

    # -- pages -----------------------------------------------------------------------------------
    def home(self) -> dict[str, Any]:
        networks = sorted(self.catalog.networks.values(), key=lambda n: name_sort_key(self.data_words.text(n)))
        structure_counts = defaultdict(int)
        for structure in self.catalog.structures.values():
            structure_counts[structure.network_id] += 1
        return {
            "national_figures": [self.national_figure(i) for i in self.common_indicators],
            "networks": [(n, structure_counts[n.id]) for n in networks],
            "regions": sorted(self.catalog.regions.values(), key=lambda r: name_sort_key(r.name)),
            "letters": self.facts.letters(),
            "structure_count": len(self.catalog.structures),
        }

    def network(self, network: Network) -> dict[str, Any]:
        structures = sorted(self.catalog.structures_of_network(network.id), key=lambda s: (name_sort_key(s.name), s.id))
        indicators = self.catalog.indicators_of_network(network.id)
        period, published, total = self.publishing_share(structures)
        if is_long(len(structures), self.list_max_rows):
            # Listed by département on pages of their own (NETWORK_DEPARTEMENT); here only those without one.
            unplaced = [s for s in structures if s.departement_code not in self.catalog.departements]
            listed, groups, summary = unplaced, [], self.network_departement_summary(network, structures)
        else:
            listed, groups, summary = structures, self.rows_by_region(structures, indicators), []
        return {
            "network": network,
            "granularity": self.formats.gettext(GRANULARITY_WORDING[network.granularity]),
            "indicators": indicators,
            "figures": [self.network_figure(network, indicator) for indicator in indicators],
            "table_indicators": indicators,
            "rows": self.structure_rows(listed, indicators),
            "row_groups": groups,
            "departement_summary": summary,
            "latest_period": period,
            "published": published,
            "total": total,
        }

    def structure(self, structure: Structure) -> dict[str, Any]:
        catalog = self.catalog
        network = catalog.networks[structure.network_id]
        return {
            "structure": structure,
            "network": network,
            "parent": catalog.structures.get(structure.parent_id),
            "children": self.children.get(structure.id, []),
            "departement": catalog.departements.get(structure.departement_code),
            "region": catalog.regions.get(structure.region_code),
            "figures": self.structure_figures.of(structure),  # the same objects as its chart's and poster's
            "small_sample": self.small_sample,
            "network_updated_on": self.facts.network_updated_on.get(network.id),  # the footer's date
        }

    def indicator(self, indicator: Indicator) -> dict[str, Any]:
        catalog = self.catalog
        national = self.national_figure(indicator)
        if indicator.is_common:
            structures = list(catalog.structures.values())
            networks = sorted(catalog.networks.values(), key=lambda n: name_sort_key(self.data_words.text(n)))
        else:
            structures = catalog.structures_of_network(indicator.network_id)
            networks = [catalog.networks[indicator.network_id]]
        rows = []
        for structure in structures:
            latest = self.latest.get((structure.id, indicator.id))
            if latest is not None and national.period is not None and latest.period == national.period:
                rows.append((structure, latest))
        best_first = indicator.direction == "lower"
        long_list = is_long(len(rows), self.list_max_rows)
        rows.sort(key=lambda row: (row[1].value if best_first else -row[1].value, name_sort_key(row[0].name)))
        return {
            "indicator": indicator,
            "network": catalog.networks.get(indicator.network_id),
            "commitment": catalog.commitments.get(indicator.commitment_id),
            "family": self.formats.gettext(FAMILY_WORDING[indicator.family]),
            "direction": self.formats.gettext(DIRECTION_WORDING[indicator.direction]),
            "frequency": self.formats.gettext(FREQUENCY_WORDING[indicator.frequency]),
            "national": national,
            "network_figures": [(n, self.network_figure(n, indicator)) for n in networks],
            "rows": [] if long_list else [{"structure": s, "network": catalog.networks[s.network_id], "latest": v}
                                          for s, v in rows],
            "row_summary": self.indicator_summary(indicator, rows) if long_list else [],
            "listed_count": len(rows),
            "missing_count": len(structures) - len(rows),
        }

    def indicator_summary(self, indicator: Indicator, rows: list[tuple[Structure, Any]]) -> list[GroupSummary]:
        """An indicator's long list by network (common indicator) or by département (a network's own),
        each group leading to where its structures are listed with their value."""
        catalog, links = self.catalog, self.links
        if indicator.is_common:
            networks = catalog.networks
            return summarise(((s.network_id, v.value) for s, v in rows), lambda key: networks[key].name,
                             lambda key: f"{links.network(networks[key])}#structures", networks.get)
        network = catalog.networks[indicator.network_id]
        departements = catalog.departements
        split = is_long(len(catalog.structures_of_network(network.id)), self.list_max_rows)

        def name(code: str) -> str:
            return f"{departements[code].name} ({code})" if code in departements else self.formats.gettext(
                "Sans département")

        def url(code: str) -> str:
            if not split:
                return f"{links.network(network)}#structures"
            if code in departements:
                return links.network_departement(network, departements[code])
            return f"{links.network(network)}#sans-departement"

        return summarise(((s.departement_code, v.value) for s, v in rows), name, url)

    def network_departement_summary(self, network: Network, structures: list[Structure]) -> list[GroupSummary]:
        """A big network's structures counted by département, each leading to its NETWORK_DEPARTEMENT page."""
        departements, counts = self.catalog.departements, defaultdict(int)
        for structure in structures:
            if structure.departement_code in departements:
                counts[structure.departement_code] += 1
        return [GroupSummary(f"{departements[code].name} ({code})",
                             self.links.network_departement(network, departements[code]), counts[code])
                for code in sorted(counts)]

    def network_departement(self, part: Any) -> dict[str, Any]:
        """A big network's structures in one département, with the latest value of each of its indicators."""
        indicators = self.catalog.indicators_of_network(part.network.id)
        return {"network": part.network, "departement": part.departement,
                "region": self.catalog.regions.get(part.departement.region_code),
                "table_indicators": indicators, "rows": self.structure_rows(list(part.structures), indicators)}

    def territory(self, structures: list[Structure], listed: bool = True) -> dict[str, Any]:
        """A territory's structures with their latest common values (`listed=False`: counted only, a
        région too big for one page lists them on its départements' pages)."""
        structures = sorted(structures, key=lambda s: (name_sort_key(s.name), s.id))
        return {
            "structure_count": len(structures),
            "rows": self.structure_rows(structures, self.common_indicators) if listed else [],
            "table_indicators": self.common_indicators,
            "national_figures": [self.national_figure(i) for i in self.common_indicators],
        }

    def commitments(self) -> dict[str, Any]:
        groups: dict[str, list[tuple[Any, list[Indicator]]]] = defaultdict(list)
        for commitment in self.catalog.commitments.values():
            measured_by = [i for i in self.catalog.indicators.values() if i.commitment_id == commitment.id]
            groups[commitment.group].append((commitment, measured_by))
        return {"groups": [(self.formats.gettext(GROUP_WORDING[g]), items) for g, items in groups.items()]}

