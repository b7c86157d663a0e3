"""Package-level findings: schema changes, an incomplete publication, networks made late by `as_of`.

Base and head are copies of tests/fixtures/good (as_of 2026-11-15, 75 days of grace): CAF's monthly
indicator stops at 2026-06 (already late), France Travail's quarterly one at 2026-Q2 (on time until
the 2026-Q3 results are due, 75 days after 30 September).
"""

from __future__ import annotations

from pathlib import Path

from diffpackages import Row, base_fixture, edit_descriptor, edit_rows, field, head_fixture, publish, resource, summary  # noqa: F401 (the good_base and good_head fixtures)

SCHEMA_TITLE = "### ⚠️ Le schéma des données change"


def next_month(rows: list[Row]) -> None:
    rows.append({**rows[-1], "structure_id": "CAF-75", "indicator_id": "caf-decroche", "period": "2026-07"})


# -- schema ----------------------------------------------------------------------------------------


def test_schema_changes_come_first_one_line_each(good_base: Path, good_head: Path) -> None:
    """Issue 14 item 6: the changes that let bad rows through must be in front of the reviewer."""
    def loosen(package: dict) -> None:
        del field(package, "structures", "id")["constraints"]["pattern"]
        resource(package, "results-caf")["dialect"] = {"commentRows": [3]}
        field(package, "results-caf", "value")["type"] = "any"
        del resource(package, "results-caf")["schema"]["primaryKey"]
    edit_descriptor(good_head, loosen)
    text = summary(good_base, good_head)
    assert text.index(SCHEMA_TITLE) < text.index("Aucune ligne de données ne change.")
    block = text[text.index(SCHEMA_TITLE):text.index("Aucune ligne")]
    assert "- `structures`, champ `id` : contrainte pattern `^[A-Z0-9-]+$` → (absent)" in block
    assert "- `results-caf` : dialecte commentRows (absent) → `[3]`" in block
    assert "- `results-caf`, champ `value` : type `number` → `any`" in block
    assert '- `results-caf` : clé primaire `["structure_id", "indicator_id", "period"]` → (absent)' in block
    assert "équipe technique" in block


def test_fields_added_removed_and_reordered_are_schema_changes(good_base: Path, good_head: Path) -> None:
    def reshape(package: dict) -> None:
        fields = resource(package, "labels")["schema"]["fields"]
        fields.reverse()
        fields.append({"name": "comment", "type": "string"})
        resource(package, "regions")["schema"]["fields"].pop()
    edit_descriptor(good_head, reshape)
    text = summary(good_base, good_head)
    assert "- `labels`, champ `comment` : ajouté (type `string`)" in text
    assert "- `regions`, champ `name` : retiré" in text
    assert "- `labels` : ordre des champs" in text


def test_wording_changes_are_not_schema_changes(good_base: Path, good_head: Path) -> None:
    def reword(package: dict) -> None:
        field(package, "results-caf", "value")["description"] = "La valeur, dans l'unité de l'indicateur."
        resource(package, "results-caf")["title"] = "Résultats publiés"
    edit_descriptor(good_head, reword)
    assert SCHEMA_TITLE not in summary(good_base, good_head)


# -- publication -----------------------------------------------------------------------------------


def test_new_periods_without_version_release_and_as_of_are_a_warning(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", next_month)
    text = summary(good_base, good_head)
    assert "### ⚠️ Nouvelles périodes, mais publication incomplète" in text
    assert ("De nouvelles périodes arrivent, mais la version du paquet n'a pas changé (`2026.3.0`) ; "
            "aucune entrée n'a été ajoutée à `releases` ; la date des données `as_of` n'a pas changé "
            "(`2026-11-15`).") in text


def test_a_release_must_carry_the_new_version(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", next_month)
    edit_descriptor(good_head, lambda package: (publish(package, "2026.4.0", "2026-11-20"),
                                                package.update(version="2026.5.0")))
    text = summary(good_base, good_head)
    assert "aucune entrée ajoutée à `releases` ne porte la version du paquet (`2026.5.0`)" in text
    assert "n'a pas changé" not in text


def test_no_new_period_no_publication_warning(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", lambda rows: rows[0].update(value="82", status="revised"))
    assert "publication incomplète" not in summary(good_base, good_head)


# -- lateness --------------------------------------------------------------------------------------


def test_moving_as_of_names_the_networks_it_makes_late(good_base: Path, good_head: Path) -> None:
    """as_of 2027-02-15: 2026-Q3 is due; France Travail has 2026-Q2 only. CAF was already late."""
    edit_descriptor(good_head, lambda package: publish(package, "2026.4.0", "2027-02-15"))
    text = summary(good_base, good_head)
    block = text[text.index("### Réseaux qui apparaîtront en retard"):]
    assert "En passant `as_of` du 2026-11-15 au 2027-02-15, 1 réseau à jour jusqu'ici apparaîtra **en retard**" in block
    assert "(une période est due 75 jours après sa fin)" in block
    assert "- Résultats en retard pour le réseau France Travail (france-travail) au 15 février 2027 : " in block
    assert "2e trimestre 2026" in block and "3e trimestre 2026 attendu" in block
    assert "CAF" not in block


def test_the_grace_period_comes_from_the_site_settings(good_base: Path, good_head: Path, tmp_path: Path) -> None:
    settings = tmp_path / "pelicanconf.py"
    settings.write_text("RESULTS_STALE_GRACE_DAYS = 200\n", encoding="utf-8")
    edit_descriptor(good_head, lambda package: publish(package, "2026.4.0", "2027-02-15"))
    assert "en retard" not in summary(good_base, good_head, settings)


def test_as_of_unchanged_no_lateness_note(good_base: Path, good_head: Path) -> None:
    edit_rows(good_head, "results/caf.csv", next_month)
    assert "retard" not in summary(good_base, good_head)


def test_an_unreadable_as_of_does_not_stop_the_summary(good_base: Path, good_head: Path) -> None:
    edit_descriptor(good_head, lambda package: package.update(as_of="15/02/2027"))
    text = summary(good_base, good_head)
    assert "Retards des réseaux non calculés : `as_of` n'est pas une date AAAA-MM-JJ." in text


def test_a_package_the_site_cannot_load_does_not_stop_the_summary(good_base: Path, good_head: Path) -> None:
    edit_descriptor(good_head, lambda package: package.update(as_of="2027-02-15"))
    (good_head.parent / "networks.csv").write_text("id,name\ncaf,CAF\n", encoding="utf-8")  # columns missing
    text = summary(good_base, good_head)
    assert "Retards des réseaux non calculés : paquet illisible par le site" in text
    assert "| Réseaux (`networks.csv`) |" in text
