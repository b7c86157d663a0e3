"""The formula rule shared by the validator, the downloads and the demo generator."""

from __future__ import annotations

import pytest
from results.core.safety import is_formula, neutralize


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        ("@SUM(A1:A9)", True),
        ("+33 1 23 45 67 89", True),
        ("-rendez-vous annulé", True),
        ("\tcaché", True),
        ("\rcaché", True),
        ("-3.5", False),
        ("+12", False),
        ("-1,5", False),
        ("Accueil = rapide", False),
        ("", False),
    ],
)
def test_formula_rule(text: str, formula: bool) -> None:
    assert is_formula(text) is formula


@pytest.mark.parametrize("text", ["=1+1", "@SUM(A1)", "-x", "\tx"])
def test_a_neutralized_formula_is_no_formula(text: str) -> None:
    assert neutralize(text) == f"'{text}"
    assert not is_formula(neutralize(text))
