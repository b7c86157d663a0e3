"""Row-by-row comparison of every resource (scripts/datadiff/rows.py) and the summary's table.

Each test writes two tiny versions of a package into tmp_path: the summary must not depend on
data/, which changes with every publication.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from data_diff import diff_packages, main, period_order, render
from diffpackages import git

RESULTS_HEADER = ["structure_id", "indicator_id", "period", "value", "status"]
RESULTS_KEY = ["structure_id", "indicator_id", "period"]


def write_package(folder: Path, tables: dict[str, tuple[list[str] | None, list[str], list[list[str]]]]) -> Path:
    """Write a descriptor and one CSV per table {name: (primary key, header, rows)}."""
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for name, (key, header, rows) in tables.items():
        schema: dict = {"fields": [{"name": column, "type": "string"} for column in header]}
        if key is not None:
            schema["primaryKey"] = key
        resources.append({"name": name, "title": name.capitalize(), "path": f"{name}.csv", "schema": schema})
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
    descriptor = folder / "datapackage.json"
    descriptor.write_text(json.dumps({"name": "test", "version": "1", "resources": resources}), "utf-8")
    return descriptor


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """Version 1: two structures, three results over two quarters."""
    return write_package(
        tmp_path / "base",
        {
            "structures": (["id"], ["id", "name"], [["A", "Agence A"], ["B", "Agence B"], ["C", "Agence C"]]),
            "results": (
                RESULTS_KEY,
                RESULTS_HEADER,
                [
                    ["A", "sat", "2025-Q1", "80", "final"],
                    ["A", "sat", "2025-Q2", "81", "final"],
                    ["B", "sat", "2025-Q2", "70", "provisional"],
                ],
            ),
            "regions": (["code"], ["code", "name"], [["11", "Île-de-France"]]),
        },
    )


@pytest.fixture
def head(tmp_path: Path) -> Path:
    """Version 2: a new quarter, one corrected value, one result and one structure removed."""
    return write_package(
        tmp_path / "head",
        {
            "structures": (
                ["id"],
                ["id", "name"],
                [["A", "Agence A"], ["B", "Agence de B"], ["D", "Agence D"]],
            ),
            "results": (
                RESULTS_KEY,
                RESULTS_HEADER,
                [
                    ["A", "sat", "2025-Q3", "84", "provisional"],
                    ["A", "sat", "2025-Q1", "80", "final"],
                    ["A", "sat", "2025-Q2", "82", "revised"],
                    ["B", "sat", "2025-Q3", "72", "provisional"],
                ],
            ),
            "regions": (["code"], ["code", "name"], [["11", "Île-de-France"]]),
        },
    )


def by_name(diff) -> dict:
    return {resource.name: resource for resource in diff.resources}


def test_rows_added_changed_removed_per_resource(base: Path, head: Path) -> None:
    resources = by_name(diff_packages(base, head))
    results, structures, regions = resources["results"], resources["structures"], resources["regions"]
    assert (results.added, results.changed, results.removed) == (2, 1, 1)
    assert (structures.added, structures.changed, structures.removed) == (1, 1, 1)
    assert (regions.added, regions.changed, regions.removed) == (0, 0, 0)
    assert not regions.has_changes


def test_rows_are_matched_by_primary_key_whatever_their_order(base: Path, head: Path) -> None:
    results = by_name(diff_packages(base, head))["results"]
    assert results.examples["added"] == ["A · sat · 2025-Q3", "B · sat · 2025-Q3"]
    assert results.examples["changed"] == ["A · sat · 2025-Q2"]
    assert results.examples["removed"] == ["B · sat · 2025-Q2"]


def test_new_periods_and_changed_rows_by_status(base: Path, head: Path) -> None:
    diff = diff_packages(base, head)
    assert dict(by_name(diff)["results"].changed_by_status) == {"revised": 1}
    summary = render(diff)
    assert "- Nouvelle période `2025-Q3` : 2/2 structures." in summary
    assert "disparai" not in summary


def test_markdown_summary(base: Path, head: Path) -> None:
    summary = render(diff_packages(base, head))
    assert "| Results (`results.csv`) | 2 | 1 | ⚠️ 1 |" in summary
    assert "| Structures (`structures.csv`) | 1 | 1 | ⚠️ 1 |" in summary
    assert "`regions.csv`" not in summary  # unchanged resources stay out of the table
    assert "`revised` : 1" in summary
    assert "`B · sat · 2025-Q2`" in summary  # a removed row is named for the reviewer
    assert "`C`" in summary  # so is a removed structure, in the examples


def test_identical_packages_change_nothing(base: Path) -> None:
    diff = diff_packages(base, base)
    assert not any(resource.has_changes for resource in diff.resources)
    assert diff.networks == []
    assert render(diff) == "## Ce que change cette version des données\n\nAucune ligne de données ne change.\n"


def test_a_dropped_period_is_flagged(base: Path, tmp_path: Path) -> None:
    head = write_package(
        tmp_path / "head",
        {"results": (RESULTS_KEY, RESULTS_HEADER, [["A", "sat", "2025-Q2", "81", "final"]])},
    )
    assert "- ⚠️ **Période qui disparaît** : `2025-Q1`." in render(diff_packages(base, head))


def test_a_new_column_does_not_make_every_row_changed(base: Path, tmp_path: Path) -> None:
    rows = [
        ["A", "sat", "2025-Q1", "80", "final", ""],
        ["A", "sat", "2025-Q2", "81", "final", "Enquête en ligne"],
        ["B", "sat", "2025-Q2", "70", "provisional", ""],
    ]
    head = write_package(tmp_path / "head", {"results": (RESULTS_KEY, [*RESULTS_HEADER, "note"], rows)})
    results = by_name(diff_packages(base, head))["results"]
    assert (results.added, results.changed, results.removed) == (0, 0, 0)
    assert results.added_columns == ["note"]
    assert "Colonnes ajoutées à `results` : `note`." in render(diff_packages(base, head))


def test_new_and_removed_resources(base: Path, tmp_path: Path) -> None:
    head = write_package(
        tmp_path / "head",
        {
            "results": (RESULTS_KEY, RESULTS_HEADER, []),
            "labels": (["structure_id"], ["structure_id", "level"], [["A", "or"], ["B", "argent"]]),
        },
    )
    resources = by_name(diff_packages(base, head))
    assert (resources["labels"].presence, resources["labels"].added) == ("added", 2)
    assert (resources["structures"].presence, resources["structures"].removed) == ("removed", 3)
    assert resources["results"].removed == 3
    summary = render(diff_packages(base, head))
    assert "— nouvelle ressource | 2 | 0 | 0 |" in summary
    assert "— ressource retirée | 0 | 0 | 3 |" in summary
    assert "- `labels` : ajoutée" in summary  # also a schema change, shown first
    assert "- `structures` : retirée" in summary


def test_first_publication_counts_every_row_as_added(head: Path, tmp_path: Path) -> None:
    diff = diff_packages(tmp_path / "nowhere" / "datapackage.json", head)
    assert diff.base_missing
    assert by_name(diff)["results"].added == 4
    summary = render(diff)
    assert summary.startswith("## Ce que change cette version des données\n\nPremière publication")
    assert "- Nouvelles périodes `2025-Q1`, `2025-Q2` : 1/2 structures (sans ligne : `B`)." in summary
    assert "- Nouvelle période `2025-Q3` : 2/2 structures." in summary
    assert "schéma" not in summary and "publication incomplète" not in summary


def test_a_resource_without_primary_key_is_compared_row_by_row(tmp_path: Path) -> None:
    header = ["word"]
    base = write_package(tmp_path / "base", {"words": (None, header, [["a"], ["b"], ["b"]])})
    head = write_package(tmp_path / "head", {"words": (None, header, [["b"], ["c"], ["a"]])})
    words = by_name(diff_packages(base, head))["words"]
    assert (words.added, words.changed, words.removed) == (1, 0, 1)


def test_duplicate_keys_are_counted_not_compared(base: Path, tmp_path: Path) -> None:
    rows = [["A", "sat", "2025-Q1", "80", "final"], ["A", "sat", "2025-Q1", "99", "final"]]
    head = write_package(tmp_path / "head", {"results": (RESULTS_KEY, RESULTS_HEADER, rows)})
    results = by_name(diff_packages(base, head))["results"]
    assert results.duplicate_keys == 1
    assert results.changed == 0
    assert "1 ligne en double" in render(diff_packages(base, head))


def test_an_unreadable_resource_is_reported_not_fatal(base: Path, tmp_path: Path) -> None:
    head = write_package(tmp_path / "head", {"results": (RESULTS_KEY, RESULTS_HEADER, [])})
    (tmp_path / "head" / "results.csv").unlink()
    results = by_name(diff_packages(base, head))["results"]
    assert "introuvable" in (results.problem or "")
    assert "non comparée" in render(diff_packages(base, head))


def test_values_from_the_data_cannot_break_the_markdown(tmp_path: Path) -> None:
    base = write_package(
        tmp_path / "base", {"results": (RESULTS_KEY, RESULTS_HEADER, [["A`|<b>", "x", "2025", "1", "final"]])}
    )
    head = write_package(
        tmp_path / "head", {"results": (RESULTS_KEY, RESULTS_HEADER, [["A`|<b>", "x", "2025", "2", "revised"]])}
    )
    summary = render(diff_packages(base, head))
    assert "`A'|<b> · x · 2025`" in summary
    assert "A`" not in summary


def test_periods_sort_in_the_order_they_end() -> None:
    periods = ["2026", "2026-Q1", "2025-Q4", "2026-02", "2026-03", "2026-01", "2025"]
    assert sorted(periods, key=period_order) == [
        "2025-Q4",
        "2025",
        "2026-01",
        "2026-02",
        "2026-03",
        "2026-Q1",
        "2026",
    ]


def test_command_line(base: Path, head: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--base", str(base), "--head", str(head)]) == 0
    assert "| Results (`results.csv`) | 2 | 1 | ⚠️ 1 |" in capsys.readouterr().out
    assert main(["--base", str(base), "--head", str(base.parent / "missing.json")]) == 2
    assert "descripteur introuvable" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_base_read_from_a_git_ref(base: Path, head: Path, tmp_path: Path, capsys) -> None:
    """--base-ref reads the old version from git, as the pull-request workflow does."""
    repo = tmp_path / "repo"
    shutil.copytree(base.parent, repo / "data")
    git(repo, "init", "--quiet")
    git(repo, "add", "data")
    git(repo, "commit", "--quiet", "-m", "Version 1")
    shutil.rmtree(repo / "data")
    shutil.copytree(head.parent, repo / "data")

    assert main(["--base-ref", "HEAD", "--head", str(repo / "data" / "datapackage.json")]) == 0
    out = capsys.readouterr().out
    assert "| Results (`results.csv`) | 2 | 1 | ⚠️ 1 |" in out
    assert "- Nouvelle période `2025-Q3` : 2/2 structures." in out

    assert main(["--base-ref", "no-such-branch", "--head", str(repo / "data" / "datapackage.json")]) == 2
    assert "référence git inconnue" in capsys.readouterr().err


def test_changed_rows_of_other_tables_show_old_and_new_cells(tmp_path: Path) -> None:
    header = ["id", "network_id", "name"]
    base = write_package(tmp_path / "base", {"structures": (["id"], header, [["CAF-75", "caf", "CAF de Paris"]])})
    head = write_package(tmp_path / "head", {"structures": (["id"], header, [["CAF-75", "caf", "CAF Paris"]])})
    summary = render(diff_packages(base, head))
    assert "- `structures` (id), modifiées : `CAF-75` (name : `CAF de Paris` → `CAF Paris`)" in summary
