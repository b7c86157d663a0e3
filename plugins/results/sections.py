"""Extension point: a *section* adds pages, page values or files to the site without touching the generator.

Built-in features (downloads, labels, users' voice, monitoring, charts) are sections, the way
Datasette's own features use its plugin hooks. A section is built once per build from the views.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .views import SiteViews


@dataclass(frozen=True)
class PlannedPage:
    """A page to write: its settings kind (`LABELS` → LABELS_URL / LABELS_SAVE_AS), template and values."""

    kind: str
    template: str
    values: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)  # formats the URL pattern ({slug}, {id}…)


class Section:
    """Base class: override what the feature needs; every hook defaults to doing nothing."""

    def __init__(self, views: SiteViews, settings: dict[str, Any]) -> None:
        self.views = views
        self.catalog = views.catalog
        self.settings = settings
        self.links = views.links

    def pages(self) -> list[PlannedPage]:
        """Extra pages this section writes."""
        return []

    def extend(self, template: str, values: dict[str, Any]) -> dict[str, Any]:
        """Extra values for a page about to be written (`template` names the page kind)."""
        return {}

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        """Non-HTML files (CSV, JSON, SVG…) written after the pages."""
