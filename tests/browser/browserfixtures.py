"""Browser fixtures: the demo site served on 127.0.0.1, one Chromium per session, one visit per page.

A pytest plugin module (test modules load it with `pytest_plugins = ["browserfixtures"]`); the
`chromium` fixture itself is shared by every folder (tests/conftest.py).

The pages are the bilingual demo site's (the session `bilingual_demo_site` build): one of every kind,
picked from the output so that the structure page has a label, users' experiences and improvement
actions, in French (at the root) and in English (the same path under en/).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browsercheck import AXE_SCRIPT, DESKTOP, MOBILE, PAGE_KINDS, PageReport, visit
from support.server import serve


def _largest(output: Path, pattern: str) -> str:
    """The heaviest page of a kind (most rows, most links): where overflow and slowness show first."""
    return max(output.glob(pattern), key=lambda page: page.stat().st_size).parent.relative_to(output).as_posix() + "/"


def _richest_structure(output: Path) -> str:
    """A structure page with every block: current label, experiences, improvement actions, poster."""
    for page in sorted(output.glob("services/*/index.html")):
        text = page.read_text(encoding="utf-8")
        blocks = ('class="label-badge-link"', 'class="experiences"', 'class="actions"')
        if all(block in text for block in blocks) and (page.parent / "affiche" / "index.html").exists():
            return page.parent.relative_to(output).as_posix() + "/"
    raise AssertionError("aucune page de structure avec label, expériences, actions et affiche dans le site de démo")


def _first(output: Path, pattern: str) -> str:
    return sorted(output.glob(pattern))[0].parent.relative_to(output).as_posix() + "/"


@pytest.fixture(scope="session")
def page_paths(bilingual_demo_site: Path) -> dict[str, str]:
    """Path of the French page checked for each kind, relative to the site root (`en/` + it: English)."""
    demo_site = bilingual_demo_site
    structure = _richest_structure(demo_site)
    paths = {
        "accueil": "", "reseaux": "reseaux/", "reseau": _largest(demo_site, "reseaux/*/index.html"),
        "structure": structure, "affiche": structure + "affiche/", "indicateurs": "indicateurs/",
        "indicateur": _largest(demo_site, "indicateurs/*/index.html"), "territoires": "territoires/",
        "region": _first(demo_site, "territoires/regions/*/index.html"),
        "departement": _first(demo_site, "territoires/departements/*/index.html"),
        "services": "services/", "lettre": _first(demo_site, "services/lettre-*/index.html"),
        "engagements": "engagements/", "labels": "labels/",
        "labels-niveau": _first(demo_site, "labels/niveau-*/index.html"),
        "programme": "programme/", "rapport": "programme/rapport/", "donnees": "donnees/",
        "page-editoriale": "methodologie/", "404": "404.html",
        "recherche": "recherche/?q=caf",  # with results on screen (the search runs once the page is loaded)
    }
    assert set(paths) == set(PAGE_KINDS)
    for kind, path in paths.items():
        path = path.split("?")[0]
        file = demo_site / (path if path.endswith(".html") else path + "index.html")
        assert file.exists(), f"{kind} : {file} absent du site de démo"
    return paths


@pytest.fixture(scope="session")
def site_url(bilingual_demo_site: Path) -> Iterator[str]:
    with serve(bilingual_demo_site) as url:
        yield url + "/"


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from the pinned npm package (never a CDN), injected by the tests."""
    if not AXE_SCRIPT.exists():
        pytest.fail("axe-core est absent : lancer `npm ci` (node_modules/, verrouillé par package-lock.json)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def page_report(chromium: Any, site_url: str, page_paths: dict[str, str],
                axe_source: str) -> Callable[..., PageReport]:
    """`page_report(kind, "desktop" | "mobile", language="fr")`: one visit per page, viewport and
    language, shared by the gates."""
    reports: dict[tuple[str, str, str], PageReport] = {}

    def report(kind: str, size: str, language: str = "fr") -> PageReport:
        if (kind, size, language) not in reports:
            viewport = DESKTOP if size == "desktop" else MOBILE
            axe = axe_source if size == "desktop" else None
            path = page_paths[kind] if language == "fr" else f"{language}/{page_paths[kind]}"
            reports[kind, size, language] = visit(chromium, site_url, path, viewport, axe)
        return reports[kind, size, language]

    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """axe's `incomplete` items need a human look: list them at the end of every run."""
    incomplete = getattr(terminalreporter.config, "_axe_incomplete", None)
    if not incomplete:
        return
    terminalreporter.section("axe-core : points à vérifier à la main (incomplete)")
    for line in incomplete:
        terminalreporter.write_line(line)
