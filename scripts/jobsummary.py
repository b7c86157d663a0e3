"""Append Markdown to a GitHub Actions job summary (the page a reviewer opens from a check).

GitHub shows few annotations per step; the job summary has room for the whole story. The validator
and the build append to it only when asked (`--summary "$GITHUB_STEP_SUMMARY"`, through `make
... SUMMARY=...`): the tests, which also run in CI, must not write into the reviewer's summary.
GitHub accepts at most 1 MiB per step.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

LIMIT = 1 << 20  # GitHub refuses a step summary larger than 1 MiB


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


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING:
            self.messages.append(record.getMessage())


@contextmanager
def recorded_warnings() -> Iterator[list[str]]:
    """Collect the warnings logged inside the block (late networks, Pelican's own) into a list.

    Pelican's LimitFilter drops a warning already logged once in the process (its memory is a class
    attribute): a second build in the same process (tests, an in-process rebuild) would report no
    late network at all. Each build starts with that memory empty, so it reports its own warnings.
    """
    try:
        from pelican.log import LimitFilter

        LimitFilter._raised_messages.clear()
        LimitFilter._group_count.clear()
    except (ImportError, AttributeError):  # another Pelican: nothing to forget
        pass
    recorder = _Recorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    try:
        yield recorder.messages
    finally:
        root.removeHandler(recorder)


def _items(messages: Iterable[str], limit: int) -> list[str]:
    unique = list(dict.fromkeys(" ".join(message.split()) for message in messages if message.strip()))
    lines = [f"- {message.replace('<', '&lt;').replace('>', '&gt;')}" for message in unique[:limit]]
    if len(unique) > limit:
        lines.append(f"- … et {len(unique) - limit} autres : voir le journal de l'étape.")
    return lines


def build_markdown(warnings: Iterable[str], errors: Iterable[str] = (), limit: int = 50) -> str:
    """The build's outcome for the job summary: its errors if it failed, and its warnings (late networks…)."""
    warnings, errors = _items(warnings, limit), _items(errors, limit)
    count = len(warnings)
    if errors:
        lines = ["### ❌ Construction du site : échec, rien n'est publié", "", *errors, ""]
    else:
        lines = ["### ✅ Construction du site : réussie", ""]
    if warnings:
        lines += [f"**⚠️ {count} avertissement{'s' if count > 1 else ''} de la construction**", "", *warnings]
    else:
        lines.append("Aucun avertissement de la construction.")
    return "\n".join(lines) + "\n"
