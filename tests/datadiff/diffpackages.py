"""Build base and head versions of a package for the data-diff tests, and read their summary.

Packages are copies of tests/fixtures/good (or of a generated demo package) edited the way a
maintainer would: rows appended, cells changed, rows deleted, descriptor keys changed.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from data_diff import diff_packages, render
from support.paths import ROOT

GOOD = ROOT / "tests" / "fixtures" / "good"
Row = dict[str, str]


def copy_package(source: Path, destination: Path) -> Path:
    """A writable copy of the package folder `source`; returns its descriptor."""
    shutil.copytree(source, destination)
    return destination / "datapackage.json"


def edit_rows(descriptor: Path, file: str, edit: Callable[[list[Row]], list[Row] | None]) -> None:
    """Rewrite `file` of the package with `edit(rows)` (edit in place, or return the new rows)."""
    path = descriptor.parent / file
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = list(reader.fieldnames or []), list(reader)
    rows = edit(rows) or rows
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_descriptor(descriptor: Path, edit: Callable[[dict], None]) -> None:
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    edit(package)
    descriptor.write_text(json.dumps(package, ensure_ascii=False, indent=2), encoding="utf-8")


def resource(package: dict, name: str) -> dict:
    return next(r for r in package["resources"] if r["name"] == name)


def field(package: dict, resource_name: str, field_name: str) -> dict:
    return next(f for f in resource(package, resource_name)["schema"]["fields"] if f["name"] == field_name)


def publish(package: dict, version: str = "2026.4.0", as_of: str = "2027-02-15") -> None:
    """What CONTRIBUTING.md §3 step 2 asks: a new version, `as_of` and a `releases` entry."""
    package["version"], package["as_of"] = version, as_of
    package["releases"].append({"version": version, "date": as_of, "title": "Résultats du 4e trimestre 2026"})


def summary(base: Path | None, head: Path, settings: Path | None = None) -> str:
    """The Markdown a reviewer reads."""
    return render(diff_packages(base, head, settings))


def git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


# Fixtures, imported by the test modules (a conftest.py here would shadow tests/conftest.py, which
# other folders import by name).
@pytest.fixture(name="good_base")
def base_fixture(tmp_path: Path) -> Path:
    """The base version: a copy of tests/fixtures/good."""
    return copy_package(GOOD, tmp_path / "base")


@pytest.fixture(name="good_head")
def head_fixture(tmp_path: Path) -> Path:
    """The head version: another copy, that the test edits."""
    return copy_package(GOOD, tmp_path / "head")
