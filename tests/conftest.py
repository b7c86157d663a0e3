"""Shared fixtures: sites built once per test session from the good fixture and the demo package.

Helpers to build other packages live in `sitebuild.py` (import them from there, not from conftest).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import DEMO_PACKAGE, GOOD_FIXTURE, ROOT, build_site, copy_package

__all__ = ["DEMO_PACKAGE", "GOOD_FIXTURE", "ROOT", "build_site", "copy_package"]  # older imports keep working


@pytest.fixture(scope="session")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small good fixture package, built once per test session."""
    return build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("good") / "output")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed demo package, built once per test session (the integration tests share it)."""
    return build_site(DEMO_PACKAGE, tmp_path_factory.mktemp("demo") / "output")
