"""What only the build used to catch, now caught by the validator with a French, located message:
dates of the publication metadata, `as_of` older than the data, a forgotten release or version, and a
`revised` value without its note (issue 19, "What only the build catches today")."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from support.paths import ROOT
from validation import format_report, validate_package

GOOD = ROOT / "tests" / "fixtures" / "good"
AS_OF = '"as_of"'
LAST_ROW = "FT-PARIS-19,satisfaction,2025,71,301,65.9,76.1,revised,,2026-03-02,"


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the good fixture, validated from its own folder (short locations)."""
    copy = tmp_path / "package"
    shutil.copytree(GOOD, copy)
    monkeypatch.chdir(copy)
    return copy


def edit_descriptor(package: Path, old: str, new: str) -> None:
    path = package / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(package: Path, file: str, snippet: str) -> int:
    text = (package / file).read_text(encoding="utf-8")
    return text[: text.index(snippet)].count("\n") + 1


def append_results(package: Path, *rows: str) -> int:
    """Append rows to the CAF's results file; return the line of the first one."""
    path = package / "results" / "caf.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "".join(row + "\n" for row in rows), encoding="utf-8")
    return text.count("\n") + 1


def publish_a_quarter(package: Path) -> int:
    """The guide's 'publish a quarter' rows, without touching datapackage.json."""
    return append_results(
        package,
        "CAF-75,caf-decroche,2026-11,87.2,,,,final,,2027-02-12,",
        "CAF-75,caf-decroche,2026-12,88.0,,,,final,,2027-02-12,",
    )


def test_as_of_written_the_french_way_is_an_error_at_its_line(package: Path) -> None:
    edit_descriptor(package, '"as_of": "2026-11-15"', '"as_of": "15/02/2027"')
    report = validate_package(package)
    (issue,) = [issue for issue in report.errors if issue.code == "publication-date"]
    assert issue.location == f"datapackage.json:{line_of(package, 'datapackage.json', AS_OF)}:12"
    assert issue.fix == "Écrivez 2027-02-15 (année-mois-jour)."
    assert issue.message == "La date as_of « 15/02/2027 » n'est pas au format AAAA-MM-JJ."
    assert report.exit_code == 1


def test_release_date_written_the_french_way_is_an_error_at_its_line(package: Path) -> None:
    edit_descriptor(package, '"date": "2026-08-14"', '"date": "14/08/2026"')
    report = validate_package(package)
    (issue,) = report.errors
    assert issue.code == "publication-date"
    assert issue.line == line_of(package, "datapackage.json", '"date": "14/08/2026"')
    assert issue.column is not None and issue.column.name == "releases[1].date"
    assert issue.fix == "Écrivez 2026-08-14 (année-mois-jour)."


def test_a_release_without_title_is_an_error(package: Path) -> None:
    edit_descriptor(package, '"title": "Résultats du 2e trimestre 2026",', "")
    (issue,) = validate_package(package).errors
    assert issue.code == "invalid-releases" and "n'a pas de title" in issue.message


def test_the_build_refuses_a_french_date_in_french_without_a_traceback(
    package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same package used to pass validation then crash Pelican with an English traceback."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build

    edit_descriptor(package, '"as_of": "2026-11-15"', '"as_of": "15/02/2027"')
    code = build.build(ROOT / "pelicanconf.py", package / "datapackage.json", tmp_path / "output")
    err = capsys.readouterr().err
    assert code == 1
    assert "Écrivez 2027-02-15" in err and "Site non construit" in err
    assert "Traceback" not in err and not (tmp_path / "output").exists()


def test_new_periods_without_moving_as_of_is_one_error_at_as_of(package: Path) -> None:
    first = publish_a_quarter(package)
    for engine in ("frictionless", "fast"):
        report = validate_package(package, engine=engine)
        (issue,) = report.errors
        assert issue.code == "stale-as-of"
        assert issue.location == f"datapackage.json:{line_of(package, 'datapackage.json', AS_OF)}:12"
        assert "2 lignes de results/caf.csv portent sur une période qui se termine après" in issue.message
        assert f"la plus récente : 2026-12, première ligne {first}" in issue.message
        assert "updated_on postérieure (la plus récente : 2027-02-12" in issue.message
        assert "mettez as_of à la date de publication" in issue.fix


def test_updated_on_after_as_of_is_an_error_naming_the_row(package: Path) -> None:
    path = package / "results" / "france-travail.csv"
    path.write_text(path.read_text("utf-8").replace(LAST_ROW, LAST_ROW.replace("2026-03-02", "2062-03-02")), "utf-8")
    (issue,) = validate_package(package).errors
    assert issue.code == "stale-as-of"
    row = line_of(package, "results/france-travail.csv", "2062-03-02")
    assert f"1 ligne de results/france-travail.csv a une date updated_on postérieure (la plus récente : 2062-03-02, " \
           f"première ligne {row})" in issue.message
    assert "faute de frappe, corrigez-la dans results/france-travail.csv" in issue.fix


def test_a_publication_without_its_release_and_version_warns_but_passes(package: Path) -> None:
    publish_a_quarter(package)
    edit_descriptor(package, '"as_of": "2026-11-15"', '"as_of": "2027-02-15"')
    report = validate_package(package)
    assert report.valid and report.exit_code == 0
    assert [(issue.code, issue.level) for issue in report.warnings] == [("release-missing", "warning")]
    (warning,) = report.warnings
    assert "la dernière entrée de releases (2026.3.0) date du 2026-11-15" in warning.message
    text = format_report(report)
    assert "données valides" in text and "Avertissements (1)" in text
    assert "Publication absente de « releases » [release-missing]" in text


def test_a_release_added_without_bumping_version_warns(package: Path) -> None:
    publish_a_quarter(package)
    edit_descriptor(package, '"as_of": "2026-11-15"', '"as_of": "2027-02-15"')
    release = {"version": "2026.4.0", "date": "2027-02-15", "title": "T4 2026", "description": "T4."}
    path = package / "datapackage.json"
    data = json.loads(path.read_text("utf-8"))
    data["releases"].append(release)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    report = validate_package(package)
    (warning,) = report.warnings
    assert warning.code == "version-mismatch" and warning.column is not None and warning.column.name == "version"
    assert "version vaut « 2026.3.0 », mais la publication la plus récente de releases est « 2026.4.0 »" in (
        warning.message
    )
    data["version"] = "2026.4.0"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    report = validate_package(package)
    assert report.valid and not report.warnings  # the guide's complete publication: nothing to say


def test_revised_row_without_note_is_an_error_on_its_note(package: Path) -> None:
    path = package / "results" / "france-travail.csv"
    text = path.read_text("utf-8")
    start = text.index(LAST_ROW)
    end = text.index("\n", start)
    path.write_text(text[:start] + LAST_ROW + text[end:], "utf-8")
    slow = validate_package(package, engine="frictionless")
    (issue,) = slow.errors
    assert (issue.code, issue.title) == ("revised-without-note", "Valeur corrigée sans explication")
    assert issue.location == f"results/france-travail.csv:{line_of(package, 'results/france-travail.csv', LAST_ROW)}:11"
    assert validate_package(package, engine="fast").errors == slow.errors
