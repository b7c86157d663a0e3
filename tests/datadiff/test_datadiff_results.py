"""Results per network and file (scripts/datadiff/results.py): what a reviewer reads for each network.

Base and head are copies of tests/fixtures/good; CAF has two structures (CAF-75, CAF-69) and a
monthly indicator published up to 2026-06, France Travail three structures with a quarterly one.
"""

from __future__ import annotations

import json
from pathlib import Path

from diffpackages import GOOD, Row, base_fixture, edit_descriptor, edit_rows, head_fixture, publish, resource, summary  # noqa: F401 (the good_base and good_head fixtures)
from support.parts import split_by_year


def new_month(rows: list[Row], structures: tuple[str, ...] = ("CAF-75", "CAF-69"), period: str = "2026-07") -> None:
    """Append CAF's next month for `structures`, as a maintainer copies last month's lines."""
    for structure in structures:
        rows.append({**next(r for r in rows if r["structure_id"] == structure and r["period"] == "2026-06"),
                     "period": period, "status": "provisional", "updated_on": "2026-08-20"})


def set_cells(key: tuple[str, str, str], **cells: str):
    def edit(rows: list[Row]) -> None:
        row = next(r for r in rows if (r["structure_id"], r["indicator_id"], r["period"]) == key)
        row.update(cells)
    return edit


def section(text: str, title: str) -> str:
    """The lines of one network's section ("### CAF (`caf`) — …" up to the next heading)."""
    start = text.index(f"### {title}")
    end = text.find("\n### ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def test_new_period_counts_the_network_structures_that_have_it(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", new_month)
    caf = section(summary(good_base, good_head), "CAF (`caf`)")
    assert caf.startswith("### CAF (`caf`) — `results/caf.csv`")
    assert "- 2 lignes ajoutées." in caf
    assert "- Nouvelle période `2026-07` : 2/2 structures." in caf
    assert "France Travail" not in summary(good_base, good_head)  # untouched networks stay out


def test_a_structure_missing_from_a_new_period_is_named(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", lambda rows: new_month(rows, ("CAF-75",)))
    assert "- Nouvelle période `2026-07` : 1/2 structures (sans ligne : `CAF-69`)." in summary(good_base, good_head)


def test_a_correction_shows_the_old_and_new_value(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", set_cells(
        ("CAF-75", "satisfaction", "2025"), value="84", status="revised", updated_on="2026-12-01",
        note="Valeur corrigée : erreur de saisie (83 publié).",
    ))
    caf = section(summary(good_base, good_head), "CAF (`caf`)")
    assert "- 1 ligne modifiée :" in caf
    assert ("  - `CAF-75 · satisfaction · 2025` : `83` → `84`, statut `final` → `revised`, "
            "`updated_on`, `note` modifiés") in caf
    assert "sans le statut" not in caf


