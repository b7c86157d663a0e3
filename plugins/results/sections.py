"""Extension point: a *section* adds page kinds, page values or files to the site without touching
the generator.

Sections are registered through the `RESULTS_SECTIONS` setting (dotted paths); the built-in features
(users' voice, monitoring, labels, posters, downloads, charts) are registered the same way, the way
Datasette's own features use its plugin hooks. A section is built once per build and goes through
explicit phases — only `prepare`, `write_page_files` and `write_files` may have side effects:

    __init__(site)             read the facts, plan; no logging of findings, no files
    kinds                      page kinds the section declares (class attribute, like the core's)
    prepare()                  once, after every section is built: render, log data findings
    write_page_files(page)     files belonging to one page, just before it is written
    extend(page, values)       pure: extra context for one page, in keys nobody else uses
    write_files(output, ctx)   files written after every page

Incremental builds add four hooks (`carryover`): `inputs(page)` says what `extend` and the page's
files read, cheaply, before anything is computed (`UNDECLARED`, the default, means "unknown": the
page is then always computed); `page_files(page)` lists the files written for a page, and
`page_notes(page)` what the section must remember of it, so that when the page is `carried` over
from the previous site its files are copied with it and the section skips its work for it. Two more
do the same for `write_files`: `files_inputs()` and `written_files(output)` (the search index is
copied when no page's search record changed).

The generator refuses a key that another section or the page's own context already set, and a key
every page shares (a Pelican setting, the menu, `links`…) set by a page kind or a section
(`SectionKeyError`): one section can no longer silently overwrite another's values, nor the site's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from .facts import Facts
from .i18n.formats import Formats
from .pages import Page, PageKind, Urls
from .settings import ResultsSettings

UNDECLARED = object()  # a section's `inputs` for a page it cannot describe: the page is always computed


class SectionKeyError(RuntimeError):
    """Two sections (or a section and the page itself) set the same context key."""


@dataclass(frozen=True)
class Site:
    """What a section receives: the build's facts, views, addresses and settings."""

    facts: Facts
    views: Any  # SiteViews (typed loosely: views imports nothing from here)
    urls: Urls
    config: ResultsSettings
    settings: Mapping[str, Any]  # Pelican's settings, for the few non-RESULTS ones (OUTPUT_PATH, AUTHOR…)
    formats: Formats  # the build's language (RESULTS_LOCALE): every sentence and number is worded by it

    @classmethod
    def of(cls, catalog: Any, settings: Mapping[str, Any]) -> Site:
        """A build's site from a catalog and settings (missing addresses get their defaults)."""
        from .kinds import all_kinds
        from .settings import apply_defaults, formats, parse_settings
        from .views import SiteViews

        config = parse_settings(settings)
        kinds = all_kinds(config)
        filled = dict(settings)
        apply_defaults(filled, kinds)
        facts = Facts(catalog, config.label_scheme)
        urls = Urls(filled, kinds, config.public_url)
        words = formats(config)
        views = SiteViews(facts, urls, config.small_sample, words, config.list_max_rows)
        return cls(facts, views, urls, config, filled, words)


class Section:
    """Base class: override what the feature needs; every hook defaults to doing nothing."""

    kinds: ClassVar[tuple[PageKind, ...]] = ()

    def __init__(self, site: Site) -> None:
        self.site = site
        self.facts = site.facts
        self.views = site.views
        self.catalog = site.facts.catalog
        self.config = site.config
        self.settings = site.settings
        self.urls = site.urls
        self.links = site.views.links
        self.formats = site.formats

    @property
    def name(self) -> str:
        return type(self).__name__

    def prepare(self) -> None:
        """Once per build, after every section is built (render, log data findings)."""

    def write_page_files(self, page: Page) -> None:
        """Files that belong to `page`, written just before it (so the page can show their size)."""

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        """Extra values for a page about to be written; never writes or logs."""
        return {}

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        """Non-HTML files (CSV, JSON, SVG…) written after the pages."""

    # -- incremental builds ------------------------------------------------------------------------
    def inputs(self, page: Page) -> Any:
        """What this section adds to `page` depends on (cheap to compute, digested), `()` for nothing;
        `UNDECLARED` (the default) when the section cannot tell: the page is then always computed."""
        return UNDECLARED

    def page_files(self, page: Page) -> Iterable[str]:
        """Output-relative files this section wrote for `page` (copied with it when it is carried over)."""
        return ()

    def page_notes(self, page: Page) -> Any:
        """JSON data to remember about a written page, handed back to `carried` in a later build."""
        return None

    def carried(self, page: Page, notes: Any) -> None:
        """`page` is copied from the previous site (before `prepare`): skip any work planned for it."""

    def files_inputs(self) -> Any:
        """What `write_files` reads (digested after every page is written), or `UNDECLARED` (the
        default): when the previous build's was the same and its files are intact, they are copied
        from the previous site instead of written again."""
        return UNDECLARED

    def written_files(self, output_path: Path) -> Iterable[str]:
        """Output-relative files `write_files` wrote (recorded for the next build's `files_inputs`)."""
        return ()


def check_shadowing(page: Page, values: Mapping[str, Any], shared: Mapping[str, Any], owner: str) -> None:
    """A page's values may not replace what every page shares (a Pelican setting such as `SITENAME`,
    the menu, `links`…): Pelican would let the page's value win silently, on that page only."""
    for key in values:
        if key in shared or key in WRITER_KEYS:
            raise SectionKeyError(
                f"{owner} veut définir « {key} » sur la page {page.url or '/'} ({page.kind.name}), "
                "mais c'est une valeur commune à toutes les pages (réglage Pelican ou contexte du site) : "
                "elle la remplacerait sur cette page seulement. Choisissez un autre nom."
            )


# Set by the generator or Pelican's writer for each page: a page's values may not set them either.
WRITER_KEYS = frozenset({"url", "page_url", "output_file", "localsiteurl", "relative_urls", "SITEURL"})


def merge_entries(page: Page, values: dict[str, Any], section: Section, extra: Mapping[str, Any],
                  owners: dict[str, str], shared: Mapping[str, Any]) -> None:
    """Add a section's entries to a page's values; a key set twice, or a key every page shares
    (`shared`: the site's context), is an error naming both owners."""
    check_shadowing(page, extra, shared, f"La section {section.name}")
    for key, value in extra.items():
        if key in values:
            raise SectionKeyError(
                f"La section {section.name} veut définir « {key} » sur la page {page.url or '/'} "
                f"({page.kind.name}), déjà défini par {owners.get(key, f'le type de page {page.kind.name}')}. "
                "Chaque section doit utiliser ses propres clés : renommez l'une des deux."
            )
        values[key] = value
        owners[key] = f"la section {section.name}"
