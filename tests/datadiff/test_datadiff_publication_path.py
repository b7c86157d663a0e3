"""The maintainer's path end to end: publish a quarter in a copy of the demo package, commit nothing,
run `data_diff.py --base-ref HEAD` as `make data-diff` does, and read what the reviewer gets.

The demo package is generated into a temporary folder (never data/), and the quarter is published
by scripts/bench_data_diff.py's `publish_quarter`, the same edit the benchmark times.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bench_data_diff import publish_quarter
from data_diff import main
from diffpackages import git
from generate_demo_data import main as generate
from support.csvfiles import read_csv


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository whose last commit holds a freshly generated demo package in data/."""
    repo = tmp_path_factory.mktemp("repo")
    assert generate(["--output", str(repo / "data")]) == 0
    git(repo, "init", "--quiet")
    git(repo, "add", "data")
    git(repo, "commit", "--quiet", "-m", "Demo package")
    return repo


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_publishing_a_quarter_reads_as_one_network_one_period(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    descriptor = repo / "data" / "datapackage.json"
    quarter, added = publish_quarter(descriptor, "caf")
    try:
        assert main(["--base-ref", "HEAD", "--head", str(descriptor)]) == 0
    finally:
        git(repo, "checkout", "--quiet", "--", "data")
    text = capsys.readouterr().out

    caf = {row["id"] for row in read_csv(repo / "data" / "structures.csv") if row["network_id"] == "caf"}
    rows = read_csv(repo / "data" / "results" / "caf.csv")
    assert {row["structure_id"] for row in rows} <= caf, "results/caf.csv ne contient que la CAF"
    publishing = {row["structure_id"] for row in rows}
    with_quarter = {row["structure_id"] for row in rows if row["period"] == quarter.previous().code}
    months = ", ".join(f"`{quarter.year}-{month:02d}`" for month in range(quarter.start.month, quarter.start.month + 3))

    assert f"| Résultats du réseau caf (`results/caf.csv`) | {added:,} | 0 | 0 |".replace(",", "\u202f") in text
    assert "### CAF (`caf`) — `results/caf.csv`" in text
    changed_files = [line for line in text.splitlines() if line.startswith("| ") and "`results/" in line]
    assert len(changed_files) == 1, "seul le fichier du réseau qui publie change"
    assert f"- Nouvelles périodes {months}, `{quarter.code}` : {len(with_quarter)}/{len(publishing)} structures" in text
    assert text.count("### ") == 2  # CAF's section and the lateness note, no other network, no warning
    assert "⚠️" not in text
    lateness = text[text.index("### Réseaux qui apparaîtront en retard"):]
    assert "France Travail (france-travail)" in lateness
    assert "(caf)" not in lateness
