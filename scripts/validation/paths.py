"""How file paths are shown: relative to the working directory, so that GitHub annotations and
editor links (`data/results.csv:12:4`) point at the right file from the repository root."""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: Path) -> str:
    """The path relative to the current directory when it lies under it, else absolute."""
    absolute = path.resolve() if path.exists() else Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()
