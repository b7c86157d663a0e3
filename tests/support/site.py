"""Build a site from a Data Package with the real Pelican and the real plugin, into a test's folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from support.paths import ROOT


def build_site(data: Path, output: Path, chart_cache: Path | None = None, **overrides: Any) -> Path:
    """Run Pelican in-process on `data` into `output` (no validation step: tests feed valid packages).

    Charts are cached next to `output` unless `chart_cache` is given: builds of packages that share
    most of their charts (the demo and a copy with one more quarter) share a cache to render each once.

    The French site only, unless `LANGUAGES` says otherwise: the tests of the French pages read one
    language; the bilingual site has its own fixtures (`bilingual_demo_site`, tests/i18n).
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(ROOT / "content"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "OUTPUT_PATH": str(output),
            "RESULTS_DATA": str(data),
            "RESULTS_CHART_CACHE": str(chart_cache or output.parent / "chart-cache"),
            "LANGUAGES": ["fr_FR"],
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


def copy_package(source: Path, destination: Path) -> Path:
    """A writable copy of a package folder, to add one defect or one record in a test."""
    shutil.copytree(source.parent, destination)
    return destination / "datapackage.json"


def with_translations(source: Path, destination: Path, translations_csv: str) -> Path:
    """A copy of a package that declares the optional translations table, with `translations_csv` as
    its rows: the tests of English labels start from the small fixture, which has none."""
    from results.core.translations import TRANSLATIONS_RESOURCE

    package = copy_package(source, destination)
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor["resources"].append(TRANSLATIONS_RESOURCE)
    package.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (package.parent / "translations.csv").write_text(translations_csv, encoding="utf-8")
    return package
