"""`make serve` (scripts/serve.py): every save is built, including one made while a build runs."""

from __future__ import annotations

from pathlib import Path

import serve


def test_a_save_during_a_rebuild_is_built_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    results = data / "results.csv"
    results.write_text("structure_id,value\n", encoding="utf-8")
    seen = serve.snapshot((data,))
    built: list[str] = []

    def rebuild() -> None:
        built.append(results.read_text(encoding="utf-8"))
        if len(built) == 1:  # the maintainer saves again while the first rebuild runs
            results.write_text("structure_id,value\nCAF-75,81.5\nCAF-69,79\n", encoding="utf-8")

    results.write_text("structure_id,value\nCAF-75,81.5\n", encoding="utf-8")
    assert serve.watch((data,), rebuild, seen, interval=0, polls=3) == 2
    assert built[-1].endswith("CAF-69,79\n"), "la dernière sauvegarde n'a pas été reconstruite"


def test_nothing_changed_means_no_rebuild(tmp_path: Path) -> None:
    (tmp_path / "page.md").write_text("Title: Page\n", encoding="utf-8")
    built: list[int] = []
    seen = serve.snapshot((tmp_path,))
    assert serve.watch((tmp_path,), lambda: built.append(1), seen, interval=0, polls=2) == 0
    assert built == []
