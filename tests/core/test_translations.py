"""Translations of the data's labels: checked like data (file:line:column), looked up with a French
fallback the page can mark, and missing ones listed for the validator's warnings."""

from __future__ import annotations

from results.core.translations import (
    Localized,
    Translations,
    check_translations,
    label,
    missing_translations,
)
from results.load import load_catalog
from support.paths import GOOD_FIXTURE


def row(table: str, id_: str, field: str, lang: str, text: str) -> dict[str, str]:
    return {"table": table, "id": id_, "field": field, "lang": lang, "text": text}


IDS = {"networks": ["caf", "france-travail"], "indicators": ["caf-delai"], "commitments": ["accueil"]}


def test_a_correct_file_has_no_issue() -> None:
    rows = [row("networks", "caf", "name", "en", "Family allowance funds"),
            row("indicators", "caf-delai", "methods", "en", "Median of days.")]
    assert check_translations(rows, IDS) == []


def test_unknown_table_id_field_and_language_are_located_at_their_cell() -> None:
    rows = [
        row("labels", "CAF-75", "level", "en", "x"),      # line 2: table
        row("networks", "cafe", "name", "en", "x"),        # line 3: id
        row("networks", "caf", "website", "en", "x"),      # line 4: field
        row("networks", "caf", "name", "EN", "x"),         # line 5: lang
        row("networks", "caf", "name", "fr", "x"),         # line 6: French is the source
        row("networks", "france-travail", "name", "en", "a"),
        row("networks", "france-travail", "name", "en", "b"),  # line 8: twice
    ]
    found = [(issue.line, issue.column) for issue in check_translations(rows, IDS)]
    assert found == [(2, 1), (3, 2), (4, 3), (5, 4), (6, 4), (8, 5)]
    messages = [issue.message for issue in check_translations(rows, IDS)]
    assert "Identifiant « cafe » absent de networks.csv." in messages
    assert "déjà ligne 7" in messages[-1]


def test_lookup_falls_back_to_french_with_a_flag() -> None:
    catalog = load_catalog(GOOD_FIXTURE)
    network = catalog.networks["caf"]
    translations = Translations([row("networks", "caf", "name", "en", "Family allowance funds")])
    assert label(network, "en", translations) == Localized("Family allowance funds", "en")
    assert label(network, "fr", translations) == Localized(network.name, "fr")
    untranslated = label(network, "en", translations, field="description")
    assert untranslated == Localized(network.description, "fr", fallback=True)
    indicator = next(iter(catalog.indicators.values()))
    assert label(indicator, "en", translations) == Localized(indicator.label, "fr", fallback=True)


def test_missing_translations_are_listed_for_the_warnings() -> None:
    records = {"networks": {"caf": {"name": "CAF", "short_name": "CAF", "description": ""}}}
    translations = Translations([row("networks", "caf", "name", "en", "Family allowance funds")])
    assert missing_translations(translations, records, "en") == ["networks caf short_name"]


def test_proper_names_may_be_translated_but_are_never_missing() -> None:
    """A structure's name (« CAF du Rhône ») is a proper name; a Canadian service has an official English one."""
    records = {"structures": {"CAF-69": {"name": "CAF du Rhône"}, "SRV-1001": {"name": "Prestations de la SV"}}}
    translations = Translations([row("structures", "SRV-1001", "name", "en", "OAS benefits")])
    assert check_translations([row("structures", "SRV-1001", "name", "en", "OAS benefits")],
                              {"structures": ["CAF-69", "SRV-1001"]}) == []
    assert missing_translations(translations, records, "en") == []
    structure = load_catalog(GOOD_FIXTURE).structures["CAF-69"]
    assert label(structure, "en", translations) == Localized(structure.name, "fr", fallback=True)


def test_the_loader_reads_the_translations_of_a_package(tmp_path) -> None:
    import json

    from results.core.translations import TRANSLATIONS_RESOURCE
    from support.site import copy_package

    package = copy_package(GOOD_FIXTURE, tmp_path / "package")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor["resources"].append(TRANSLATIONS_RESOURCE)
    package.write_text(json.dumps(descriptor), encoding="utf-8")
    (package.parent / "translations.csv").write_text(
        "table,id,field,lang,text\nnetworks,caf,name,en,Family allowance funds\n", encoding="utf-8")
    catalog = load_catalog(package)
    assert label(catalog.networks["caf"], "en", catalog.translations).text == "Family allowance funds"
    assert not load_catalog(GOOD_FIXTURE).translations
