"""The package's publication metadata: version, `releases` and `as_of` must move with new periods.

CONTRIBUTING.md §3 step 2 asks for all three when a quarter is published; the site builds without
them, but the release history, the Atom feed and the "données au" date then tell readers nothing
new. When some network publishes a period for the first time, each one left unchanged is a gap.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Publication:
    """Version and `as_of` on both sides (None on a side without a package), and the releases added."""

    version: tuple[str | None, str]
    as_of: tuple[str | None, str]
    added_releases: tuple[str, ...]  # versions of the `releases` entries that are new in head

    @property
    def version_changed(self) -> bool:
        return self.version[0] is not None and self.version[0] != self.version[1]

    @property
    def as_of_changed(self) -> bool:
        return self.as_of[0] is not None and self.as_of[0] != self.as_of[1]


def read_publication(base: dict | None, head: dict) -> Publication:
    """Version, `as_of` and added releases, as plain text whatever the descriptor holds."""
    before = {_release_version(r) for r in _releases(base)} if base is not None else set()
    added = tuple(v for v in (_release_version(r) for r in _releases(head)) if v not in before)
    return Publication(
        version=(None if base is None else str(base.get("version", "")), str(head.get("version", ""))),
        as_of=(None if base is None else str(base.get("as_of", "")), str(head.get("as_of", ""))),
        added_releases=added,
    )


def publication_gaps(publication: Publication, new_periods: bool) -> list[str]:
    """What a publication of new periods forgot (Markdown phrases); [] when nothing is new."""
    old_version, new_version = publication.version
    if not new_periods or old_version is None:
        return []
    gaps: list[str] = []
    if not publication.version_changed:
        gaps.append(f"la version du paquet n'a pas changé (`{_flat(new_version) or 'vide'}`)")
    if not publication.added_releases:
        gaps.append("aucune entrée n'a été ajoutée à `releases`")
    elif new_version not in publication.added_releases:
        gaps.append(f"aucune entrée ajoutée à `releases` ne porte la version du paquet (`{_flat(new_version)}`)")
    if not publication.as_of_changed:
        gaps.append(f"la date des données `as_of` n'a pas changé (`{_flat(publication.as_of[1]) or 'vide'}`)")
    return gaps


def _releases(descriptor: dict | None) -> list[object]:
    releases = (descriptor or {}).get("releases")
    return releases if isinstance(releases, list) else []


def _release_version(release: object) -> str:
    return str(release.get("version", "")) if isinstance(release, dict) else ""


def _flat(value: str) -> str:
    """A descriptor value fit for an inline code span (no backtick, one line)."""
    return " ".join(value.split()).replace("`", "'")
