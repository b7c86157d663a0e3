"""A structure's figures, computed once per build and shared by its chart, its page and its poster.

Its results become objects (`Catalog.results_of_structure`) and figures (`IndicatorFigures`: history,
latest value, changes, target, network values) once. The charts section asks for them before the page
comes, a batch of structures at a time (`ahead`); the page, then its poster written right after it,
take them (`of`). The build holds the figures of the structures whose chart is built and whose page is
not written yet, and the current structure's: never every structure's.
"""

from __future__ import annotations

from collections import defaultdict

from .figures import Aggregates, IndicatorFigures, indicator_figures
from .model import Catalog, Result, Structure


class StructureFigures:
    """Each structure's `IndicatorFigures`, in its network's indicator order (indicators without any
    result left out), handed from its chart to its page and poster."""

    def __init__(self, catalog: Catalog, aggregates: Aggregates, small_sample: int) -> None:
        self.catalog = catalog
        self.aggregates = aggregates
        self.small_sample = small_sample
        self._ahead: dict[str, list[IndicatorFigures]] = {}  # structure id → figures its page has not taken
        self._current: tuple[str, list[IndicatorFigures]] | None = None  # the page being written, and its poster

    def compute(self, structure: Structure) -> list[IndicatorFigures]:
        """The structure's results converted to objects, then its figures for each indicator."""
        catalog = self.catalog
        by_indicator: dict[str, list[Result]] = defaultdict(list)
        for result in catalog.results_of_structure(structure.id):
            by_indicator[result.indicator_id].append(result)
        return [
            indicator_figures(indicator, by_indicator[indicator.id], structure.network_id, self.aggregates,
                              catalog.targets, self.small_sample)
            for indicator in catalog.indicators_of_network(structure.network_id)
            if by_indicator[indicator.id]
        ]

    def ahead(self, structure: Structure) -> list[IndicatorFigures]:
        """For a chart built before its page: kept until the page takes them (`of`)."""
        if self._current is not None and self._current[0] == structure.id:
            return self._current[1]
        figures = self._ahead.get(structure.id)
        if figures is None:
            figures = self._ahead[structure.id] = self.compute(structure)
        return figures

    def of(self, structure: Structure) -> list[IndicatorFigures]:
        """For the structure's page and its poster: the figures its chart used, else computed now. The
        previous structure's are let go."""
        if self._current is None or self._current[0] != structure.id:
            figures = self._ahead.pop(structure.id, None)
            self._current = (structure.id, figures if figures is not None else self.compute(structure))
        return self._current[1]
