"""What a reviewer sees of a failed validation on GitHub (issue 19, "Errors a reviewer never sees"):
at most 10 annotations spread over every kind of problem, French titles, the full report in the log
and in the job summary, and cell text that GitHub prints but never obeys."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.paths import ROOT

GOOD = ROOT / "tests" / "fixtures" / "good"
SCRIPT = ROOT / "scripts" / "validate.py"


@pytest.fixture(scope="module")
def many_kinds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 type errors spread over France Travail's results (not one run), and one error of each of two
    other kinds. The file first gets 2024's quarters, so that it has enough rows."""
    package = tmp_path_factory.mktemp("many") / "package"
    shutil.copytree(GOOD, package)
    results = package / "results" / "france-travail.csv"
    older = [f"{structure},ft-delai-rdv,2024-Q{quarter},12.0,,,,final,,2024-12-15,"
             for structure in ("FT-IDF", "FT-MARSEILLE", "FT-PARIS-19") for quarter in range(1, 5)]
    lines = [*results.read_text("utf-8").rstrip("\n").split("\n"), *older, ""]
    for number in range(1, 25, 2):  # every other row: no run to collapse
        cells = lines[number].split(",")
        cells[4] = "beaucoup"  # sample_size, an integer
        lines[number] = ",".join(cells)
    cells = lines[30].split(",")
    cells[7] = "::warning::piège\n::error::faux"  # status: not allowed, and workflow commands
    lines[30] = ",".join(cells[:7]) + ',"' + cells[7] + '",' + ",".join(cells[8:])
    results.write_text("\n".join(lines), "utf-8")
    structures = package / "structures.csv"
    rows = structures.read_text("utf-8").split("\n")
    cells = rows[1].split(",")
    cells[rows[0].split(",").index("postcode")] = "7501"  # a spreadsheet ate the leading zero
    rows[1] = ",".join(cells)
    structures.write_text("\n".join(rows), "utf-8")
    return package


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def github(many_kinds: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    summary = tmp_path_factory.mktemp("summary") / "step-summary.md"
    result = run(str(many_kinds), "--format", "github", "--summary", str(summary))
    assert result.returncode == 1, result.stderr
    return result.stdout, summary.read_text(encoding="utf-8")


def test_annotations_are_capped_and_every_kind_gets_one(github: tuple[str, str]) -> None:
    stdout, _summary = github
    obeyed = stdout.split("::stop-commands::")[0].splitlines()
    errors = [line for line in obeyed if line.startswith("::error ")]
    assert len(errors) == 10  # GitHub would drop the 11th
    titles = [line.split("title=")[1].split("::")[0] for line in errors]
    assert any(title.startswith("Valeur du mauvais type") for title in titles)
    assert any(title.startswith("Valeur non autorisée") for title in titles)  # the status, after 12 type errors
    assert "Format incorrect (colonne postcode)" in titles
    assert not any("-error" in title or "primary-key" in title for title in titles)  # no codes as titles
    (notice,) = [line for line in obeyed if line.startswith("::notice ")]
    assert "… et 4 autres erreurs sans annotation" in notice


def test_the_full_french_report_is_in_the_log(github: tuple[str, str]) -> None:
    stdout, _summary = github
    report = stdout.split("::stop-commands::", 1)[1]
    assert report.count("n'est pas un nombre entier") == 12
    assert "Valeur non autorisée [constraint-error] — 1 erreur" in report


def test_cell_text_is_printed_never_obeyed(github: tuple[str, str]) -> None:
    """A cell reading '::error::…' must not become an annotation: commands are off around the report."""
    stdout, _summary = github
    head, rest = stdout.split("::stop-commands::", 1)
    token, report = rest.split("\n", 1)
    assert len(token) == 32
    assert not any(line.startswith(("::warning::piège", "::error::faux")) for line in head.splitlines())
    assert "« ::warning::piège%0A::error::faux »" in head  # inside an annotation, its line break escaped
    assert "::warning::piège" in report and report.rstrip().endswith(f"::{token}::")


def test_the_job_summary_has_every_kind_with_french_titles(github: tuple[str, str]) -> None:
    _stdout, summary = github
    assert summary.startswith("### ❌ Validation des données : 14 erreurs à corriger")
    assert "**✘ Valeur du mauvais type** — `" in summary
    assert summary.count("n'est pas un nombre entier") == 10  # 10 per kind, then a pointer to the log
    assert "… et 2 autres erreurs du même type : voir le journal de l'étape." in summary
    assert "::warning::piège" in summary and "\n::" not in summary
