"""Debian's Chromium driven by Playwright: where it is and how it is started in every browser test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE = {"width": 390, "height": 844}  # the phone the reading tests hold (issue #20)


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


@contextmanager
def phone_page(chromium: Any, site: Path) -> Iterator[Any]:
    """One page on a PHONE-sized screen reading `site` from a local server; `page.base` is the site's URL."""
    from .server import serve

    with serve(site) as url:
        context = chromium.new_context(viewport=PHONE, device_scale_factor=1)
        page = context.new_page()
        page.base = url + "/"
        try:
            yield page
        finally:
            context.close()


def record_problems(page: Any, problems: list[str], *, warnings: bool = True, responses: bool = True) -> list[str]:
    """Collect into `problems` what goes wrong for a reader of `page`: console errors (and warnings),
    uncaught JavaScript errors and, with `responses`, every request answered 400 or more. Chromium's
    own console line for a failed request is left out (the response is recorded, with its address),
    and so is /favicon.ico, which browsers ask for by themselves."""
    levels = ("error", "warning") if warnings else ("error",)

    def console(message: Any) -> None:
        if message.type in levels and not (responses and message.text.startswith("Failed to load resource")):
            problems.append(message.text)

    def response(answer: Any) -> None:
        if answer.status >= 400 and not answer.url.endswith("/favicon.ico"):
            problems.append(f"HTTP {answer.status} {answer.url}")

    page.on("console", console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    if responses:
        page.on("response", response)
    return problems
