"""Shared fixtures: build a site from a Data Package with the real Pelican and the real plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_PACKAGE = ROOT / "data" / "datapackage.json"
GOOD_FIXTURE = ROOT / "tests" / "fixtures" / "good" / "datapackage.json"


def build_site(data: Path, output: Path, **overrides) -> Path:
    """Run Pelican in-process on `data` into `output` (no validation step: tests feed valid packages)."""
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
            "RESULTS_CHART_CACHE": str(output.parent / "chart-cache"),
            **overrides,
        },
    )
    Pelican(settings).run()
    return output


def copy_package(source: Path, destination: Path) -> Path:
    """A writable copy of a package folder, to add one defect or one record in a test."""
    shutil.copytree(source.parent, destination)
    return destination / "datapackage.json"


@pytest.fixture(scope="session")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small good fixture package, built once per test session."""
    return build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("good") / "output")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed demo package, built once per test session (the integration tests share it)."""
    return build_site(DEMO_PACKAGE, tmp_path_factory.mktemp("demo") / "output")
