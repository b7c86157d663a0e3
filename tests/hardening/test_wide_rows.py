"""Issue #14, items 4 and 11: rows with extra cells are named as such, in linear time and memory.

One row with 100 000 extra commas exhausted memory (Frictionless makes one error per extra cell,
each with a copy of the row); the validator now runs it under a 1.5 GB address-space limit. Three
trailing commas on every row made Frictionless take a data row for the header. Speed figures come
from `scripts/bench_wide_rows.py`, not from this test.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

from hostile import messages, package_copy
from support.paths import ROOT
from validation import validate_package

MEMORY = 1_500_000_000


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def widen(file: Path, line: int, commas: int) -> None:
    lines = file.read_text("utf-8").split("\n")
    lines[line - 1] += "," * commas
    file.write_text("\n".join(lines), "utf-8")


def test_one_row_with_100000_extra_cells_is_reported_within_bounded_memory(tmp_path: Path) -> None:
    descriptor = package_copy(tmp_path)
    widen(descriptor.parent / "results" / "caf.csv", 3, 100_000)

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), str(descriptor)],
        preexec_fn=_bounded, capture_output=True, text=True, timeout=300, check=False,
    )

    assert result.returncode == 1, result.stdout + result.stderr
    assert "results/caf.csv:3:12" in result.stdout
    assert "plus de cellules que l'en-tête" in result.stdout
    assert "1 erreur dans 1 fichier" in result.stdout


def test_the_other_rows_of_a_wide_file_are_still_checked(tmp_path: Path) -> None:
    descriptor = package_copy(tmp_path)
    results = descriptor.parent / "results" / "caf.csv"
    widen(results, 3, 5_000)
    lines = results.read_text("utf-8").split("\n")
    cells = lines[5].split(",")
    cells[3] = "beaucoup"
    lines[5] = ",".join(cells)
    results.write_text("\n".join(lines), "utf-8")

    report = validate_package(descriptor)

    found = sorted((issue.line, issue.code) for issue in report.errors)
    assert found == [(3, "extra-cell"), (6, "type-error")], messages(report)
    assert all(issue.file.endswith("package/results/caf.csv") for issue in report.errors)


def test_trailing_commas_on_every_row_blame_the_extra_cells_not_the_header(tmp_path: Path) -> None:
    descriptor = package_copy(tmp_path)
    targets = descriptor.parent / "targets.csv"
    header, *rows = targets.read_text("utf-8").rstrip("\n").split("\n")
    targets.write_text("\n".join([header, *(row + ",,," for row in rows)]) + "\n", "utf-8")

    report = validate_package(descriptor)

    assert {issue.code for issue in report.errors} == {"extra-cell"}, messages(report)
    assert [issue.line for issue in report.errors] == list(range(2, len(rows) + 2))
    assert "plus de cellules que l'en-tête" in report.errors[0].message
