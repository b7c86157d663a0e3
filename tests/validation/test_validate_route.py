"""Where each file is validated (fast path or row by row) is decided in one place, and said."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

import attrs
import pytest
from frictionless import Package
from frictionless.table import Row
from support.paths import ROOT
from validation import validate_package
from validation.checks import DomainCheck, domain_checks
from validation.fastpath import FAST_PATH_MIN_BYTES, route
from validation.lookups import Lookups

GOOD = ROOT / "tests" / "fixtures" / "good"


@attrs.define(kw_only=True, repr=False)
class rows_only(DomainCheck):
    """A real rule with no vectorised form: it declares so."""

    type = "rows-only"
    title = "Règle sans version vectorisée"
    screens = False

    def validate_row(self, row: Row) -> Iterable:
        return []


def _results():
    return Package(str(GOOD / "datapackage.json")).get_resource("results-caf")


def _route(checks, *, engine="auto", size=FAST_PATH_MIN_BYTES, custom_dialect=False):
    return route(_results(), checks, engine=engine, path=GOOD / "results" / "caf.csv", size=size,
                 custom_dialect=custom_dialect)


def test_a_big_file_with_screening_checks_takes_the_fast_path() -> None:
    assert _route(domain_checks("results", Lookups())).fast


def test_a_check_without_screen_sends_a_big_file_row_by_row_loudly() -> None:
    decided = _route([*domain_checks("results", Lookups()), rows_only()])
    assert not decided.fast
    assert decided.level == logging.WARNING and "rows-only" in decided.reason


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"engine": "frictionless"}, "moteur frictionless"),
        ({"size": 10}, "moins de 4 Kio"),
        ({"engine": "fast", "custom_dialect": True}, "dialecte"),
    ],
)
def test_every_other_route_says_why(options: dict, words: str) -> None:
    decided = _route(domain_checks("results", Lookups()), **options)
    assert not decided.fast and words in decided.reason


def test_a_declined_file_is_logged_with_its_reason(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    package = tmp_path / "package"
    shutil.copytree(GOOD, package)
    results = package / "results" / "caf.csv"
    text = results.read_text(encoding="utf-8")
    results.write_text(text.replace("2024,81,412,77.2,84.8", "2024,90,412,77.2,84.8", 1), "utf-8")
    with caplog.at_level(logging.INFO, logger="validation"):
        report = validate_package(package, engine="fast")
    assert [issue.code for issue in report.errors] == ["confidence-interval"]
    said = [record.getMessage() for record in caplog.records if "caf.csv" in record.getMessage()]
    assert len(said) == 1
    assert said[0].endswith(
        "results/caf.csv : validation ligne à ligne par Frictionless "
        "(le contrôle confidence-interval signale un doute)."
    )
