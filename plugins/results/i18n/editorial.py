"""Editorial pages (content/pages/) in every language of the site, with Pelican's own translations.

A translation is a Markdown file with the French page's `Slug:` and a `Lang:` line
(`content/pages/en/a-propos.md`: `Lang: en`, `Slug: a-propos`). Pelican groups the versions of a page
by slug (`translation_id`) and, since each language's run has that language as `DEFAULT_LANG`
(sites.editorial_languages), takes the version in the run's language as the page, or the French one
when there is none: that page is published under the run's prefix with its French text, marked
`lang="fr"` (page.html), and claims no English version (no `hreflang` for a language it is not
written in: `written_in`). Each version is written by its own language's run only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def written_in(page: Any) -> set[str]:
    """The languages a page has a version in: its own and its translations'."""
    return {str(page.lang), *(str(other.lang) for other in getattr(page, "translations", []) or [])}


def _translations(generator: Any) -> Iterable[Any]:
    for attribute in ("translations", "hidden_translations", "draft_translations"):
        yield from getattr(generator, attribute, None) or []


def write_own_language_only(generator: Any) -> None:
    """`page_generator_finalized`: the other languages' versions are not written by this run (their
    address would be this page's: each language's run writes its own)."""
    for translation in _translations(generator):
        translation.override_save_as = ""
