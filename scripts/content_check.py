"""Editorial pages checked before Pelican runs: a page without `Title` fails at once, in French.

Pelican skips such a page with an English log line, and only after reading the whole package (half a
minute on the demo): the maintainer who added it learns nothing useful. This check reads only the
metadata block (the `Key: value` lines before the first blank line) of each page in content/pages/.
"""

from __future__ import annotations

import re
from pathlib import Path

METADATA_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\s*:(.*)$")
REQUIRED = ("title",)


def page_problems(pages: Path) -> list[str]:
    """One French message per page missing a required field, naming the file and the fix."""
    problems = []
    for page in sorted(pages.glob("*.md")):
        text = page.read_text(encoding="utf-8-sig")
        metadata: dict[str, str] = {}
        for line in text.splitlines():
            match = METADATA_LINE.match(line)
            if not line.strip() or not match:
                break
            metadata[match.group(1).lower()] = match.group(2).strip()
        for field in REQUIRED:
            if not metadata.get(field):
                problems.append(
                    f"{page.as_posix()}, ligne 1 : la page n'a pas de titre (« Title »). "
                    "Correction : commencez le fichier par une ligne « Title: Titre de la page », suivie de "
                    "« Slug: » et « Summary: », puis d'une ligne vide avant le texte (CONTRIBUTING.md, section 6)."
                )
    return problems
