"""Users' voice and continuous improvement as page-ready records: pure data, no Pelican, no templates.

Experiences and actions are grouped by structure and by network once per build, so that writing
15 000 structure pages never scans the whole list again. Figures about experiences (how many, share
answered, median time to answer) are computed with one pandas groupby for any grouping, so the network
pages, the programme page and the territory pages count exactly the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd

from .i18n.formats import N_
from .model import Action, Catalog, Experience

# French, marked for extraction; the template translates it (`_`) in the page's language.
ACTION_STATUS_WORDING = {"planned": N_("prévue"), "in_progress": N_("en cours"), "done": N_("réalisée")}
FOLD_AFTER_CHARS = 600  # longer texts are folded in a <details>
FOLD_START_CHARS = 240  # how much of a folded text its summary shows


def paragraphs(text: str) -> tuple[str, ...]:
    """User text split on blank or single line breaks: each becomes an escaped <p> in the template."""
    return tuple(line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip())


def text_start(text: str, limit: int = FOLD_START_CHARS) -> str:
    """The first words of a text, cut on a word boundary, for the summary of a folded text."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut.rstrip(" ,;:.!?…") + "…"


def feedback_url(template: str, structure_id: str) -> str:
    """The network's "Donner mon avis" address for one structure, or "" when none can be built.

    The structure code is URL-encoded; only http(s) addresses are used, so a malformed template can
    never become a `javascript:` link.
    """
    template = template.strip()
    if not template.lower().startswith(("https://", "http://")):
        return ""
    return template.replace("{structure_id}", quote(structure_id, safe=""))


def experience_anchor(experience_id: str) -> str:
    """Fragment identifier of an experience on its structure page (ids are already URL-safe)."""
    return f"experience-{experience_id.lower()}"


def action_anchor(action_id: str) -> str:
    return f"action-{action_id.lower()}"


@dataclass(frozen=True)
class ExperienceView:
    """One published experience as the structure page shows it."""

    experience: Experience
    anchor: str
    paragraphs: tuple[str, ...]
    answer_paragraphs: tuple[str, ...]
    folded: bool
    start: str
    answer_folded: bool
    answer_start: str
    days_to_answer: int | None
    actions: tuple[Action, ...]  # improvement actions this experience prompted

    @property
    def answered(self) -> bool:
        return bool(self.experience.answer.strip())


@dataclass(frozen=True)
class ActionView:
    """One improvement action with what prompted it (an experience on the same page or an indicator)."""

    action: Action
    anchor: str
    status_wording: str
    experience_anchor: str  # "" when no experience prompted it
    experience_title: str
    experience_structure_id: str  # the structure whose page shows that experience
    indicator_id: str  # "" when no indicator prompted it


def days_between(start: dt.date | None, end: dt.date | None) -> int | None:
    if start is None or end is None:
        return None
    return (end - start).days


def _folded(text: str) -> tuple[bool, str]:
    folded = len(text) > FOLD_AFTER_CHARS
    return folded, text_start(text) if folded else ""


class VoiceIndex:
    """Experiences and actions grouped by structure and network, newest first (built once per build)."""

    def __init__(self, catalog: Catalog) -> None:
        network_of = {s.id: s.network_id for s in catalog.structures.values()}
        experiences_by_id = {e.id: e for e in catalog.experiences}
        actions_by_experience: dict[str, list[Action]] = defaultdict(list)
        for action in catalog.actions:
            if action.experience_id:
                actions_by_experience[action.experience_id].append(action)

        self.experiences: dict[str, list[ExperienceView]] = defaultdict(list)
        for experience in sorted(catalog.experiences, key=lambda e: (e.published_on, e.id), reverse=True):
            self.experiences[experience.structure_id].append(
                self._experience_view(experience, actions_by_experience.get(experience.id, []))
            )
        self.actions: dict[str, list[ActionView]] = defaultdict(list)
        self.network_actions: dict[str, list[ActionView]] = defaultdict(list)
        for action in sorted(catalog.actions, key=lambda a: (a.date, a.id), reverse=True):
            view = self._action_view(action, experiences_by_id.get(action.experience_id))
            self.actions[action.structure_id].append(view)
            self.network_actions[network_of.get(action.structure_id, "")].append(view)

    @staticmethod
    def _experience_view(experience: Experience, actions: list[Action]) -> ExperienceView:
        folded, start = _folded(experience.text)
        answer_folded, answer_start = _folded(experience.answer)
        answered = bool(experience.answer.strip())
        return ExperienceView(
            experience=experience,
            anchor=experience_anchor(experience.id),
            paragraphs=paragraphs(experience.text),
            answer_paragraphs=paragraphs(experience.answer),
            folded=folded,
            start=start,
            answer_folded=answer_folded,
            answer_start=answer_start,
            days_to_answer=days_between(experience.published_on, experience.answered_on) if answered else None,
            actions=tuple(sorted(actions, key=lambda a: (a.date, a.id))),
        )

    @staticmethod
    def _action_view(action: Action, experience: Experience | None) -> ActionView:
        return ActionView(
            action=action,
            anchor=action_anchor(action.id),
            status_wording=ACTION_STATUS_WORDING.get(action.status, action.status),
            experience_anchor=experience_anchor(experience.id) if experience is not None else "",
            experience_title=experience.title if experience is not None else "",
            experience_structure_id=experience.structure_id if experience is not None else "",
            indicator_id=action.indicator_id,
        )

    def of_structure(self, structure_id: str) -> tuple[list[ExperienceView], list[ActionView]]:
        return self.experiences.get(structure_id, []), self.actions.get(structure_id, [])

    def recent_actions(self, network_id: str, limit: int) -> list[ActionView]:
        return self.network_actions.get(network_id, [])[:limit]


# -- figures about experiences (shared with the programme monitoring) -----------------------------------


@dataclass(frozen=True)
class ExperienceFigures:
    """How many experiences a group published, how many were answered and how fast."""

    published: int
    answered: int
    median_days: float | None

    @property
    def share_answered(self) -> float | None:
        return self.answered / self.published if self.published else None


NO_EXPERIENCES = ExperienceFigures(0, 0, None)


def experience_frame(experiences: Iterable[Experience], structures: pd.DataFrame) -> pd.DataFrame:
    """One row per experience with its structure's grouping keys (network, région, département).

    `structures` is indexed by structure id; `days` is the time to answer, in days, for answered ones.
    """
    rows = [
        (e.structure_id, e.published_on, bool(e.answer.strip()),
         days_between(e.published_on, e.answered_on) if e.answer.strip() else None)
        for e in experiences
    ]
    frame = pd.DataFrame(rows, columns=["structure_id", "published_on", "answered", "days"])
    frame["days"] = frame["days"].astype("float64")
    return frame.join(structures, on="structure_id")


def experience_figures(frame: pd.DataFrame, by: list[str]) -> dict[object, ExperienceFigures]:
    """Figures per group (`by` columns of `experience_frame`); `by=[]` gives one entry keyed `None`."""
    if frame.empty:
        return {}
    keyed = frame.assign(_all=None) if not by else frame
    grouped = keyed.groupby(by or ["_all"], dropna=False, sort=False).agg(
        published=("answered", "size"), answered=("answered", "sum"), median_days=("days", "median")
    )
    figures: dict[object, ExperienceFigures] = {}
    for key, row in grouped.iterrows():
        median = None if pd.isna(row["median_days"]) else float(row["median_days"])
        figures[None if not by else key] = ExperienceFigures(int(row["published"]), int(row["answered"]), median)
    return figures
