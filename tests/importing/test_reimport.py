"""Re-import: a newer export updates the package in place, keeps the hand-maintained tables, and
`make data-diff` (scripts/data_diff.py) shows exactly the change the export brings."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from importcheck import csv_rows, package_bytes, run_importer, table_rows
from odsexports import DECROCHE, RESULTS, STRUCTURES, result, write_exports

LABEL = "SP-CAF04,argent,2024-03-01,2027-02-28,AFNOR Certification\n"


def data_diff(base: Path, head: Path) -> str:
    from data_diff import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--base", str(base / "datapackage.json"), "--head", str(head / "datapackage.json")]) == 0
    return out.getvalue()


def test_a_newer_export_updates_the_package_and_data_diff_shows_that_change(tmp_path: Path) -> None:
    package = tmp_path / "package"
    first = run_importer("opendatasoft", *write_exports(tmp_path / "first"), "--output", package)
    assert first.code == 0, first.out + first.err
    with (package / "labels.csv").open("a", encoding="utf-8") as labels:  # maintained by hand, no export has it
        labels.write(LABEL)
    base = tmp_path / "base"
    shutil.copytree(package, base)

    structures = [s for s in STRUCTURES if s[0] != "SP-POL53"]  # one structure removed
    results = [r for r in RESULTS if r[4] != "SP-POL53"]
    results = [result(4, "SP-CAF13", DECROCHE, "80", "2024-07-11") if r[0] == "R4" else r for r in results]  # changed
    results.append(result(7, "SP-CAF04", DECROCHE, "88", "2024-10-09"))  # a new period, 2024-Q3
    second = run_importer("opendatasoft", *write_exports(tmp_path / "second", structures, results), "--output", package)
    assert second.code == 0, second.out + second.err

    removed = "structures.csv : 0 ajoutée(s), 0 modifiée(s), 1 retirée(s) car absente(s) de l'export (SP-POL53)"
    assert removed in second.out
    assert "results/<réseau>.csv : 1 ajoutée(s), 1 modifiée(s), 1 retirée(s)" in second.out
    assert (package / "labels.csv").read_bytes() == (base / "labels.csv").read_bytes()
    assert LABEL in (package / "labels.csv").read_text(encoding="utf-8")
    changed = next(r for r in table_rows(package, "results") if r["structure_id"] == "SP-CAF13")
    assert (changed["value"], changed["status"]) == ("80", "revised")
    assert "précédemment 79" in changed["note"]

    summary = data_diff(base, package)
    assert "Date des données (`as_of`) : `2024-07-11` → `2024-10-09`." in summary
    assert "| Structures (`structures.csv`) | 0 | 0 | ⚠️ 1 |" in summary
    assert "⚠️ **1 ligne supprimée** : `SP-POL53 · ind-delai · 2024-06`" in summary
    assert "| Résultats du réseau cnaf (`results/cnaf.csv`) | 1 | 1 | 0 |" in summary  # one file per network
    assert "| Résultats du réseau police-nationale (`results/police-nationale.csv`) — ressource retirée | 0 | 0 | 1 |" \
        in summary
    assert "schéma des données change" not in summary, "un fichier de réseau retiré n'est pas un changement de schéma"
    assert "Nouvelle période `2024-Q3`" in summary
    assert "`SP-CAF13 · ind-decroche · 2024-Q2` : `79` → `80`" in summary
    assert "sans le statut `revised`" not in summary  # the import marked the correction itself
    assert "Labels" not in summary  # the hand-maintained table did not move


def test_importing_the_same_export_again_changes_nothing(tmp_path: Path) -> None:
    exports = write_exports(tmp_path / "exports")
    package = tmp_path / "package"
    assert run_importer("opendatasoft", *exports, "--output", package).code == 0
    before = package_bytes(package)
    again = run_importer("opendatasoft", *exports, "--output", package)
    assert again.code == 0, again.out + again.err
    assert package_bytes(package) == before


def test_a_results_export_alone_updates_results_against_the_package_structures(tmp_path: Path) -> None:
    package = tmp_path / "package"
    assert run_importer("opendatasoft", *write_exports(tmp_path / "first"), "--output", package).code == 0
    results_only = write_exports(tmp_path / "second", results=[*RESULTS, result(8, "SP-CAF13", DECROCHE, "81",
                                                                                  "2024-10-12")])[1]
    run = run_importer("opendatasoft", results_only, "--output", package)
    assert run.code == 0, run.out + run.err
    assert ("SP-CAF13", "2024-Q3", "81") in {(r["structure_id"], r["period"], r["value"])
                                              for r in table_rows(package, "results")}
    assert len(csv_rows(package / "structures.csv")) == 5  # not covered by a results export: kept
    assert len(csv_rows(package / "experiences.csv")) == 1
