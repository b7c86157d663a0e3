"""Debian's Chromium driven by Playwright: where it is and how it is started in every browser test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """A headless Chromium; fails with the fix when it is missing (`make test` installs it)."""
    if not CHROMIUM.exists():
        raise AssertionError("Chromium est absent : lancer `make browser` (scripts/ensure_chromium.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
