"""Site search: the search page, what each page gives the index, and the Pagefind index itself.

Pagefind (the `pagefind-bin` wheel, pinned in requirements.lock) indexes the *built* pages. Each page
that should be found carries one hidden search record (`partials/search_record.html`): the words
a visitor types to find it, weighted (a structure's name above its commune, its commune above its
network), and the values the results list shows (network, commune, label level) as Pagefind
metadata. Indexing only these records, not the whole page, is what keeps results relevant: a
département page lists hundreds of structure names and a structure page names dozens of indicators,
so full-text indexing would bury the structure someone asked for under pages that merely mention it.

Structures and the other pages (networks, territories, indicators) are told apart by the `type`
filter, which only the other pages carry (`type:autre`): the search page lists structures first, in
their own list (`not: {type: autre}`), then the other pages. A browser loads a filter's whole file
for a query that uses it: carried by the few hundred other pages, not by every structure, that file
weighs a few hundred bytes instead of tens of kilobytes. `reseau` (network id) and `region` (région
code) filters narrow both lists.

The index is written after every page (`write_files`), into `pagefind/` of the site. Pagefind is
not run on the built pages themselves: they weigh about a gigabyte at national scale, and Pagefind
parses every byte of every page even when it keeps only the records. `copy_records` first copies each
page's record alone, with the page's `<html>` tag (its language), to the same address in a scratch
folder: the index is the same, and Pagefind reads a few megabytes instead. The index is then made
reproducible (`search_bundle.canonicalise`: Pagefind writes its filters in a random order), so the
same pages give the same index, byte for byte. An incremental build whose search records are the
previous build's (`files_inputs`: a corrected value changes no record) copies the previous index
instead of running Pagefind again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .core.french import name_sort_key
from .i18n.sites import is_last_run
from .labels import NO_LABEL
from .model import Departement, Indicator, Network, Region, Structure
from .pages import Page, PageKind
from .search_bundle import BundleFormatError, canonicalise
from .sections import Section, Site

BUNDLE_FOLDER = "pagefind"
# Pagefind always writes its ready-made interfaces too; the site has its own (theme/static/js/search.js),
# so these are removed: fewer files to publish and nothing loaded that the site does not use.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
INDEX_TIMEOUT_SECONDS = 600
# The search record as partials/search_record.html writes it, first in <main> (base.html): one <div>
# holding only <p> and <span>, so its first </div> closes it (texts are escaped: a name cannot hold one).
RECORD_START = b'<div class="search-record"'
RECORD_END = b"</div>"
MAIN_TAG = re.compile(rb"<main\b[^>]*>\s*")
HTML_TAG = re.compile(rb"<html\b[^>]*>")
FIRST_BYTES = 16_384  # a page's head, header and record: its start is enough to know whether it has one

# Weights (Pagefind's 0–10 scale; plain text counts 1): what a visitor most likely typed ranks highest.
NAME, PLACE, CONTEXT = 10, 5, 2

SERVICE, OTHER = "service", "autre"  # the two lists; only OTHER pages carry the `type` filter
# The page kinds that carry a search record (`SearchSection.record`), with their records.
INDEXED_KINDS: tuple[tuple[str, Callable[[Any], Iterable[Any]]], ...] = (
    ("STRUCTURE", lambda catalog: catalog.structures.values()),
    ("NETWORK", lambda catalog: catalog.networks.values()),
    ("DEPARTEMENT", lambda catalog: catalog.departements.values()),
    ("REGION", lambda catalog: catalog.regions.values()),
    ("INDICATOR", lambda catalog: catalog.indicators.values()),
)

SEARCH = PageKind("SEARCH", "search", "recherche/", "recherche/index.html",
                  context=lambda page, site: _search_page(site), in_sitemap=False)


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed: the build stops rather than publish a search page without index."""

# The field that names each kind of record (its title in the results list).
_NAME_FIELD = {"Structure": "name", "Network": "name", "Indicator": "label"}


@dataclass(frozen=True)
class SearchRecord:
    """What one page gives the index: weighted words, metadata for the results list, filters."""

    title: str
    words: tuple[tuple[int, str], ...]  # (weight, text)
    meta: tuple[tuple[str, str], ...]
    filters: tuple[tuple[str, str], ...]


def _search_page(site: Any) -> dict[str, Any]:
    """The filter choices (networks, régions) and the browse pages offered without JavaScript."""
    catalog, words = site.facts.catalog, site.views.data_words
    return {  # networks in the order of their names in the page's language
        "search_networks": sorted(catalog.networks.values(), key=lambda network: name_sort_key(words.text(network))),
        "search_regions": sorted(catalog.regions.values(), key=lambda region: name_sort_key(region.name)),
        "search_letters": site.facts.letters(),
    }


