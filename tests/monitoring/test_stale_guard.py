"""The stale-data guard: a late network is a warning naming it and its last period, and a failed build
(previous output kept) under --strict / RESULTS_STRICT."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import build as build_script
import pytest
from monitorcheck import FIXTURE
from pelican.log import LimitFilter
from results.load import load_catalog
from results.monitoring import MonitoringSection
from results.sections import Site
from support.site import copy_package


@pytest.fixture(autouse=True)
def fresh_warning_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pelican's loggers drop a warning already logged once in the process (LimitFilter); each test here
    builds in the same process and must see its own warning."""
    monkeypatch.setattr(LimitFilter, "_raised_messages", set())


def make_section(package: Path, **overrides: Any) -> MonitoringSection:
    """The section as a build runs it: built, then prepared (the phase that logs late networks)."""
    section = MonitoringSection(Site.of(load_catalog(package), overrides))
    section.prepare()
    return section


def on_time_package(tmp_path: Path) -> Path:
    """The fixture with Gamma's June to August results added: nobody is late any more."""
    package = copy_package(FIXTURE, tmp_path / "on-time")
    with (package.parent / "results" / "gamma.csv").open("a", encoding="utf-8") as results:
        for month in ("2026-06", "2026-07", "2026-08"):
            for structure_id in ("GAMMA-75", "GAMMA-69"):
                results.write(f"{structure_id},gamma-decroche,{month},83.0,,,,final,,2026-09-10,\n")
    return package


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_late_network_is_a_warning_naming_network_and_last_period(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        section = make_section(FIXTURE)
    late = [r for r in caplog.records if r.name == "results.monitoring"]
    assert len(late) == 1 and late[0].levelno == logging.WARNING
    message = late[0].getMessage()
    assert "Gamma (gamma)" in message and "mai 2026" in message and "août 2026" in message
    assert "retard" in message
    assert [row.network.id for row in section.networks.values() if row.late] == ["gamma"]


def test_strict_setting_turns_the_warning_into_an_error(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        make_section(FIXTURE, RESULTS_STRICT=True)
    late = [r for r in caplog.records if r.name == "results.monitoring"]
    assert [r.levelno for r in late] == [logging.ERROR]
    assert "Gamma" in late[0].getMessage() and "strict" in late[0].getMessage()


def test_on_time_package_logs_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        section = make_section(on_time_package(tmp_path), RESULTS_STRICT=True)
    assert not [r for r in caplog.records if r.name == "results.monitoring"]
    assert not any(row.late for row in section.networks.values())


def test_grace_days_setting_moves_the_deadline(caplog: pytest.LogCaptureFixture) -> None:
    """With 200 days of grace, May results are still acceptable on 15 November."""
    with caplog.at_level(logging.WARNING):
        section = make_section(FIXTURE, RESULTS_STALE_GRACE_DAYS=200)
    assert not any(row.late for row in section.networks.values())


def test_build_script_warns_but_publishes_without_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    output = tmp_path / "output"
    with caplog.at_level(logging.WARNING):
        code = build_script.main(["--data", str(FIXTURE), "--output", str(output), "--quiet"])
    assert code == 0 and (output / "programme" / "index.html").exists()
    assert any("Gamma (gamma)" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_build_script_strict_fails_and_keeps_the_previous_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "output"
    assert build_script.main(["--data", str(on_time_package(tmp_path)), "--output", str(output),
                              "--quiet", "--strict"]) == 0
    before = snapshot(output)
    capsys.readouterr()

    code = build_script.main(["--data", str(FIXTURE), "--output", str(output), "--quiet", "--strict"])

    assert code == 1
    error = capsys.readouterr().err
    assert "Gamma (gamma)" in error and "mai 2026" in error and "inchangé" in error
    assert snapshot(output) == before
    assert [p.name for p in output.parent.iterdir() if p.name.startswith("output")] == ["output"]
