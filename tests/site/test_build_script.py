"""scripts/build.py: validation first, temporary folder and swap, nothing published on failure."""

from __future__ import annotations

from pathlib import Path

import build as build_script
import pytest
from support.paths import GOOD_FIXTURE
from support.site import copy_package


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def job_summary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where CI's $GITHUB_STEP_SUMMARY would be."""
    return tmp_path_factory.mktemp("summary") / "summary.md"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, job_summary: Path) -> Path:
    output = tmp_path_factory.mktemp("published") / "output"
    args = ["--data", str(GOOD_FIXTURE), "--output", str(output), "--quiet", "--summary", str(job_summary)]
    assert build_script.main(args) == 0
    return output


def test_valid_package_is_built_and_swapped_in(published: Path) -> None:
    assert (published / "index.html").exists()
    leftovers = [p.name for p in published.parent.iterdir() if p.name != "output"]
    assert leftovers == []


def test_build_warnings_reach_the_job_summary(published: Path, job_summary: Path) -> None:
    """A late network is a warning in the log only; a reviewer reads it in the job summary."""
    text = job_summary.read_text(encoding="utf-8")
    assert text.startswith("### ✅ Construction du site : réussie")
    assert "**⚠️ 1 avertissement de la construction**" in text
    assert "- Résultats en retard pour le réseau CAF (caf) au 15 novembre 2026" in text


def test_invalid_package_leaves_the_previous_output_untouched(
    published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(published)
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    results = package.parent / "results" / "caf.csv"
    lines = results.read_text("utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(lines[1].split(",")[3], "beaucoup", 1)  # a value that is not a number
    results.write_text("".join(lines), "utf-8")

    code = build_script.main(["--data", str(package), "--output", str(published), "--quiet"])

    assert code == 1
    error = capsys.readouterr().err
    assert "results/caf.csv" in error and ":2:" in error  # the maintainer's file:line
    assert "inchangé" in error
    assert snapshot(published) == before


def test_duplicate_slug_fails_without_publishing(
    published: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(published)
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    structures = package.parent / "structures.csv"
    text = structures.read_text("utf-8")
    text = text.replace("CAF-69,caf-du-rhone,", "CAF-69,caf-de-paris,", 1)  # the validator names both rows
    structures.write_text(text, "utf-8")

    code = build_script.main(["--data", str(package), "--output", str(published), "--quiet"])

    assert code == 1
    error = capsys.readouterr().err
    assert "CAF-75" in error and "CAF-69" in error
    assert snapshot(published) == before


def test_unchanged_inputs_skip_the_build_and_a_changed_input_rebuilds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    output = tmp_path / "output"
    arguments = ["--data", str(package), "--output", str(output), "--quiet"]
    assert build_script.main(arguments) == 0
    capsys.readouterr()

    assert build_script.main(arguments) == 0
    assert "Rien n'a changé" in capsys.readouterr().out

    networks = package.parent / "networks.csv"
    renamed = networks.read_text("utf-8").replace("Caisses d'allocations familiales", "CAF réseau", 1)
    networks.write_text(renamed, "utf-8")
    assert build_script.main(arguments) == 0
    assert "Site construit" in capsys.readouterr().out
    assert "CAF réseau" in (output / "index.html").read_text("utf-8")
