"""The programme's identity as templates read it: its name, logo, label, feedback service, titles.

A programme is not written into the templates: another country's (or another ministry's) programme
sets these in pelicanconf.py (`RESULTS_PROGRAMME_NAME`, `RESULTS_LOGO`, `RESULTS_LABEL_*`,
`RESULTS_FEEDBACK_*`, `RESULTS_COMMITMENTS_TITLE`, see docs/settings.md); the defaults are the
French Services Publics+ programme's. Pure data: no Pelican, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .labels import LabelScheme


@dataclass(frozen=True)
class Identity:
    """Everything a page says about the programme itself rather than about its data."""

    programme_name: str
    logo: str  # site-relative address of the logo under theme/ ("" for none)
    label: LabelScheme | None  # None: the programme has no quality label
    feedback_name: str
    feedback_url: str  # the programme-wide feedback form, for networks without their own ("" for none)
    commitments_title: str

    @classmethod
    def of(cls, config: Any, theme_static_dir: str = "theme") -> Identity:
        """From the parsed `ResultsSettings`; the logo is published under THEME_STATIC_DIR."""
        logo = f"{theme_static_dir.strip('/')}/{config.logo}" if config.logo else ""
        return cls(config.programme_name, logo, config.label_scheme, config.feedback_name, config.feedback_url,
                   config.commitments_title)


@dataclass(frozen=True)
class Features:
    """Which of the programme's optional parts this package has, so that a site never shows an empty
    shell: a package without labels (or a programme without a label), without users' experiences or
    without improvement actions simply has no such pages, sections, columns, links or filters."""

    labels: bool
    experiences: bool
    actions: bool

    @property
    def voice(self) -> bool:
        """Users' voice on a page: their experiences, or the actions the service took."""
        return self.experiences or self.actions

    @classmethod
    def of(cls, catalog: Any, config: Any) -> Features:
        """From the loaded catalog (an absent table loads as an empty list) and the settings."""
        return cls(
            labels=config.label_scheme is not None and bool(catalog.labels),
            experiences=bool(catalog.experiences),
            actions=bool(catalog.actions),
        )
