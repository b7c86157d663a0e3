"""French grammar of generated sentences: contractions, names with their article (plurals: tests/i18n)."""

from __future__ import annotations

import pytest
from results.core.french import contract, name_after, with_article


@pytest.mark.parametrize(("preposition", "phrase", "expected"), [
    ("à", "le réseau", "au réseau"),
    ("à", "les structures du réseau", "aux structures du réseau"),
    ("de", "le renouvellement de mon titre", "du renouvellement de mon titre"),
    ("de", "les structures", "des structures"),
    ("à", "la valeur nationale", "à la valeur nationale"),
    ("de", "l'attestation", "de l'attestation"),
    ("de", "une plainte", "d'une plainte"),
    ("de", "ma demande", "de ma demande"),
    ("à", "leur caisse", "à leur caisse"),
])
def test_prepositions_meet_articles_the_french_way(preposition: str, phrase: str, expected: str) -> None:
    assert contract(preposition, phrase) == expected


def test_names_take_their_article() -> None:
    assert with_article("CAF du Rhône", "la") == "la CAF du Rhône"
    assert with_article("Agence France Travail Lyon", "l'") == "l'Agence France Travail Lyon"
    assert name_after("de", "Commissariat de police de Gap", "le") == "du Commissariat de police de Gap"
    assert name_after("sur", "CAF du Rhône", "la") == "sur la CAF du Rhône"
    assert name_after("de", "France Services de Tulle", "") == "de France Services de Tulle"


def test_names_sort_without_their_articles() -> None:
    """"CAF d'Eure-et-Loir" came before "CAF de l'Ain"; a reader looks for Ain first."""
    from results.core.french import name_sort_key

    names = ["CAF d'Eure-et-Loir", "CAF de la Somme", "CAF du Nord", "CAF de l'Ain", "CAF des Ardennes"]
    assert sorted(names, key=name_sort_key) == [
        "CAF de l'Ain", "CAF des Ardennes", "CAF d'Eure-et-Loir", "CAF du Nord", "CAF de la Somme"]
