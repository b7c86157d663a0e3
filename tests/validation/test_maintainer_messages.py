"""Messages that used to mislead a maintainer (issue 19, "Messages that mislead"), each reproduced as
the issue describes it on a copy of the good fixture."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from support.paths import ROOT
from validation import format_report, validate_package

GOOD = ROOT / "tests" / "fixtures" / "good"
REGEX_BITS = re.compile(r"\\d|\[A-Z|\[a-z|\^\(|\)\$|\{\d+\}\$|motif")


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "package"
    shutil.copytree(GOOD, copy)
    monkeypatch.chdir(copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_month_on_a_quarterly_indicator_then_2026_T4_lead_to_2026_Q4(package: Path) -> None:
    """Told "AAAA-Tn", a maintainer wrote 2026-T4 and met a regular expression."""
    edit(package / "results" / "france-travail.csv", "PARIS-19,ft-delai-rdv,2025-Q3,", "PARIS-19,ft-delai-rdv,2025-09,")
    (issue,) = validate_package(package).errors
    assert issue.code == "period-frequency"
    assert issue.expected == "une période AAAA-Qn (ex. 2026-Q4, avec un Q et non un T)"
    assert issue.fix.startswith("Si la valeur porte sur le trimestre, écrivez 2025-Q3 ;")
    edit(package / "results" / "france-travail.csv", "PARIS-19,ft-delai-rdv,2025-09,", "PARIS-19,ft-delai-rdv,2025-T4,")
    (issue,) = validate_package(package).errors
    assert (issue.code, issue.title) == ("constraint-error", "Format incorrect")
    assert issue.fix == "Écrivez 2025-Q4."
    assert "AAAA-Qn pour un trimestre (avec la lettre Q)" in (issue.expected or "")
    assert not REGEX_BITS.search(format_report(validate_package(package)))


def test_fiscal_years_are_explained_and_corrected_in_french(package: Path) -> None:
    """`2023-24` (as Canadian files sometimes shorten it) and `2023-2025` (years that do not follow)."""
    edit(package / "results" / "caf.csv", "CAF-75,satisfaction,2024,", "CAF-75,satisfaction,2023-24,")
    (issue,) = validate_package(package).errors
    assert (issue.code, issue.line) == ("constraint-error", 2) and "period" in str(issue.column)
    assert issue.fix == "Écrivez 2023-2024."
    assert "AAAA-AAAA pour un exercice d'avril à mars" in (issue.expected or "")
    edit(package / "results" / "caf.csv", "CAF-75,satisfaction,2023-24,", "CAF-75,satisfaction,2023-2025,")
    (issue,) = validate_package(package).errors
    assert (issue.code, issue.line) == ("period-frequency", 2) and "period" in str(issue.column)
    assert "ses deux années se suivent" in issue.message
    assert issue.fix.startswith("Écrivez 2023-2024 pour l'exercice qui commence en avril 2023")
    edit(package / "results" / "caf.csv", "CAF-75,satisfaction,2023-2025,", "CAF-75,satisfaction,2023-2024,")
    (issue,) = validate_package(package).errors
    assert issue.code == "period-frequency"
    assert issue.expected == "une période AAAA (ex. 2026)"
    assert not REGEX_BITS.search(format_report(validate_package(package)))


def pattern_fields() -> list[tuple[str, str, str]]:
    descriptor = json.loads((GOOD / "datapackage.json").read_text(encoding="utf-8"))
    return [
        (resource["path"].removesuffix(".csv"), field["name"], field["constraints"]["pattern"])
        for resource in descriptor["resources"]
        for field in resource["schema"]["fields"]
        if "pattern" in field.get("constraints", {})
    ]


def test_every_pattern_of_the_contract_is_said_in_words() -> None:
    from validation.patterns import WORDS

    missing = {pattern for _resource, _field, pattern in pattern_fields()} - set(WORDS)
    assert not missing, f"add a French wording to scripts/validation/patterns.py for {missing}"


@pytest.mark.parametrize(("resource", "column", "pattern"), pattern_fields(), ids=lambda value: str(value)[:20])
def test_no_regular_expression_reaches_a_maintainer(package: Path, resource: str, column: str, pattern: str) -> None:
    """A value breaking each pattern of the contract: French words, an example, never the expression."""
    path = package / f"{resource}.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index(column)] = "Zz 9"  # matches no pattern of the contract
    lines[1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")
    report = validate_package(package)
    issue = next(issue for issue in report.errors if issue.column and issue.column.name == column)
    assert issue.title == "Format incorrect"
    for shown in (format_report(report), format_report(report, "github"), format_report(report, "markdown")):
        assert pattern not in shown and not REGEX_BITS.search(shown), shown
    assert "(ex. " in (issue.expected or "")


def test_excel_csv_utf8_with_a_bom_is_accepted_and_built(package: Path) -> None:
    """Excel's "CSV UTF-8" writes a byte order mark: valid, and the build reads the same rows."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from results.load import load_catalog

    before = load_catalog(package / "datapackage.json")
    for path in package.glob("*.csv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    report = validate_package(package)
    assert report.valid and not report.warnings, format_report(report)
    after = load_catalog(package / "datapackage.json")
    assert sorted(after.structures) == sorted(before.structures)
    assert len(after.results) == len(before.results)


def test_a_windows_1252_file_is_one_error_not_one_per_accented_line(package: Path) -> None:
    path = package / "structures.csv"
    accented = sum(1 for line in path.read_text("utf-8").splitlines() if not line.isascii())
    assert accented > 3
    path.write_bytes(path.read_text("utf-8").encode("cp1252"))
    report = validate_package(package)
    (issue,) = [issue for issue in report.errors if issue.file == "structures.csv"]
    assert issue.code == "encoding-error"
    assert f"{accented} lignes contiennent des caractères illisibles" in issue.message
    assert "Windows-1252" in issue.message and "UTF-8" in issue.fix


def test_an_unknown_id_gets_the_nearest_existing_one(package: Path) -> None:
    edit(package / "results" / "caf.csv", "\nCAF-75,", "\nCAF-755,")
    (issue,) = validate_package(package).errors
    assert issue.code == "foreign-key"
    assert issue.fix.startswith("Vouliez-vous écrire « CAF-75 » ?")


def test_rows_pasted_twice_are_one_summarised_entry(package: Path) -> None:
    path = package / "results" / "caf.csv"
    text = path.read_text("utf-8")
    rows = text.rstrip("\n").split("\n")[1:]
    path.write_text(text + "\n".join(rows) + "\n", "utf-8")
    first, last = len(rows) + 2, 2 * len(rows) + 1
    report = validate_package(package)
    assert report.error_count == len(rows) and {issue.code for issue in report.errors} == {"primary-key"}
    text_report = format_report(report)
    assert text_report.count("Ligne en double :") == 1
    assert f"lignes {first} à {last} ({len(rows)} lignes, même erreur), par exemple : Ligne en double" in text_report
    (annotation,) = [line for line in format_report(report, "github").splitlines() if line.startswith("::error")]
    assert f"line={first},endLine={last}," in annotation
    assert "title=Ligne en double (colonne structure_id)" in annotation


def test_windows_line_endings_are_one_warning_per_file(package: Path) -> None:
    for name in ("results/caf.csv", "structures.csv"):
        path = package / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    report = validate_package(package)
    assert report.valid
    assert sorted((issue.file, issue.code) for issue in report.warnings) == [
        ("results/caf.csv", "crlf-line-endings"),
        ("structures.csv", "crlf-line-endings"),
    ]
    assert "LF" in report.warnings[0].fix
    text = format_report(report)
    assert "données valides" in text and "Fins de ligne Windows (CRLF) [crlf-line-endings]" in text


def test_gitattributes_keeps_csv_line_endings_unix() -> None:
    lines = (ROOT / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "*.csv text eol=lf" in lines
