"""What a reader sees of a built page, without a browser: its text, spaces normalised."""

from __future__ import annotations

import html
import re


def normalise(text: str) -> str:
    """Entities decoded, narrow and non-breaking spaces made plain, runs of spaces collapsed."""
    text = html.unescape(text).replace("\u202f", " ").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


def visible_text(page: str) -> str:
    """The page's text with tags removed (each tag counts as a space), normalised."""
    return normalise(re.sub(r"<[^>]+>", " ", page))
