"""Sentences and tables say the right numbers: rising, falling, flat, gapped, single point, lower-is-better."""

from __future__ import annotations

from chartcheck import ENGLISH, FRENCH, make_indicator, series, waiting_days
from results.charts.inputs import Point, StructureValue
from results.charts.summary import distribution_sentence, missing_periods, trend_sentence, trend_table
from results.core.periods import Period

PERCENT = "\u00a0%"  # CLDR: a no-break space before % in French
NBSP = "\u00a0"


def test_rising_series_with_reference():
    sentence = trend_sentence(make_indicator(), series([71, 72, 74, 76]), FRENCH, series([70, 71, 72, 73]))
    assert sentence == (
        f"Usagers satisfaits : de 71{PERCENT} à 76{PERCENT} entre le 1er trimestre 2023 et le 4e trimestre 2023, "
        f"en amélioration (+5{NBSP}points), meilleur que la médiane du réseau (73{PERCENT})."
    )


def test_reference_inside_the_confidence_interval_is_at_the_same_level():
    sentence = trend_sentence(make_indicator(), series([71, 72, 74, 76], ci=4), FRENCH, series([70, 71, 72, 73]))
    assert f"comparable à la médiane du réseau (73{PERCENT})" in sentence


def test_falling_series_is_a_degradation_when_higher_is_better():
    sentence = trend_sentence(make_indicator(), series([80, 78, 75], start="2023"), FRENCH)
    assert sentence == (
        f"Usagers satisfaits : de 80{PERCENT} à 75{PERCENT} entre 2023 et 2025, en dégradation (−5{NBSP}points)."
    )


def test_lower_is_better_fall_is_an_improvement():
    sentence = trend_sentence(waiting_days(), series([12.5, 11.0, 9.0]), FRENCH, series([10.0, 10.0, 10.0]), target=10)
    assert sentence == (
        f"Délai pour un premier rendez-vous : de 12,5{NBSP}jours à 9,0{NBSP}jours entre le 1er trimestre 2023 "
        f"et le 3e trimestre 2023, en amélioration (−3,5{NBSP}jours), meilleur que la médiane du réseau "
        f"(10,0{NBSP}jours), objectif de 10,0{NBSP}jours atteint."
    )


def test_lower_is_better_higher_value_is_worse_than_the_network():
    """"au-dessus de la médiane" read as good for a delay: the comparison says better or worse."""
    sentence = trend_sentence(waiting_days(), series([8.0, 12.0]), FRENCH, series([10.0, 10.0]))
    assert f"moins bon que la médiane du réseau (10,0{NBSP}jours)" in sentence


def test_lower_is_better_rise_is_a_degradation_and_target_missed():
    sentence = trend_sentence(waiting_days(), series([8.0, 9.5]), FRENCH, target=9)
    assert "en dégradation (+1,5\u00a0jour)" in sentence
    assert sentence.endswith("objectif de 9,0\u00a0jours non atteint.")


def test_flat_series():
    sentence = trend_sentence(make_indicator(), series([72, 72.2, 71.9, 72]), FRENCH)
    assert sentence == (
        f"Usagers satisfaits : stable à 72{PERCENT} entre le 1er trimestre 2023 et le 4e trimestre 2023."
    )


def test_same_ends_after_changes():
    sentence = trend_sentence(make_indicator(), series([72, 75, 72], start="2023"), FRENCH)
    assert sentence == f"Usagers satisfaits : 72{PERCENT} en 2025, comme en 2023."


def test_gapped_series_counts_missing_periods():
    points = series([70, None, 73, None, None, 76])
    assert [p.code for p in missing_periods(points)] == ["2023-Q2", "2023-Q4", "2024-Q1"]
    sentence = trend_sentence(make_indicator(), points, FRENCH)
    assert sentence.startswith(f"Usagers satisfaits : de 70{PERCENT} à 76{PERCENT} entre le 1er trimestre 2023")
    assert sentence.endswith("; données manquantes pour 3 trimestres.")


