"""The Baromètre's current edition, files written by the test with its quirks: zones FRANCE / R84 /
D2A, a target at a future date, placeholders, and an older copy (other column order, months dated
at their last day instead of their first) that must import to the same bytes."""

from __future__ import annotations

from pathlib import Path

from importcheck import csv_rows, package_bytes, run_importer, table_rows, write_csv

META_HEADER = ["indic_id", "indic_nom", "indic_descr", "tendance", "indic_unite"]
META = [["IND-ATT", "Délai moyen d'attente", "Minutes d'attente au guichet.", "baisse", "minutes"],
        ["IND-SAT", "Usagers satisfaits", "Enquête annuelle.", "hausse", "%"]]
HEADER = ["indic_id", "enforce_zone_id", "metric_enforce_date", "maille", "indic_vi", "indic_va", "indic_vc",
          "indic_ta"]


def values(month_day: str) -> list[list[str]]:
    """IND-ATT monthly, dated on the month's first day (`01`) or its last (`last`)."""
    def day(month: int) -> str:
        last = {1: 31, 2: 28, 3: 31}[month]
        return f"2024-{month:02d}-{'01' if month_day == '01' else last}"

    return [
        ["IND-ATT", "FRANCE", day(1), "NAT", "20", "18.5", "", ""],
        ["IND-ATT", "FRANCE", day(2), "NAT", "20", "17", "", ""],
        ["IND-ATT", "FRANCE", day(3), "NAT", "20", "16.2", "", ""],
        ["IND-ATT", "R84", day(3), "REG", "", "15", "", ""],
        ["IND-ATT", "D2A", day(3), "DEPT", "", "21", "", ""],
        ["IND-ATT", "FRANCE", "2026-12-31", "NAT", "", "", "12", ""],  # a target, later than any result
        ["IND-ATT", "D2A", "", "DEPT", "", "", "", ""],  # a placeholder
        ["IND-SAT", "FRANCE", "2023-12-31", "NAT", "", "72", "", ""],
    ]


def write_source(folder: Path, month_day: str, order: list[int]) -> list[Path]:
    rows = values(month_day)
    return [write_csv(folder / "meta_indicateurs.csv", META_HEADER, META),
            write_csv(folder / "ind-att.csv", [HEADER[i] for i in order], [[r[i] for i in order] for r in rows])]


def test_the_current_edition_imports_results_targets_and_directions(tmp_path: Path) -> None:
    run = run_importer("barometre-v2", *write_source(tmp_path / "src", "01", list(range(8))),
                       "--output", tmp_path / "package")
    assert run.code == 0, run.out + run.err
    package = tmp_path / "package"
    results = {(r["structure_id"], r["indicator_id"], r["period"]): r["value"]
               for r in table_rows(package, "results")}
    assert results == {("FRANCE", "ind-att", "2024-01"): "18.5", ("FRANCE", "ind-att", "2024-02"): "17",
                       ("FRANCE", "ind-att", "2024-03"): "16.2", ("R84", "ind-att", "2024-03"): "15",
                       ("D2A", "ind-att", "2024-03"): "21", ("FRANCE", "ind-sat", "2023"): "72"}
    indicators = {i["id"]: i for i in csv_rows(package / "indicators.csv")}
    assert indicators["ind-att"]["direction"] == "lower" and indicators["ind-sat"]["direction"] == "higher"
    assert indicators["ind-att"]["frequency"] == "monthly" and indicators["ind-att"]["unit"] == "minutes"
    assert [(t["indicator_id"], t["period"], t["target"]) for t in csv_rows(package / "targets.csv")] == [
        ("ind-att", "2026-12", "12")]
    assert "ligne sans date ou sans valeur ni cible (espace réservé) : 1 ligne" in run.out
    assert "ind-att.csv, ligne 8" in run.out


def test_an_older_copy_imports_to_the_same_bytes(tmp_path: Path) -> None:
    current = write_source(tmp_path / "current", "01", list(range(8)))
    older = write_source(tmp_path / "older", "last", [7, 2, 0, 5, 1, 6, 4, 3])
    runs = [run_importer("barometre-v2", *files, "--output", tmp_path / name)
            for name, files in (("one", current), ("two", older))]
    assert [r.code for r in runs] == [0, 0], runs[0].out + runs[1].out
    assert package_bytes(tmp_path / "one") == package_bytes(tmp_path / "two")
