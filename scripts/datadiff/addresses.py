"""Structure addresses a change would break: a published slug that is neither kept nor redirected.

A structure's page address (`slug`) is printed as a QR code on posters in its reception area. A
pull request that changes a slug without adding the old one to `former_slugs`, or that drops a
former slug, makes printed QR codes and bookmarks lead nowhere. The validator cannot see it (both
versions are valid on their own); the reviewer must, in the data diff.
"""

from __future__ import annotations

from dataclasses import dataclass

from results.core.slugs import slugify, split_former_slugs


@dataclass(frozen=True)
class LostAddress:
    """A slug the base version published for `structure` that the head version no longer serves."""

    structure: str
    name: str
    lost: str
    current: str  # the head's slug, where the lost address should redirect


def _addresses(record: dict[str, str]) -> tuple[str, set[str]]:
    """(the page's slug, every address served): a base from before stored slugs derived it from the name."""
    slug = record.get("slug") or slugify(record.get("name", ""))
    return slug, {slug, *split_former_slugs(record.get("former_slugs", ""))}


def lost_addresses(base: list[dict[str, str]], head: list[dict[str, str]]) -> list[LostAddress]:
    """Every address of a structure present in both versions that the head no longer serves.

    A structure removed from the head is reported by the row comparison ("ligne supprimée").
    """
    head_by_id = {record.get("id", ""): record for record in head}
    lost = []
    for record in base:
        after = head_by_id.get(record.get("id", ""))
        if after is None:
            continue
        _, served_before = _addresses(record)
        current, served_after = _addresses(after)
        lost += [LostAddress(record.get("id", ""), after.get("name", ""), address, current)
                 for address in sorted(served_before - served_after)]
    return lost
