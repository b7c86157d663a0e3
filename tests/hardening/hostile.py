"""Hostile and careless copies of tests/fixtures/good, as issue #14 describes them.

Each helper edits a fresh copy of the good fixture in a test's temporary folder: a descriptor edit,
a cell, a symbolic link. Imported by the hardening tests (`from hostile import ...`).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support.paths import GOOD_FIXTURE, ROOT

Descriptor = dict[str, Any]


def package_copy(tmp_path: Path, name: str = "package") -> Path:
    """A writable copy of the good fixture; returns its datapackage.json."""
    destination = tmp_path / name
    shutil.copytree(GOOD_FIXTURE.parent, destination)
    return destination / "datapackage.json"


def edit_descriptor(descriptor: Path, change: Callable[[Descriptor], None]) -> None:
    data = json.loads(descriptor.read_text("utf-8"))
    change(data)
    descriptor.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def resource(data: Descriptor, name: str) -> Descriptor:
    return next(item for item in data["resources"] if item["name"] == name)


def field(data: Descriptor, resource_name: str, field_name: str) -> Descriptor:
    return next(item for item in resource(data, resource_name)["schema"]["fields"] if item["name"] == field_name)


def replace_in(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} not in {file.name}"
    file.write_text(text.replace(old, new, 1), "utf-8")


def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the repository's editorial content folder."""
    destination = tmp_path / "content"
    shutil.copytree(ROOT / "content", destination)
    return destination


def previous_output(tmp_path: Path) -> Path:
    """A stand-in for the live site: a folder with one known file, to prove it is kept."""
    output = tmp_path / "site" / "output"
    output.mkdir(parents=True)
    (output / "index.html").write_text("<html>site en ligne</html>", "utf-8")
    return output


def messages(report) -> str:
    """Every issue of a validation report, as a maintainer reads them."""
    return "\n".join(f"{issue.location} [{issue.code}] {issue.message} {issue.fix}" for issue in report.errors)
