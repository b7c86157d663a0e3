"""Every broken fixture is reported with the right exit code, error code and editor location; the good
fixture is valid; the committed fixtures are what make_broken.py writes."""

from __future__ import annotations

import filecmp
import json
import shutil
from pathlib import Path

import pytest
from results.core.parts import Part, expand_resources
from results.core.schema import canonical_resources
from support.paths import ROOT
from validation import format_report, validate_package

from tests.fixtures.make_broken import DEFECTS, Defect, build, write_all

FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"
RELATIVE = BROKEN.relative_to(ROOT).as_posix()


@pytest.fixture(autouse=True)
def _from_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Locations are shown relative to the working directory, as from the repository root in CI."""
    monkeypatch.chdir(ROOT)


def test_good_fixture_is_valid() -> None:
    report = validate_package(GOOD)
    assert report.valid, format_report(report)
    assert report.exit_code == 0
    assert report.rows == 71
    assert {stats.engine for stats in report.resources} == {"frictionless"}


def test_at_least_25_defects_one_file_each() -> None:
    assert len(DEFECTS) >= 25
    assert len({defect.name for defect in DEFECTS}) == len(DEFECTS)


@pytest.mark.parametrize("defect", DEFECTS, ids=lambda defect: defect.name)
def test_broken_fixture_is_reported_where_it_is(defect: Defect) -> None:
    report = validate_package(BROKEN / defect.name, engine="frictionless")
    expected = f"{RELATIVE}/{defect.name}/{defect.location}"
    found = [(issue.code, issue.location) for issue in report.errors]
    assert report.exit_code == defect.exit_code, found
    assert report.error_count == defect.count, found
    assert (defect.code, expected) in found
    assert all(issue.file == f"{RELATIVE}/{defect.name}/{defect.file}" for issue in report.errors), found
    text = format_report(report)
    assert f"\n    {expected} " in text  # the exact file:line:column, as the text report prints it
    issue = next(issue for issue in report.errors if issue.location == expected)
    assert issue.message and issue.fix  # what is wrong and how to fix it, in French
    assert not issue.message.startswith(("Row ", "The ", "Type error")), "untranslated Frictionless message"
    # The fast path only ever skips files it proves valid: the report must not change.
    assert validate_package(BROKEN / defect.name, engine="fast").errors == report.errors


def test_fast_engine_proves_the_good_fixture_valid() -> None:
    report = validate_package(GOOD, engine="fast")
    assert report.valid
    assert {stats.engine for stats in report.resources} == {"fast"}
    assert report.rows == 71


def test_committed_broken_fixtures_match_the_script(tmp_path: Path) -> None:
    write_all(tmp_path / "broken")
    comparison = filecmp.dircmp(tmp_path / "broken", BROKEN)
    mismatched: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        mismatched.extend(f"{prefix}{name}" for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        _, different, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        mismatched.extend(f"{prefix}{name}" for name in different + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(comparison, "")
    assert not mismatched, f"run: python tests/fixtures/make_broken.py ({sorted(set(mismatched))[:5]})"


def test_good_fixture_descriptor_follows_the_data_contract() -> None:
    """The programme's resources, the results one file per network of the fixture (core/parts.py)."""
    good = json.loads((GOOD / "datapackage.json").read_text(encoding="utf-8"))
    parts = [Part("results", network) for network in ("caf", "france-travail", "finances-publiques")]
    assert good["resources"] == expand_resources(canonical_resources(), parts), (
        "réécrivez les ressources de tests/fixtures/good/datapackage.json depuis core/resources.json, "
        "puis python tests/fixtures/make_broken.py"
    )


def test_one_run_reports_every_error(tmp_path: Path) -> None:
    """Several defects in several files: all of them in one report, each at its place."""
    package = tmp_path / "package"
    shutil.copytree(GOOD, package)
    chosen = ["decimal-comma", "reversed-label-dates", "unknown-parent", "formula-injection", "wrong-encoding"]
    for defect in DEFECTS:
        if defect.name in chosen:
            path = package / defect.file
            path.write_bytes(defect.mutate(path.read_bytes()) or b"")
    report = validate_package(package)
    codes = {issue.code for issue in report.errors}
    assert codes == {"type-error", "date-order", "foreign-key", "formula-injection", "encoding-error"}
    assert report.exit_code == 1


def test_crlf_line_endings_are_fine(tmp_path: Path) -> None:
    package = tmp_path / "crlf"
    shutil.copytree(GOOD, package)
    for path in package.rglob("*.csv"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert validate_package(package).valid
    defect = next(defect for defect in DEFECTS if defect.name == "error-after-multiline-cell")
    path = package / defect.file
    path.write_bytes(path.read_bytes().replace(b"2026-03-10", b"2026-03-32"))
    report = validate_package(package)
    assert [issue.line for issue in report.errors] == [4]


def test_error_limit_is_a_failure_not_a_silent_cut() -> None:
    report = validate_package(BROKEN / "many-type-errors", limit_errors=5)
    assert not report.valid
    assert report.errors[-1].code == "error-limit"


def test_each_defect_alone_in_a_fresh_copy(tmp_path: Path) -> None:
    """build() is what the committed fixtures come from; one defect, one file changed."""
    defect = next(defect for defect in DEFECTS if defect.name == "bad-enum")
    build(defect, tmp_path / "one")
    changed = [
        path.relative_to(tmp_path / "one").as_posix()
        for path in (tmp_path / "one").rglob("*")
        if path.is_file() and path.read_bytes() != (GOOD / path.relative_to(tmp_path / "one")).read_bytes()
    ]
    assert changed == [defect.file]
