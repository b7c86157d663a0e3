"""The page model: each kind of page declared once, each page owning its addresses.

A `PageKind` says everything the site needs to know about a kind of page: its settings prefix
(`STRUCTURE` → `STRUCTURE_URL` / `STRUCTURE_SAVE_AS`, with the default patterns declared here), the
records it iterates over, its template, whether it is listed in the sitemap and the menu, and how its
context is built. The generator plans pages from the declarations, the menu and the sitemap are
derived from them, and `Urls` resolves every address — so a changed `*_URL` setting moves the page,
its links, its menu entry and its sitemap line together.

References: Pelican's `URLWrapper` (url and save_as from `{KIND}_URL` settings on the object),
MkDocs' `Page`, Datasette's single `Urls` class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any


def record_fields(record: Any) -> dict[str, str]:
    """`{slug}` and `{id}` of a model record (régions and départements are keyed by `code`)."""
    record_id = getattr(record, "id", None)
    if record_id is None:
        record_id = record.code
    return {"slug": record.slug, "id": record_id}


def no_context(page: Page, site: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class PageKind:
    """One kind of page, declared once.

    `records(site)` lists what the kind iterates over (one page each); `None` means a single page.
    `context(page, site)` returns the template's values, computed just before the page is written so
    only one page's objects are alive at a time. `menu_title` puts a single-page kind in the main
    menu, at `menu_order`. `fixed_records()` lists every record a kind can ever have when the data
    does not decide it (the letters of the A–Z index): the validator then knows these addresses before
    any build and refuses a structure whose stored slug would take one (`reserved_pages`).
    `inputs(page, site)` returns what the page's own context reads (cheap digests, `inputs.DataDigests`):
    an incremental build then skips every computation of a page whose inputs, and every section's
    (`Section.inputs`), are the previous build's. Without it, the page's values are computed and compared.
    `follows` names the kind whose page of the same record is written just before this one (a
    structure's poster right after its page): what a section hands from one to the other is then
    held for one page, not for every structure of the build (`write_order`).
    `dated=False` says the page does not show the package's `as_of` and version (a structure's page and
    poster show their network's update date instead): a new publication then leaves it as it is.
    """

    name: str
    template: str
    url: str
    save_as: str
    records: Callable[[Any], Iterable[Any]] | None = None
    fields: Callable[[Any], dict[str, str]] = record_fields
    context: Callable[[Page, Any], dict[str, Any]] = no_context
    in_sitemap: bool = True
    menu_title: str | None = None
    menu_order: int = 0
    fixed_records: Callable[[], Iterable[Any]] | None = None  # every record, when known without the data
    enabled: Callable[[Any], bool] | None = None  # enabled(site) False: no page of this kind (no labels…)
    inputs: Callable[[Page, Any], Any] | None = None  # what the page reads, digested before it is computed
    follows: str | None = None  # written right after the page of this kind with the same record
    dated: bool = True  # shows the package's as_of and version (the footer); False: its own date, in `inputs`

    @property
    def url_setting(self) -> str:
        return f"{self.name}_URL"

    @property
    def save_as_setting(self) -> str:
        return f"{self.name}_SAVE_AS"

    def defaults(self) -> dict[str, str]:
        """The kind's settings with their default patterns (a programme overrides them in pelicanconf)."""
        return {self.url_setting: self.url, self.save_as_setting: self.save_as}


@dataclass(frozen=True, slots=True)
class Page:
    """One page to write: its kind, the record it shows, and its addresses (site-relative)."""

    kind: PageKind
    record: Any
    url: str
    save_as: str

    def is_a(self, name: str) -> bool:
        """`page.is_a("STRUCTURE")`: sections pick their pages by kind, never by template name."""
        return self.kind.name == name


def write_order(pages: Iterable[Page]) -> list[Page]:
    """The pages in the order they are written: as planned, except that a page whose kind `follows`
    another comes right after the page of that kind with the same record (at the end without one)."""
    pages = list(pages)
    following: dict[tuple[str, int], list[Page]] = {}
    for page in pages:
        if page.kind.follows is not None:
            following.setdefault((page.kind.follows, id(page.record)), []).append(page)
    if not following:
        return pages
    ordered: list[Page] = []
    for page in pages:
        if page.kind.follows is None:
            ordered.append(page)
            ordered.extend(following.pop((page.kind.name, id(page.record)), ()))
    ordered.extend(page for waiting in following.values() for page in waiting)
    return ordered


def record_label(record: Any) -> str:
    """A record as a maintainer finds it in the data: « name » (id), or the letter of an index page."""
    if record is None:
        return ""
    if isinstance(record, tuple):
        return f"« {record[0]} »"
    name = getattr(record, "name", None) or getattr(record, "label", None)
    key = getattr(record, "id", None) or getattr(record, "code", None)
    return f"« {name} » ({key})" if name and key else f"« {name or key or record} »"


class DuplicatePageError(ValueError):
    """Two planned pages share a file: the second would overwrite the first."""


def check_unique_pages(pages: Iterable[Page]) -> None:
    """Stop the build, in French and naming both records, when two pages would be written to one file.

    The validator refuses the structure slugs that could cause it (duplicates, former addresses, the
    site's own pages); this is the defence in depth, for addresses moved by settings or sections.
    Pelican would otherwise stop on an English "File … is to be overwritten", naming neither record.
    """
    seen: dict[str, Page] = {}
    for page in pages:
        first = seen.setdefault(page.save_as, page)
        if first is not page:
            raise DuplicatePageError(
                f"Deux pages auraient la même adresse {page.url or page.save_as} : la page {first.kind.name} "
                f"{record_label(first.record)} et la page {page.kind.name} {record_label(page.record)}. "
                "Si l'une est une structure, donnez-lui un autre slug dans structures.csv (make validate "
                "signale les adresses déjà prises) ; sinon changez le réglage *_URL / *_SAVE_AS de l'un des "
                "deux types de pages dans pelicanconf.py."
            )


def reserved_pages(kinds: Iterable[PageKind]) -> dict[str, Page]:
    """save_as → page of every page whose address is known without the data, at the kinds' default
    patterns: single pages (indexes, 404) and kinds with `fixed_records` (the A–Z letters)."""
    urls = Urls({name: value for kind in kinds for name, value in kind.defaults().items()}, kinds, "")
    reserved: dict[str, Page] = {}
    for kind in urls.kinds.values():
        if kind.records is None:
            records: Iterable[Any] = [None]
        elif kind.fixed_records is not None:
            records = kind.fixed_records()
        else:
            continue
        for record in records:
            page = urls.page(kind, record)
            reserved.setdefault(page.save_as, page)
    return reserved


class Urls:
    """Every address of the site, resolved from the settings: pages, and their public (absolute) form.

    One rule for absolute URLs (QR codes, badge snippets, citations, files that travel alone):
    `SITEURL` when it is absolute (production build), else `RESULTS_PUBLIC_URL`, so a local relative
    build still prints posters and snippets that lead to the published site.
    """

    def __init__(self, settings: Mapping[str, Any], kinds: Iterable[PageKind], public_url: str) -> None:
        self.settings = settings
        self.kinds = {kind.name: kind for kind in kinds}
        self.public_url = public_url  # RESULTS_PUBLIC_URL

    def pattern(self, kind: str, suffix: str = "URL") -> str:
        return str(self.settings[f"{kind}_{suffix}"])

    def page(self, kind: PageKind | str, record: Any = None) -> Page:
        kind = self.kinds[kind] if isinstance(kind, str) else kind
        fields = kind.fields(record) if record is not None else {}
        return Page(kind, record, self.pattern(kind.name).format(**fields),
                    self.pattern(kind.name, "SAVE_AS").format(**fields))

    def url(self, kind: str, record: Any = None) -> str:
        """Site-relative URL (no leading slash) of a declared kind's page."""
        return self.page(kind, record).url

    def format(self, setting: str, **fields: str) -> tuple[str, str]:
        """`(url, save_as)` of any `*_URL` / `*_SAVE_AS` pair, declared as a page kind or not (files)."""
        return self.pattern(setting).format(**fields), self.pattern(setting, "SAVE_AS").format(**fields)

    @property
    def site_url(self) -> str:
        """`SITEURL` when it is absolute, else "" (a local build with relative links)."""
        site_url = str(self.settings.get("SITEURL") or "")
        return site_url.rstrip("/") if site_url.startswith(("https://", "http://")) else ""

    @property
    def public_base(self) -> str:
        return self.site_url or self.public_url.rstrip("/")

    def public(self, url: str) -> str:
        """`services/caf-de-paris/` → `https://example.org/resultats/services/caf-de-paris/`."""
        return f"{self.public_base}/{url.lstrip('/')}"

    def menu(self, kinds: Iterable[PageKind] | None = None) -> list[tuple[str, str]]:
        """`MENUITEMS` from the declarations: single-page kinds with a menu title, by `menu_order`
        (of `kinds` when given: the kinds a build actually writes)."""
        candidates = self.kinds.values() if kinds is None else kinds
        listed = sorted((kind for kind in candidates if kind.menu_title and kind.records is None),
                        key=lambda kind: kind.menu_order)
        return [(str(kind.menu_title), self.url(kind.name)) for kind in listed]