def _filters(kind: str, network_id: str = "", region_code: str = "") -> tuple[tuple[str, str], ...]:
    filters = [("type", kind)] if kind == OTHER else []
    if network_id:
        filters.append(("reseau", network_id))
    if region_code:
        filters.append(("region", region_code))
    return tuple(filters)


class SearchSection(Section):
    """The search page, one search record per structure, network, territory and indicator page, and
    the Pagefind index written after every page."""

    kinds = (SEARCH,)

    def __init__(self, site: Site) -> None:
        super().__init__(site)
        self.statuses = self.facts.label_statuses
        self.data_words = site.views.data_words  # the data's names in the page's language

    def _name(self, record: Any, field: str = "") -> tuple[str, str]:
        """A record's name in the page's language, and its French name when that differs (still
        indexed, less weighted: a reader of the English site may search a service's French name)."""
        found = self.data_words.localized(record, field)
        french = str(getattr(record, field or _NAME_FIELD[type(record).__name__]))
        return found.text, (french if french != found.text else "")

    def extend(self, page: Page, values: Mapping[str, Any]) -> dict[str, Any]:
        record = self.record(page)
        return {"search_record": record} if record is not None else {}

    def inputs(self, page: Page) -> Any:
        """A page's search record itself (names, places, networks, territories, label level at `as_of`);
        pages without a record get nothing from this section."""
        return self.record(page)

    def record(self, page: Page) -> SearchRecord | None:
        """The page's search record, or None for pages not worth a result (indexes, letters, posters…)."""
        if page.is_a("STRUCTURE"):
            return self.structure_record(page.record)
        if page.is_a("NETWORK"):
            return self.network_record(page.record)
        if page.is_a("DEPARTEMENT"):
            return self.departement_record(page.record)
        if page.is_a("REGION"):
            return self.region_record(page.record)
        if page.is_a("INDICATOR"):
            return self.indicator_record(page.record)
        return None

    def structure_record(self, structure: Structure) -> SearchRecord:
        network = self.catalog.networks.get(structure.network_id)
        departement = self.catalog.departements.get(structure.departement_code)
        region = self.catalog.regions.get(structure.region_code)
        place = " ".join(part for part in (structure.postcode, structure.commune) if part)
        territory = ", ".join(part for part in (
            f"{departement.name} ({departement.code})" if departement else "",
            region.name if region else "",
        ) if part)
        network_words = self._network_words(network)
        status = self.statuses.get(structure.id, NO_LABEL)
        label = f"Label {self.config.label_name} {status.level_wording}" if status.is_current else ""
        name, french_name = self._name(structure)
        meta = [("title", name)]  # no `genre`: structures have their own list, « Services »
        meta += [(key, value) for key, value in (
            ("reseau", self._name(network, "short_name")[0] if network else ""), ("commune", place), ("label", label),
        ) if value]
        return SearchRecord(
            title=name,
            words=tuple((weight, text) for weight, text in (
                (NAME, name), (CONTEXT, french_name), (PLACE, place), (CONTEXT, territory),
                (CONTEXT, network_words), (CONTEXT, structure.typology),
            ) if text),
            meta=tuple(meta),
            filters=_filters(SERVICE, structure.network_id, structure.region_code),
        )

    def _network_words(self, network: Network | None) -> str:
        """« Caisses d'allocations familiales (CAF) », in the page's language, then in French if it differs."""
        if network is None:
            return ""
        words = [f"{self._name(network)[0]} ({self._name(network, 'short_name')[0]})"]
        if any(self._name(network, field)[1] for field in ("name", "short_name")):
            words.append(f"{network.name} ({network.short_name})")
        return " ".join(words)

    def network_record(self, network: Network) -> SearchRecord:
        (name, french_name), (short, french_short) = self._name(network), self._name(network, "short_name")
        description = self._name(network, "description")[0]
        return SearchRecord(
            title=name,
            words=((NAME, name), (NAME, short), (1, description),
                   *((CONTEXT, text) for text in (french_name, french_short) if text)),
            meta=(("title", name), ("genre", "Réseau")),
            filters=_filters(OTHER, network.id),
        )

    def departement_record(self, departement: Departement) -> SearchRecord:
        region = self.catalog.regions.get(departement.region_code)
        words = [(NAME, f"{departement.name} ({departement.code})")]
        if region:
            words.append((CONTEXT, region.name))
        return SearchRecord(
            title=f"{departement.name} ({departement.code})",
            words=tuple(words),
            meta=(("title", f"{departement.name} ({departement.code})"), ("genre", "Département")),
            filters=_filters(OTHER, region_code=departement.region_code),
        )

    def region_record(self, region: Region) -> SearchRecord:
        return SearchRecord(
            title=region.name,
            words=((NAME, region.name),),
            meta=(("title", region.name), ("genre", "Région")),
            filters=_filters(OTHER, region_code=region.code),
        )

    def indicator_record(self, indicator: Indicator) -> SearchRecord:
        network = self.catalog.networks.get(indicator.network_id)
        label, french_label = self._name(indicator)
        words = [(NAME, label)]
        if french_label:
            words.append((PLACE, french_label))
        if indicator.original_label and indicator.original_label != indicator.label:
            words.append((PLACE, indicator.original_label))
        if network:
            words.append((CONTEXT, self._network_words(network)))
        return SearchRecord(
            title=label,
            words=tuple(words),
            meta=(("title", label), ("genre", "Indicateur")),
            filters=_filters(OTHER, indicator.network_id),
        )

    def write_files(self, output_path: Path, context: dict[str, Any]) -> None:
        if is_last_run(self.settings):  # the last language's run sees every language's pages
            build_index(output_path)

    # -- incremental builds: the index is made of the search records only --------------------------
    def files_inputs(self) -> Any:
        """Pagefind indexes only the search records (`data-pagefind-body`) of the pages at their
        addresses; the record's template, Pagefind's version and its options are in the build's
        digest. Same records at the same addresses: the previous index, byte for byte, is this one."""
        indexed = []
        for kind, records in INDEXED_KINDS:
            if kind not in self.urls.kinds:
                continue
            for record in records(self.catalog):
                page = self.urls.page(kind, record)
                indexed.append((page.save_as, page.url, self.record(page)))
        return indexed

    def written_files(self, output_path: Path) -> list[str]:
        bundle = output_path / BUNDLE_FOLDER
        return sorted(str(path.relative_to(output_path)) for path in bundle.rglob("*") if path.is_file())


