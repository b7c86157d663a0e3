"""Editorial pages checked before Pelican runs: a page without `Title` fails at once, in French.

Pelican skips such a page with an English log line, and only after reading the whole package (half a
minute on the demo): the maintainer who added it learns nothing useful. This check reads only the
metadata block (the `Key: value` lines before the first blank line) of each page in content/pages/,
and of each translation in content/pages/<language>/ (`en/`): a translation says its `Lang:` (the
folder's) and has the `Slug:` of the French page it translates, or Pelican would publish it as a page
of its own, in English on the French site (plugins/results/i18n/editorial.py).
"""

from __future__ import annotations

import re
from pathlib import Path

METADATA_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:(.*)$")
REQUIRED = ("title",)
LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}$")  # content/pages/en/: the English versions of the pages


def metadata_block(page: Path) -> dict[str, str]:
    """The `Key: value` lines before the first blank line, keys in lower case."""
    metadata: dict[str, str] = {}
    for line in page.read_text(encoding="utf-8-sig").splitlines():
        match = METADATA_LINE.match(line)
        if not line.strip() or not match:
            break
        metadata[match.group(1).lower()] = match.group(2).strip()
    return metadata


def _title_problem(page: Path) -> str:
    return (f"{page.as_posix()}, ligne 1 : la page n'a pas de titre (« Title »). "
            "Correction : commencez le fichier par une ligne « Title: Titre de la page », suivie de "
            "« Slug: » et « Summary: », puis d'une ligne vide avant le texte (CONTRIBUTING.md, section 6).")


def translation_problems(page: Path, language: str, slugs: set[str]) -> list[str]:
    """A translation names its language (its folder's) and the French page it translates (its slug)."""
    metadata = metadata_block(page)
    problems = [] if metadata.get("title") else [_title_problem(page)]
    if metadata.get("lang") != language:
        problems.append(
            f"{page.as_posix()} : la traduction doit dire sa langue, « Lang: {language} » (celle de son dossier), "
            f"reçu « {metadata.get('lang', '')} ». Correction : ajoutez la ligne « Lang: {language} » sous « Slug: » "
            "(CONTRIBUTING.md, section 6, « Traduire une page »).")
    if metadata.get("slug") not in slugs:
        problems.append(
            f"{page.as_posix()} : « Slug: {metadata.get('slug', '')} » n'est le Slug d'aucune page française de "
            f"{page.parent.parent.as_posix()}/ ({', '.join(sorted(slugs))}). Correction : donnez à la traduction "
            "le Slug de la page qu'elle traduit (le même nom de fichier aide à s'y retrouver).")
    return problems


def page_problems(pages: Path) -> list[str]:
    """One French message per page missing a required field, naming the file and the fix."""
    problems = []
    slugs = set()
    for page in sorted(pages.glob("*.md")):
        metadata = metadata_block(page)
        problems += [_title_problem(page) for field in REQUIRED if not metadata.get(field)]
        if metadata.get("slug"):
            slugs.add(metadata["slug"])
    for folder in sorted(path for path in pages.iterdir() if path.is_dir() and LANGUAGE_FOLDER.match(path.name)):
        for page in sorted(folder.glob("*.md")):
            problems += translation_problems(page, folder.name, slugs)
    return problems
