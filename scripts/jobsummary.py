"""Append Markdown to a GitHub Actions job summary (the page a reviewer opens from a check).

GitHub shows few annotations per step; the job summary has room for the whole story. Both the
validator and the build append to the file named by `$GITHUB_STEP_SUMMARY` (one file per step,
at most 1 MiB): nothing happens outside GitHub Actions, where that variable is not set.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

LIMIT = 1 << 20  # GitHub refuses a step summary larger than 1 MiB
ENV = "GITHUB_STEP_SUMMARY"


def append_summary(path: Path, markdown: str) -> None:
    """Append `markdown` to `path`, cut to what GitHub accepts for one step."""
    used = path.stat().st_size if path.exists() else 0
    room = LIMIT - used - 200
    data = markdown.encode("utf-8")
    if len(data) > room:
        data = data[: max(room, 0)].decode("utf-8", "ignore").encode("utf-8")
        data += "\n\n… résumé tronqué (limite de GitHub) : voir le journal de l'étape.\n".encode()
    with path.open("ab") as stream:
        stream.write(data + b"\n")


def summary_path() -> Path | None:
    """The job summary file of the current step, or None outside GitHub Actions."""
    value = os.environ.get(ENV)
    return Path(value) if value else None


def build_warnings_markdown(messages: Iterable[str], limit: int = 50) -> str:
    """The build's warnings (late networks…) as a Markdown list for the job summary."""
    unique = list(dict.fromkeys(message.strip() for message in messages if message.strip()))
    if not unique:
        return "### ✅ Construction du site : aucun avertissement\n"
    lines = [f"### ⚠️ Construction du site : {len(unique)} avertissement{'s' if len(unique) > 1 else ''}", ""]
    for message in unique[:limit]:
        flat = " ".join(message.split()).replace("<", "&lt;").replace(">", "&gt;")
        lines.append(f"- {flat}")
    if len(unique) > limit:
        lines.append(f"- … et {len(unique) - limit} autres : voir le journal de l'étape.")
    return "\n".join(lines) + "\n"
