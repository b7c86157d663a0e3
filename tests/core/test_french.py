"""French grammar of generated sentences: contractions, plural from 2 upwards, names with their article."""

from __future__ import annotations

import pytest
from results.core.french import contract, name_after, ngettext, plural_count, unit_word, with_article
from results.formatting import format_change, format_counted, format_position, format_value

NBSP = "\u00a0"


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


def test_plural_follows_gettext_french_rule() -> None:
    """ngettext's signature and `plural=(n > 1)`: a catalog (issue #17) can replace it as is."""
    assert [ngettext("structure", "structures", n) for n in (0, 1, 2, 717)] == \
        ["structure", "structure", "structures", "structures"]


@pytest.mark.parametrize(("number", "decimals", "count"), [
    (1.96, 1, 2),   # shown "2,0": plural
    (1.96, 0, 2),   # shown "2"
    (1.5, 1, 1),    # "1,5 point": only the integer part counts in French
    (-2.0, 1, 2),   # "−2,0 jours"
    (0.4, 0, 0),
])
def test_plural_reads_the_number_as_shown(number: float, decimals: int, count: int) -> None:
    assert plural_count(number, decimals) == count


def test_units_agree_with_the_displayed_number() -> None:
    assert format_change(1.96, "percent", 1) == f"+2,0{NBSP}points"
    assert format_change(1.96, "percent", 0) == f"+2{NBSP}points"
    assert format_change(1.5, "percent", 1) == f"+1,5{NBSP}point"
    assert format_change(-1.98, "days", 1) == f"−2,0{NBSP}jours"
    assert format_change(2, "days", 0) == f"+2{NBSP}jours"
    assert format_value(1.96, "days", 0) == f"2{NBSP}jours"
    assert format_value(1.4, "days", 1) == f"1,4{NBSP}jour"
    assert unit_word(2.0, "minute", "minutes") == "minutes"


def test_counts_agree_with_their_noun() -> None:
    assert format_counted(1, "structure", "structures") == f"1{NBSP}structure"
    assert format_counted(2, "structure", "structures") == f"2{NBSP}structures"
    assert format_counted(1234, "structure", "structures") == f"1\u202f234{NBSP}structures"


def test_comparisons_contract_and_say_better_or_worse() -> None:
    assert format_position("stable", "le réseau") == "comparable au réseau"
    assert format_position("better", "le réseau") == "meilleur que le réseau"
    assert format_position("worse", "la valeur nationale") == "moins bon que la valeur nationale"
    assert format_position(None, "le réseau") == ""


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
