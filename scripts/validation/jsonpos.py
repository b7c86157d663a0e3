"""Where a value sits in datapackage.json, as an editor shows it (line and column, 1-based).

`json` gives values, not positions; a maintainer told "as_of is not a date" wants the line. This walks
the already-parsed text along one path of keys and indexes, skipping every other value with the C
decoder, so it costs one pass over the part of the text before the value.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"

Step = str | int


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in _SPACE:
        position += 1
    return position


def _child(text: str, position: int, step: Step) -> int | None:
    """Offset of the value `step` (a key or an index) inside the object or array starting at `position`."""
    opener = text[position] if position < len(text) else ""
    if opener not in "{[" or (opener == "{") != isinstance(step, str):
        return None
    closer = "}" if opener == "{" else "]"
    position = _skip_space(text, position + 1)
    index = 0
    while position < len(text) and text[position] != closer:
        key: str | None = None
        if opener == "{":
            key, position = json.decoder.scanstring(text, position + 1)  # type: ignore[attr-defined]
            position = _skip_space(text, position)
            position = _skip_space(text, position + 1)  # the colon
        if (key == step) if opener == "{" else (index == step):
            return position
        _value, position = _DECODER.raw_decode(text, position)
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
        index += 1
    return None


def offset_of(text: str, path: Sequence[Step]) -> int | None:
    """Offset of the value at `path` (("releases", 2, "date")), or None when it is not there."""
    position: int | None = _skip_space(text, 0)
    for step in path:
        position = _child(text, position, step)  # type: ignore[arg-type]
        if position is None:
            return None
    return position


def locate(text: str, path: Sequence[Step]) -> tuple[int, int] | None:
    """(line, column) of the value at `path`, or of its closest existing parent; None if not even the root."""
    for depth in range(len(path), -1, -1):
        try:
            offset = offset_of(text, path[:depth])
        except (ValueError, IndexError):  # text that is not JSON: no position to give
            return None
        if offset is not None:
            line = text.count("\n", 0, offset) + 1
            return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
    return None