def test_a_final_value_changed_without_revised_is_a_warning(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", set_cells(("CAF-75", "satisfaction", "2025"), value="90"))
    caf = section(summary(good_base, good_head), "CAF (`caf`)")
    assert "- ⚠️ **1 valeur définitive modifiée sans le statut `revised`**" in caf
    assert "  - `CAF-75 · satisfaction · 2025` : `83` → `90`" in caf


def test_a_provisional_value_becoming_final_is_no_warning(good_base: Path, good_head: Path) -> None:
    """CONTRIBUTING.md §3: a provisional value turned final is not a correction."""
    edit_rows(good_head, "results/caf.csv", set_cells(("CAF-75", "caf-decroche", "2026-06"), value="91.0",
                                                      status="final"))
    caf = section(summary(good_base, good_head), "CAF (`caf`)")
    assert "statut `provisional` → `final`" in caf
    assert "⚠️" not in caf


def test_the_statuses_are_those_of_the_results_schema() -> None:
    """The rule on `final` and `revised` follows the schema's enum: a renamed status would break it."""
    from datadiff.results import FINAL, REVISED

    package = json.loads((GOOD / "datapackage.json").read_text(encoding="utf-8"))
    status = next(f for f in resource(package, "results-caf")["schema"]["fields"] if f["name"] == "status")
    assert {FINAL, REVISED} <= set(status["constraints"]["enum"])


def test_deleted_rows_are_a_warning_with_their_keys(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", lambda rows: [r for r in rows if r["indicator_id"] != "caf-decroche"])
    text = summary(good_base, good_head)
    assert "| Résultats du réseau caf (`results/caf.csv`) | 0 | 0 | ⚠️ 12 |" in text
    caf = section(text, "CAF (`caf`)")
    assert ("- ⚠️ **12 lignes supprimées** : `CAF-75 · caf-decroche · 2026-01`, `CAF-75 · caf-decroche · 2026-02`, "
            "`CAF-75 · caf-decroche · 2026-03`, `CAF-75 · caf-decroche · 2026-04`, "
            "`CAF-75 · caf-decroche · 2026-05` … et 7 autres.") in caf
    assert "- ⚠️ **Périodes qui disparaissent** : `2026-01`, `2026-02`" in caf


def test_long_lists_are_capped(good_base: Path, good_head: Path) -> None:
    def revise_all(rows: list[Row]) -> None:
        for row in rows:
            if row["indicator_id"] == "caf-decroche":
                row.update(value="50", status="revised")
    edit_rows(good_head, "results/caf.csv", revise_all)
    caf = section(summary(good_base, good_head), "CAF (`caf`)")
    assert "- 12 lignes modifiées :" in caf
    assert caf.count("  - `CAF-") == 5
    assert "  - … et 7 autres" in caf


def test_findings_are_grouped_per_network_and_per_file(good_base: Path, good_head: Path) -> None:
    """One results resource per network file (issue 18's layout): each network's section names its
    file, and a network split by year (results/caf/2025.csv…) gets one block per file."""
    for descriptor in (good_base, good_head):
        split_by_year(descriptor, "caf")
    edit_rows(good_head, "results/caf/2026.csv", set_cells(("CAF-75", "caf-decroche", "2026-06"), value="1",
                                                           status="final"))
    edit_rows(good_head, "results/caf/2025.csv", set_cells(("CAF-69", "satisfaction", "2025"), value="2",
                                                           status="revised"))
    edit_rows(good_head, "results/france-travail.csv", set_cells(("FT-IDF", "ft-delai-rdv", "2026-Q2"), value="3",
                                                                 status="final"))
    text = summary(good_base, good_head)
    caf = section(text, "CAF (`caf`)")
    assert caf.index("Fichier `results/caf/2026.csv` :") < caf.index("`CAF-75 · caf-decroche · 2026-06`")
    assert caf.index("Fichier `results/caf/2025.csv` :") < caf.index("`CAF-69 · satisfaction · 2025`")
    assert section(text, "France Travail (`france-travail`) — `results/france-travail.csv`")
    assert "| Résultats du réseau caf, année 2026 (`results/caf/2026.csv`) | 0 | 1 | 0 |" in text
    assert "finances-publiques" not in text, "un réseau qui ne publie rien n'est pas nommé"


def test_a_symlinked_results_file_is_not_read(good_base: Path, good_head: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("structure_id,indicator_id,period\nSECRET-TOKEN,x,2026\n", encoding="utf-8")
    (good_head.parent / "results" / "caf.csv").unlink()
    (good_head.parent / "results" / "caf.csv").symlink_to(secret)
    edit_descriptor(good_head, lambda package: package.update(as_of="2027-02-15"))  # the plugin would load it
    text = summary(good_base, good_head)
    assert "lien symbolique refusé : caf.csv" in text
    assert "Retards des réseaux non calculés : fichiers non lus (lien symbolique refusé : caf.csv)." in text
    assert "SECRET-TOKEN" not in text


def test_a_new_quarter_published_completely_raises_no_warning(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", new_month)
    edit_descriptor(good_head, lambda package: publish(package, "2026.4.0", "2026-11-20"))
    text = summary(good_base, good_head)
    assert "⚠️" not in text
    assert ("Version du paquet : `2026.3.0` → `2026.4.0` ; "
            "date des données (`as_of`) : `2026-11-15` → `2026-11-20`.") in text
