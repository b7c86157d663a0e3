"""Small pieces of the validator: line mapping, JSON errors, formatting, exactness of
the fast path on float ties."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from pathlib import Path

import pytest
from support.paths import ROOT
from validation import Column, Issue, Report, format_report, validate_package
from validation.descriptor import load_descriptor
from validation.lines import LineMap

GOOD = ROOT / "tests" / "fixtures" / "good"


def test_line_map_follows_quoted_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"x\ny\nz"\n2,w\n\n3,v\n', encoding="utf-8")
    lines = LineMap(path, multiline=True)
    assert [lines.line(record) for record in (1, 2, 3, 4, 5)] == [1, 2, 5, 6, 7]
    assert LineMap(path, multiline=False).line(3) == 3


def test_json_error_names_line_and_column_in_french(tmp_path: Path) -> None:
    path = tmp_path / "datapackage.json"
    path.write_text('{\n  "name": "x",\n  "resources": [\n    {"name": "a",}\n  ]\n}\n', encoding="utf-8")
    loaded, issues = load_descriptor(path)
    assert loaded is None
    (issue,) = issues
    assert (issue.code, issue.line, issue.fatal) == ("invalid-json", 4, True)
    assert "nom de propriété" in issue.message


def test_github_format_escapes_newlines_percent_and_separators() -> None:
    issue = Issue(
        file="data/a,b:c.csv",
        line=3,
        column=Column("value", 4),
        code="type-error",
        message="100 % faux\nvraiment",
        fix="Corrigez.",
    )
    text = format_report(Report(source="x", errors=(issue,)), "github")
    title = "title=Valeur du mauvais type (colonne value)"
    assert text.startswith(f"::error file=data/a%2Cb%3Ac.csv,line=3,col=4,{title}::")
    assert "100 %25 faux%0Avraiment%0ACorrection : Corrigez." in text


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        format_report(Report(source="x", errors=()), "xml")


def test_fast_path_is_exact_on_float_ties(tmp_path: Path) -> None:
    """84.80000000000000001 rounds to the float 84.8 but is above ci_high = 84.8 for Frictionless's Decimals."""
    package = tmp_path / "ties"
    shutil.copytree(GOOD, package)
    results = package / "results" / "caf.csv"
    text = results.read_text(encoding="utf-8")
    results.write_text(text.replace("2024,81,412,77.2,84.8", "2024,84.80000000000000001,412,77.2,84.8"), "utf-8")
    report = validate_package(package, engine="fast")
    assert [(issue.code, issue.line, issue.column) for issue in report.errors] == [
        ("confidence-interval", 2, Column("value", 4))
    ]
    engines = {stats.name: stats.engine for stats in report.resources}
    assert engines["results-caf"] == "frictionless" and engines["structures"] == "fast"


def test_engine_name_is_checked() -> None:
    with pytest.raises(ValueError):
        validate_package(GOOD, engine="turbo")


@pytest.mark.parametrize("fixture", ["duplicate-key", "unknown-parent", "blank-row", "missing-value-without-reason"])
def test_fast_path_across_small_batches(fixture: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys, self references and rules hold across batches: read the fixtures 1 kB at a time."""
    from validation import fastpath

    monkeypatch.setattr(fastpath, "BLOCK_SIZE", 1024)
    good = validate_package(GOOD, engine="fast")
    assert good.valid and {stats.engine for stats in good.resources} == {"fast"}
    broken = ROOT / "tests" / "fixtures" / "broken" / fixture
    assert validate_package(broken, engine="fast").errors == validate_package(broken, engine="frictionless").errors


def test_fast_path_finds_duplicates_in_different_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from validation import fastpath

    monkeypatch.setattr(fastpath, "BLOCK_SIZE", 1024)
    package = tmp_path / "far"
    shutil.copytree(GOOD, package)
    results = package / "results" / "caf.csv"
    lines = results.read_text(encoding="utf-8").splitlines(keepends=True)
    results.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    report = validate_package(package, engine="fast")
    assert [(issue.code, issue.line) for issue in report.errors] == [("primary-key", len(lines) + 1)]


def test_huge_groups_are_counted_not_kept() -> None:
    """Memory stays bounded on a shifted column: detail for the first errors, a count for all."""
    report = validate_package(ROOT / "tests" / "fixtures" / "broken" / "many-type-errors", per_group=5)
    assert (report.error_count, len(report.errors), report.truncated, report.valid) == (16, 5, True, False)
    assert "… et 11 autres erreurs du même type (détail limité aux premières" in format_report(report)
    payload = json.loads(format_report(report, "json"))
    assert payload["error_count"] == 16 and len(payload["errors"]) == 5 and payload["truncated"] is True
    assert "… et 11 autres erreurs sans annotation" in format_report(report, "github")


def test_nan_inside_an_interval_is_one_error_not_a_crash(tmp_path: Path) -> None:
    package = tmp_path / "nan"
    shutil.copytree(GOOD, package)
    results = package / "results" / "caf.csv"
    results.write_text(results.read_text("utf-8").replace("2024,81,412,77.2", "2024,NaN,412,77.2"), "utf-8")
    report = validate_package(package)
    assert [(issue.code, issue.line, issue.column) for issue in report.errors] == [
        ("non-finite-number", 2, Column("value", 4))
    ]


def test_fast_path_agrees_with_frictionless_on_random_defects(tmp_path: Path) -> None:
    """A small seeded fuzz: random cells replaced by tricky values; both engines must say the same."""
    tricky = ["", " ", "NaN", "1e3", "-0", "+5", "=1", "-x", "2026-13", "2026-Q1", "2026-01", "2026", "x",
              "100.0000000000001", "CAF-75", "caf-decroche", "Final", "2026-02-30", "2026-1-5", "1_000", " 5", "a\nb"]
    randomly = random.Random(20261127)
    for attempt in range(10):
        package = tmp_path / f"fuzz-{attempt}"
        shutil.copytree(GOOD, package)
        path = package / randomly.choice(
            ["results/caf.csv", "results/france-travail.csv", "structures.csv", "labels.csv", "targets.csv"]
        )
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for _ in range(randomly.randint(1, 3)):
            row = randomly.randrange(1, len(rows))
            rows[row][randomly.randrange(len(rows[row]))] = randomly.choice(tricky)
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream, lineterminator="\n").writerows(rows)
        slow = validate_package(package, engine="frictionless")
        assert validate_package(package, engine="fast").errors == slow.errors, path


def test_ragged_rows_get_a_precise_hint(tmp_path: Path) -> None:
    """An unquoted decimal comma and a tab-separated line are named as such, not just counted."""
    package = tmp_path / "ragged"
    shutil.copytree(GOOD, package)
    taxes = package / "results" / "finances-publiques.csv"
    taxes.write_text(taxes.read_text("utf-8").replace("SIP-AJACCIO,sip-note,2024,8.1", "SIP-AJACCIO,sip-note,2024,8,1"),
                     "utf-8")
    results = package / "results" / "caf.csv"
    tabbed = "CAF-75,caf-decroche,2026-03,89.0,,,,final,,2026-04-03,"
    results.write_text(results.read_text("utf-8").replace(tabbed, tabbed.replace(",", "\t")), "utf-8")
    fixes = {issue.code: (issue.location, issue.fix) for issue in validate_package(package).errors}
    assert fixes["missing-cell"][1] == "Cette ligne est séparée par des tabulations : remplacez-les par des virgules."
    assert fixes["extra-cell"][1].endswith("la colonne value en deux : écrivez 8.1.")