def pagefind_executable() -> Path:
    """The Pagefind binary shipped inside the `pagefind-bin` wheel."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "Index de recherche : Pagefind est absent. Installez les dépendances verrouillées "
            "(`make install`, requirements.lock : pagefind-bin)."
        ) from error
    return get_executable()


def page_record(page: Path) -> bytes | None:
    """The page's search record, or None. The record is `<main>`'s first child (base.html), so the
    page's first kilobytes tell: the rest of it (tables, charts) is read only if they do not."""
    with page.open("rb") as file:
        html = file.read(FIRST_BYTES)
        main = MAIN_TAG.search(html)
        if len(html) == FIRST_BYTES and (main is None or html.find(RECORD_END, main.end()) < 0):
            html += file.read()
            main = MAIN_TAG.search(html)
    if main is None or not html.startswith(RECORD_START, main.end()):
        return None
    end = html.find(RECORD_END, main.end())
    opening = HTML_TAG.search(html)
    if end < 0 or opening is None:
        raise SearchIndexError(f"Index de recherche : bloc de recherche incomplet dans {page}.")
    return (b"<!DOCTYPE html>\n" + opening.group(0) + b'<head><meta charset="utf-8"></head><body>'
            + html[main.end():end + len(RECORD_END)] + b"</body></html>\n")


def copy_records(site: Path, scratch: Path) -> int:
    """Copy every page's search record alone, inside the page's own `<html …>` tag (Pagefind keeps
    one index per language), to the same path under `scratch`, so that Pagefind gives each the
    page's address. Return how many pages had a record."""
    copied = 0
    for page in sorted(site.rglob("*.html")):
        record = page_record(page)
        if record is None:
            continue
        target = scratch / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(record)
        copied += 1
    return copied


def build_index(site: Path) -> Path:
    """Index the search records of the built pages of `site` into `site/pagefind/`; return that folder.

    Pagefind keeps one index per `<html lang>`: each language's search page searches its own pages.
    """
    bundle = site / BUNDLE_FOLDER
    shutil.rmtree(bundle, ignore_errors=True)  # a stale index of an earlier build would be served otherwise
    with tempfile.TemporaryDirectory(prefix="search-records-") as scratch:
        copy_records(site, Path(scratch))
        command = [str(pagefind_executable()), "--site", scratch, "--output-path", str(bundle), "--silent"]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=INDEX_TIMEOUT_SECONDS,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SearchIndexError(f"Index de recherche : Pagefind n'a pas pu s'exécuter ({error}).") from error
    if done.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = (done.stderr or done.stdout).strip()[-2000:]
        raise SearchIndexError(
            f"Index de recherche : Pagefind a échoué (code {done.returncode}) sur {site}. {detail}"
        )
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    try:
        canonicalise(bundle)
    except (BundleFormatError, OSError, ValueError, KeyError) as error:
        raise SearchIndexError(
            f"Index de recherche : fichiers de Pagefind inattendus ({error}). La version de pagefind-bin "
            "a-t-elle changé ? Celle de requirements.lock est la seule vérifiée (plugins/results/search_bundle.py)."
        ) from error
    return bundle
