"""Issue #19, stable addresses: the data diff warns when a published structure address would break.

A slug changed without the old one in `former_slugs` passes validation (each version is valid on its
own) but breaks every QR code printed on the structure's posters: only the reviewer can stop it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from data_diff import diff_packages, render
from support.paths import GOOD_FIXTURE
from support.site import copy_package
from validation import validate_package

WARNING = "ne fonctionnerait plus"


def edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the good fixture with one line of structures.csv changed (and still valid)."""
    package = copy_package(GOOD_FIXTURE, tmp_path / "head")
    structures = package.parent / "structures.csv"
    text = structures.read_text("utf-8")
    assert old in text
    structures.write_text(text.replace(old, new, 1), "utf-8")
    assert validate_package(package).valid
    return package


def summary(head: Path) -> str:
    return render(diff_packages(GOOD_FIXTURE, head))


def test_a_changed_slug_without_its_former_slug_is_a_warning(tmp_path: Path) -> None:
    head = edited(tmp_path, "CAF-75,caf-de-paris,,", "CAF-75,caf-paris,,")
    text = summary(head)
    assert "### ⚠️ Des adresses publiées ne fonctionneraient plus" in text
    [line] = [line for line in text.splitlines() if WARNING in line and line.startswith("- ⚠️")]
    assert "`CAF-75`" in line and "`caf-de-paris`" in line and "`former_slugs`" in line and "`caf-paris`" in line


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (",caf,,CAF de Paris,", ",caf,,Caisse d'allocations familiales de Paris,"),
        ("CAF-75,caf-de-paris,,", "CAF-75,caf-paris,caf-de-paris,"),
    ],
    ids=["renamed-keeps-its-slug", "slug-changed-with-redirect"],
)
def test_a_kept_or_redirected_address_is_not_a_warning(tmp_path: Path, old: str, new: str) -> None:
    assert WARNING not in summary(edited(tmp_path, old, new))


def test_dropping_a_former_slug_is_a_warning_too(tmp_path: Path) -> None:
    base = edited(tmp_path, "CAF-75,caf-de-paris,,", "CAF-75,caf-de-paris,caf-paris,")
    head = copy_package(GOOD_FIXTURE, tmp_path / "head-again")
    text = render(diff_packages(base, head))
    assert f"`caf-paris` {WARNING}" in text.replace("l'adresse publiée ", "")
