"""Pelican plugin turning a programme's results Data Package into a static results site."""

from __future__ import annotations

from .formatting import JINJA_FILTERS
from .settings import apply_defaults


def _configure(pelican) -> None:
    apply_defaults(pelican.settings)
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings.get("JINJA_FILTERS", {}), **JINJA_FILTERS}


def _generators(pelican) -> type:
    # Imported here, not at module level: chart render workers import this package and must not pay
    # for Pelican and pandas at start-up.
    from .generator import ResultsGenerator

    return ResultsGenerator


def register() -> None:
    from pelican import signals

    signals.initialized.connect(_configure)
    signals.get_generators.connect(_generators)
