"""Base and head copies of the good fixture for each data-diff test."""

from __future__ import annotations

from pathlib import Path

import pytest
from diffpackages import GOOD, copy_package


@pytest.fixture
def good_base(tmp_path: Path) -> Path:
    return copy_package(GOOD, tmp_path / "base")


@pytest.fixture
def good_head(tmp_path: Path) -> Path:
    return copy_package(GOOD, tmp_path / "head")
