"""Users' voice and continuous improvement on structure and network pages (a `Section`).

Structure pages list the published experiences with the service's public answer, the improvement
actions they prompted ("Vous nous avez dit, nous avons fait") and a "Donner mon avis" link; network
pages count the experiences and list the latest actions. Everything is grouped once per build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .feedback import (
    ActionView,
    ExperienceFigures,
    VoiceIndex,
    experience_figures,
    feedback_url,
)
from .identity import Features
from .model import Indicator, Structure
from .pages import Page
from .sections import Section, Site


@dataclass(frozen=True)
class ActionLinks:
    """An action with the pages of what prompted it, resolved for the page that shows it."""

    view: ActionView
    structure: Structure | None  # the structure that leads the action
    experience_host: Structure | None  # page showing the experience; None when it is the current page
    indicator: Indicator | None


class VoiceSection(Section):
    """Adds `voice` to structure pages and `network_voice` to network pages."""

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.index = VoiceIndex(self.catalog)
        self.by_network: dict[object, ExperienceFigures] = experience_figures(self.facts.experience_frame,
                                                                              ["network_id"])
        self.recent_count = self.config.recent_actions
        self.features = Features.of(self.catalog, self.config)

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        if page.is_a("STRUCTURE"):
            return {"voice": self.structure_voice(page.record)}
        if page.is_a("NETWORK") and self.features.voice:
            return {"network_voice": self.network_voice(page.record.id)}
        return {}

    def inputs(self, page: Page) -> Any:
        """Experiences, actions, their structures and indicators: reference tables (a structure's and a
        network's voice); nothing on any other page."""
        if page.is_a("STRUCTURE") or page.is_a("NETWORK"):
            return self.facts.digests.reference
        return ()

    def _action_links(self, view: ActionView, page_structure_id: str) -> ActionLinks:
        same_page = view.experience_structure_id == page_structure_id
        return ActionLinks(
            view=view,
            structure=self.catalog.structures.get(view.action.structure_id),
            experience_host=None if same_page else self.catalog.structures.get(view.experience_structure_id),
            indicator=self.catalog.indicators.get(view.indicator_id) if view.indicator_id else None,
        )

    def structure_voice(self, structure: Structure) -> dict[str, Any]:
        experiences, actions = self.index.of_structure(structure.id)
        network = self.catalog.networks[structure.network_id]
        answered = sum(1 for experience in experiences if experience.answered)
        return {
            "experiences": experiences,
            "answered": answered,
            "actions": [self._action_links(view, structure.id) for view in actions],
            "feedback_url": feedback_url(network.feedback_url_template or self.config.feedback_url, structure.id),
            # the note "(formulaire du réseau …)" only when the network runs the form itself
            "feedback_from_network": bool(feedback_url(network.feedback_url_template, structure.id)),
        }

    def network_voice(self, network_id: str) -> dict[str, Any]:
        recent = self.index.recent_actions(network_id, self.recent_count)
        return {
            "figures": self.by_network.get(network_id, ExperienceFigures(0, 0, None)),
            "recent_actions": [self._action_links(view, "") for view in recent],
            "action_count": len(self.index.network_actions.get(network_id, [])),
        }
