"""scripts/validate.py as CI and maintainers run it: exit codes, text, GitHub annotations, JSON.

A subprocess costs about a second (Frictionless's import), so only a handful of fixtures go through
the CLI; the in-process tests cover the whole corpus.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import ROOT

SCRIPT = ROOT / "scripts" / "validate.py"
BROKEN = "tests/fixtures/broken"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_good_fixture_exits_0_from_any_directory(tmp_path: Path) -> None:
    """The script puts its own folder on sys.path: no PYTHONPATH, any working directory."""
    result = run(str(ROOT / "tests" / "fixtures" / "good"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "données valides" in result.stdout


@pytest.mark.parametrize(
    ("fixture", "exit_code", "code", "location"),
    [
        ("unclosed-quote", 1, "unclosed-quote", "commitments.csv:3:5"),
        ("error-after-multiline-cell", 1, "type-error", "experiences.csv:4:3"),
        ("missing-file", 2, "missing-file", "actions.csv"),
    ],
)
def test_cli_exit_code_and_location(fixture: str, exit_code: int, code: str, location: str) -> None:
    result = run(f"{BROKEN}/{fixture}")
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert f"[{code}]" in result.stdout
    assert f"\n    {BROKEN}/{fixture}/{location} " in result.stdout


def test_broken_json_descriptor_exits_2_with_its_line() -> None:
    result = run(f"{BROKEN}/broken-descriptor/datapackage.json")
    assert result.returncode == 2
    where = rf"{BROKEN}/broken-descriptor/datapackage.json:\d+ "
    assert re.search(where + ": Le descripteur n'est pas un JSON", result.stdout)
    assert "virgule" in result.stdout


def test_missing_descriptor_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nowhere" / "datapackage.json"))
    assert result.returncode == 2
    assert "[missing-descriptor]" in result.stdout


def annotations(stdout: str) -> list[str]:
    """The workflow commands GitHub obeys: those printed before `::stop-commands::`."""
    lines = stdout.split("::stop-commands::")[0].strip().splitlines()
    return [line for line in lines if line.startswith("::")]


def test_github_annotations_point_at_file_line_and_column() -> None:
    result = run(f"{BROKEN}/decimal-comma", "--format", "github")
    assert result.returncode == 1
    lines = annotations(result.stdout)
    assert len(lines) == 1
    assert lines[0].startswith(
        f"::error file={BROKEN}/decimal-comma/results/caf.csv,line=2,col=4,"
        "title=Valeur du mauvais type (colonne value)::"
    )
    assert "%0ACorrection : Remplacez la virgule décimale par un point : 81.5." in lines[0]


def test_github_annotates_a_run_once_over_its_lines() -> None:
    """16 consecutive rows with the same error: one annotation spanning them, not 10 and a note."""
    result = run(f"{BROKEN}/many-type-errors", "--format", "github")
    (line,) = annotations(result.stdout)
    assert line.startswith(f"::error file={BROKEN}/many-type-errors/results/caf.csv,line=2,endLine=17,")
    assert "lignes 2 à 17 (16 lignes, même erreur)" in line


def test_json_output_is_complete() -> None:
    result = run(f"{BROKEN}/many-type-errors", "--format", "json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["valid"] is False and payload["exit_code"] == 1
    assert payload["error_count"] == len(payload["errors"]) == 16
    first = payload["errors"][0]
    assert first["line"] == 2 and first["column"] == {"name": "ci_low", "index": 6}
    assert first["code"] == "type-error" and first["value"] == "x"
    assert {"file", "message", "expected", "fix", "location"} <= first.keys()


def test_text_summarises_long_runs_unless_all() -> None:
    result = run(f"{BROKEN}/many-type-errors", "--all")
    assert result.stdout.count("n'est pas un nombre") == 16
    assert "autres erreurs" not in result.stdout


def test_importing_the_package_has_no_side_effect(tmp_path: Path) -> None:
    code = "import validation; print(sorted(name for name in validation.__all__))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        # The validator shares the plugin's core rules (results.core): both folders, as build.py sets them.
        env={"PYTHONPATH": f"{ROOT / 'scripts'}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "validate_package" in result.stdout and "format_report" in result.stdout
    assert not result.stderr
    assert list(tmp_path.iterdir()) == []