def test_periods_absent_from_the_data_are_missing_too():
    points = [Point(Period.parse("2024-01"), 50.0), Point(Period.parse("2024-04"), 55.0)]
    sentence = trend_sentence(make_indicator(frequency="monthly"), points, FRENCH)
    assert "entre janvier 2024 et avril 2024" in sentence
    assert sentence.endswith("; données manquantes pour 2 mois.")


def test_single_missing_latest_period_is_named():
    sentence = trend_sentence(make_indicator(), series([70, 74, None]), FRENCH)
    assert sentence.endswith("; donnée manquante pour le 3e trimestre 2023.")


def test_single_point():
    sentence = trend_sentence(make_indicator(), series([72], start="2025-Q3"), FRENCH, series([70], start="2025-Q3"))
    assert sentence == (
        f"Usagers satisfaits : 72{PERCENT} au 3e trimestre 2025, seul résultat publié, "
        f"meilleur que la médiane du réseau (70{PERCENT})."
    )


def test_no_value_at_all():
    sentence = trend_sentence(make_indicator(), series([None, None]), FRENCH)
    assert sentence == "Usagers satisfaits : aucun résultat publié."


def test_reference_phrase_contractions():
    sentence = trend_sentence(make_indicator(), series([72], start="2025"), FRENCH, series([72], start="2025"),
                              reference_phrase="les structures du réseau")
    assert sentence.endswith(f"comparable aux structures du réseau (72{PERCENT}).")


def test_table_has_one_row_per_period_and_marks_missing_values():
    table = trend_table(make_indicator(), series([70, None, 75], ci=4), "Cette structure", FRENCH,
                        series([71, 72, 73]), "Médiane du réseau", target=80)
    assert table.columns == ("Période", "Cette structure", "Intervalle de confiance à 95 %",
                             "Médiane du réseau", "Objectif")
    assert table.rows[0] == ("1er trimestre 2023", f"70{PERCENT}", f"66{PERCENT} à 74{PERCENT}", f"71{PERCENT}",
                             f"80{PERCENT}")
    assert table.rows[1][1] == "non publié"
    assert len(table.rows) == 3


def test_distribution_sentence():
    values = [StructureValue(f"S{i}", f"Structure {i}", v) for i, v in enumerate([61, 70, 88, 76])]
    sentence = distribution_sentence(make_indicator(), values, Period.parse("2025"), 73, FRENCH)
    assert sentence == f"Usagers satisfaits en 2025 : 4 structures, de 61{PERCENT} à 88{PERCENT}, médiane 73{PERCENT}."


def test_an_english_build_says_the_same_numbers_in_english():
    """The same series worded by the English catalog and CLDR's British formats."""
    sentence = trend_sentence(make_indicator(), series([71, 72, 74, 76]), ENGLISH, series([70, 71, 72, 73]))
    assert sentence == (
        f"Usagers satisfaits: from 71% to 76% between Q1 2023 and Q4 2023, "
        f"improving (+5{NBSP}points), better than the network median (73%)."
    )
    days = trend_sentence(waiting_days(), series([12.5, None, 9.0]), ENGLISH, target=10)
    assert days == (
        f"Délai pour un premier rendez-vous: from 12.5{NBSP}days to 9.0{NBSP}days between Q1 2023 and Q3 2023, "
        f"improving (−3.5{NBSP}days), target of 10.0{NBSP}days met; no data for Q2 2023."
    )
    values = [StructureValue(f"S{i}", f"Structure {i}", v) for i, v in enumerate([61, 70, 88, 76])]
    assert distribution_sentence(make_indicator(), values, Period.parse("2025-Q3"), 73, ENGLISH) == (
        "Usagers satisfaits in Q3 2025: 4 structures, from 61% to 88%, median 73%.")
    table = trend_table(make_indicator(), series([70, None]), "This structure", ENGLISH)
    assert table.columns == ("Period", "This structure")
    assert table.rows == (("Q1 2023", "70%"), ("Q2 2023", "not published"))
