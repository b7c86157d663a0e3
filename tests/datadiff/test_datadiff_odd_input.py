"""Odd and hostile descriptors never crash the summary: it says what it could not compare, exit 0,
or names the unreadable input, exit 2 (the summary runs on pull requests nobody has reviewed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from data_diff import main
from diffpackages import base_fixture, edit_descriptor, head_fixture, resource  # noqa: F401 (the good_base and good_head fixtures)

ODD_EDITS = {
    "path as a list": lambda p: resource(p, "results-caf").update(path=["results/caf.csv", "results/caf.csv"]),
    "remote path": lambda p: resource(p, "results-caf").update(path="https://example.org/results/caf.csv"),
    "path leaving the package": lambda p: resource(p, "results-caf").update(path="../../../etc/passwd"),
    "two-character delimiter": lambda p: resource(p, "results-caf").update(dialect={"delimiter": ";;"}),
    "unknown encoding": lambda p: resource(p, "results-caf").update(encoding="klingon"),
    "schema as a string": lambda p: resource(p, "results-caf").update(schema="schema.json"),
    "fields not a list": lambda p: resource(p, "results-caf")["schema"].update(fields={"a": 1}),
    "primary key of numbers": lambda p: resource(p, "results-caf")["schema"].update(primaryKey=[1, 2]),
    "resources not objects": lambda p: p["resources"].append("results"),
    "releases not a list": lambda p: p.update(releases="2026.4.0", as_of="2027-02-15"),
    "as_of a number": lambda p: p.update(as_of=20270215),
}


@pytest.mark.parametrize("edit", ODD_EDITS.values(), ids=ODD_EDITS.keys())
def test_odd_descriptors_give_a_summary(edit, good_base: Path, good_head: Path, capsys) -> None:
    edit_descriptor(good_head, edit)
    assert main(["--base", str(good_base), "--head", str(good_head)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Ce que change cette version des données")
    assert "Traceback" not in out


@pytest.mark.parametrize(
    "content", ["{", "[]", "[" * 100_000, '{"resources": 5}'], ids=["truncated", "list", "deep", "resources"]
)
def test_unreadable_descriptors(content: str, good_base: Path, good_head: Path, capsys) -> None:
    good_head.write_text(content, encoding="utf-8")
    code = main(["--base", str(good_base), "--head", str(good_head)])
    captured = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert "n'est pas" in captured.err


def test_invisible_characters_are_shown_not_passed_on(good_base: Path, good_head: Path, capsys) -> None:
    """A NUL, a right-to-left override or a zero-width space would hide or reorder what is read."""
    path = good_head.parent / "results" / "caf.csv"
    hidden = path.read_text(encoding="utf-8").replace(",2026-06,", ",2026-06\x00\u202e\u200b,", 1)
    path.write_text(hidden, encoding="utf-8")
    assert main(["--base", str(good_base), "--head", str(good_head)]) == 0
    out = capsys.readouterr().out
    assert "Nouvelle période `2026-06���` : 1/2 structures" in out
    assert not any(char in out for char in "\x00\u202e\u200b")
