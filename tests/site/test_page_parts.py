"""scripts/bench_page_parts.py tells which part of a structure page to cut: its parts must add up to the page.

A part counted twice, or a part no pattern finds any more after a template change, would point the next
slimming at the wrong place; this runs it on a real built page.
"""

from __future__ import annotations

from pathlib import Path

from bench_page_parts import main, parts_of, structure_pages


def test_parts_add_up_to_the_page_and_find_its_main_blocks(good_site: Path) -> None:
    pages = structure_pages(good_site, "")
    assert pages
    html = pages[0].read_text(encoding="utf-8")
    parts = parts_of(html)
    counted = sum(size for name, size in parts.items() if not name.startswith("blancs"))
    assert counted == len(html.encode())
    for part in ("head : le reste", "en-tête : menu", "pied de page", "en bref (verdict)",
                 "indicateurs : tableaux d'historique", "indicateurs : chiffres (dl)"):
        assert parts[part] > 0, part
    assert parts["autre"] < len(html.encode()) / 20, "most of the page belongs to a named part"


def test_it_prints_the_national_cost(good_site: Path, capsys) -> None:
    assert main([str(good_site), "--structures", "1000"]) == 0
    printed = capsys.readouterr().out
    assert "pages de structure" in printed and "indicateurs : tableaux d'historique" in printed
