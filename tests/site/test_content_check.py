"""Editorial pages without a title, and translations that translate no page, stop the build at once,
with a French message naming the file and the fix."""

from __future__ import annotations

from pathlib import Path

from content_check import page_problems
from support.paths import ROOT


def test_a_page_without_title_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "contact.md").write_text("Slug: contact\nSummary: Nous écrire.\n\nÉcrivez-nous.\n", "utf-8")
    (tmp_path / "ok.md").write_text("Title: Nous contacter\nSlug: ok\n\nTexte.\n", "utf-8")
    problems = page_problems(tmp_path)
    assert len(problems) == 1
    assert "contact.md" in problems[0] and "Title" in problems[0] and "Correction" in problems[0]


def test_a_title_after_the_blank_line_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "late.md").write_text("Slug: late\n\nTitle: trop tard\n", "utf-8")
    assert [p for p in page_problems(tmp_path) if "late.md" in p]


def test_titles_in_any_case_and_with_a_bom_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_text("\ufefftitle: Avec BOM\n\nTexte.\n", "utf-8")
    assert page_problems(tmp_path) == []


def test_the_repository_pages_all_have_a_title() -> None:
    assert page_problems(ROOT / "content" / "pages") == []


def test_a_translation_names_its_language_and_the_french_pages_slug(tmp_path: Path) -> None:
    (tmp_path / "contact.md").write_text("Title: Nous contacter\nSlug: contact\n\nTexte.\n", "utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "contact.md").write_text("Title: Contact us\nSlug: contact\nLang: en\n\nText.\n", "utf-8")
    assert page_problems(tmp_path) == []
    (tmp_path / "en" / "contact.md").write_text("Title: Contact us\nSlug: contact-us\n\nText.\n", "utf-8")
    problems = page_problems(tmp_path)
    assert len(problems) == 2 and all("en/contact.md" in problem and "Correction" in problem for problem in problems)
    assert "« Lang: en »" in problems[0] and "« Slug: contact-us » n'est le Slug d'aucune page française" in problems[1]
