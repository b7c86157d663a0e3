"""Atomic file writes: write a temporary file next to the target, then rename it over the target.

A reader (a browser, the next build, a parallel render worker) sees either the old file or the new
one, never half of one, and an interrupted build leaves no truncated file in a cache.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: Path, content: bytes | str) -> None:
    """Write `content` (text is written as UTF-8, line endings untouched) to `path` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
