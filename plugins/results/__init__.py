"""Pelican plugin turning a programme's results Data Package into a static results site."""

from __future__ import annotations

from pelican import signals

from .formatting import JINJA_FILTERS
from .generator import ResultsGenerator
from .settings import apply_defaults


def _configure(pelican) -> None:
    apply_defaults(pelican.settings)
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings.get("JINJA_FILTERS", {}), **JINJA_FILTERS}


def _generators(pelican) -> type[ResultsGenerator]:
    return ResultsGenerator


def register() -> None:
    signals.initialized.connect(_configure)
    signals.get_generators.connect(_generators)
