"""The demo package, generated into a test's folder by scripts/generate_demo_data.py.

Tests that need a realistic, national-looking package use this generated copy, never data/: data/ is
the programme's live data and changes with every publication, while the generator's output is a pure
function of its seed (so expectations pinned to it hold until the generator itself changes).
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path


def generate_demo_package(folder: Path, *arguments: str) -> Path:
    """Run the generator into `folder` (created if needed); return the descriptor's path."""
    from generate_demo_data import main

    with contextlib.redirect_stdout(io.StringIO()):  # its one-line summary would clutter the test log
        code = main(["--output", str(folder), *arguments])
    assert code == 0, f"scripts/generate_demo_data.py a échoué (code {code})"
    return folder / "datapackage.json"
