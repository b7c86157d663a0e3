"""Every page of the built demo site reads as French (issue #20, "French that reads as French").

The demo package is generated (tests/support/demo.py), so its stories, names and figures are the
ones a visitor sees; the scan runs over every HTML page, not a sample.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from frenchcheck import reader_text, slips


def test_no_page_has_a_grammar_slip(demo_site: Path) -> None:
    found = list(slips(demo_site))
    summary = Counter(rule for rule, _, _ in found)
    examples = {rule: (page, excerpt) for rule, page, excerpt in reversed(found)}
    assert not found, f"{summary} ; exemples : {examples}"


def test_the_scan_catches_each_slip(tmp_path: Path) -> None:
    """The patterns do find what they are for (a scan that finds nothing proves nothing)."""
    (tmp_path / "page.html").write_text(
        "<p>Résultat comparable à le réseau.</p><p>Je vous écris au sujet de le renouvellement.</p>"
        "<p>+2,0 point depuis le trimestre précédent</p><p>1 structures</p><p>stable <span></span>.</p>"
        "<p>Réseau : Titres sécurisés</p><p>Donner mon avis sur CAF du Rhône</p>"
        '<a href="x" aria-label="Résultats de Service des impôts des particuliers de Lyon">Lyon</a>',
        encoding="utf-8",
    )
    rules = {rule.split(" (")[0] for rule, _, _ in slips(tmp_path)}
    assert any("Résultats de Service" in excerpt for _, _, excerpt in slips(tmp_path)), "aria-label lu"
    assert rules == {"contraction « à le / à les »", "contraction « de le / de les »", "pluriel après un nombre ≥ 2",
                     "singulier après 0 ou 1", "espace avant « . » ou « , »", "nom « Titres sécurisés »",
                     "nom sans article après une préposition"}


def test_network_addresses_use_the_network_id(demo_site: Path) -> None:
    """One name per network: its URL is its id in the open data (`titres-securises`), not a second name;
    the addresses taken from the short name before (`ants`, `dgfip`) only redirect there."""
    for former, network in (("ants", "titres-securises"), ("dgfip", "finances-publiques")):
        assert (demo_site / "reseaux" / network / "index.html").is_file()
        old = (demo_site / "reseaux" / former / "index.html").read_text("utf-8")
        assert f'http-equiv="refresh" content="0; url=../../reseaux/{network}/"' in old
        assert "<h1>Cette page a changé d'adresse</h1>" in old
        assert not (demo_site / "reseaux" / former / f"resultats-{former}.csv").exists()


def test_a_lower_is_better_comparison_says_better_or_worse(demo_site: Path) -> None:
    """"en dessous de la valeur du réseau" reads as bad for a delay: the page says better / worse."""
    text = "\n".join(reader_text(p.read_text(encoding="utf-8")) for p in (demo_site / "services").glob("*/index.html"))
    assert "comparable au réseau" in text
    assert "meilleur que le réseau" in text and "moins bon que le réseau" in text
    assert not re.search(r"(?:en dessous|au-dessus) d(?:e la|u) (?:valeur|médiane|réseau)", text)
