"""Incremental builds: a page whose inputs did not change is copied from the previous site, not rendered.

Each page gets a fingerprint of everything its HTML is made from: the build's code, theme, editorial
content, library versions and settings (`build_digest`), the programme's metadata (its version and
`as_of` only for the pages that print them, `PageKind.dated`: a structure's page says its network's
update date instead), the page's kind, template and addresses, and then either

- its declared *inputs* (`PageKind.inputs` and every section's `Section.inputs`: digests of the data
  parts it reads, `inputs.DataDigests`), known before anything of the page is computed — `plan`
  decides then, and a page carried over costs no figures, chart, download or template at all; its
  files (`Section.page_files`) are copied with it and its sections skip it (`Section.carried`);
- or, for a page whose kind or a section declares nothing, every value of its context
  (`fingerprint.Fingerprinter`): the values are computed, and only the template is skipped.

A section's site-wide files (the Pagefind index) are copied the same way when what they are made of
is unchanged (`Section.files_inputs`, `carry_files`).

The manifest of the previous build (in the build cache, never published) maps each page to its
fingerprint, the sha256 of its HTML and of each of its files, and its sections' notes. A page is
carried over only when its fingerprint is in the manifest *and* the previous site still holds those
exact files; anything else — no manifest, a value the fingerprint cannot see, an edited or missing
file — renders the page.

The plugin only reads the previous site and writes into the new one (a copy, never a hard link: no
later write can reach the published files); `scripts/build.py` then hard-links every unchanged file
and commits the new manifest once the new site is in place. Off unless `RESULTS_PREVIOUS_OUTPUT`
and `RESULTS_PAGE_MANIFEST` are set (scripts/build.py sets them; `--force` leaves them empty).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .core.atomic import write_atomic
from .fingerprint import Fingerprinter, Unfingerprintable
from .inputs import undated
from .sections import UNDECLARED

logger = logging.getLogger(__name__)

MANIFEST_VERSION = 2
# Settings that say where things go or how fast, not what a page says.
VOLATILE_SETTINGS = frozenset({
    "OUTPUT_PATH", "RESULTS_PREVIOUS_OUTPUT", "RESULTS_PAGE_MANIFEST", "RESULTS_CHART_CACHE",
    "RESULTS_CHART_WORKERS", "RESULTS_CHART_PRUNE", "WRITE_SELECTED", "DELETE_OUTPUT_DIRECTORY",
    "CACHE_PATH", "LOAD_CONTENT_CACHE", "CACHE_CONTENT",
})
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def read_manifest(manifest: Path) -> dict[str, Any]:
    """The manifest as written: counts, `rendered_pages` of that build and each page's fingerprint."""
    return json.loads(manifest.read_text("utf-8"))


def next_manifest(manifest: Path) -> Path:
    """Where a build writes its manifest; scripts/build.py moves it over `manifest` after the swap."""
    return manifest.with_name(f"{manifest.stem}.next{manifest.suffix}")


def _tree_digest(digest: Any, root: Path) -> None:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for file in files:
        if "__pycache__" in file.parts:
            continue
        digest.update(str(file.relative_to(root) if file != root else file.name).encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())


def _settings_digest(settings: Mapping[str, Any]) -> str:
    """Every setting but the volatile ones; a value the walk cannot see counts by its repr."""
    fingerprinter = Fingerprinter()
    digest = hashlib.sha256()
    for name in sorted(settings):
        if name in VOLATILE_SETTINGS:
            continue
        value = settings[name]
        try:
            part = fingerprinter.digest(value)
        except Unfingerprintable:
            part = _ADDRESS.sub("", repr(value))
        digest.update(f"{name}={part}\n".encode())
    return digest.hexdigest()


def build_digest(settings: Mapping[str, Any]) -> str:
    """What every page depends on besides its own values: code, templates, theme, content, libraries,
    settings. Changing any of them renders every page again."""
    digest = hashlib.sha256(f"manifest-v{MANIFEST_VERSION}\n".encode())
    roots = [Path(path) for path in settings.get("PLUGIN_PATHS") or ()]
    roots += [Path(settings["THEME"]), Path(settings["PATH"])]
    for root in roots:
        digest.update(f"[{root.name}]".encode())
        if root.exists():
            _tree_digest(digest, root)
    versions = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(versions).encode())
    digest.update(_settings_digest(settings).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """A page of the previous build: its fingerprint, its HTML's sha256, its files' and sections' notes."""

    fingerprint: str
    html: str
    files: dict[str, str] = field(default_factory=dict)  # output-relative path → sha256
    notes: dict[str, Any] = field(default_factory=dict)  # section name → what it remembers of the page

    def as_json(self) -> list[Any]:
        return [self.fingerprint, self.html, self.files, self.notes]


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class CarryOver:
    """One build's decisions: which pages are copied from the previous site, which are rendered."""

    def __init__(self, settings: Mapping[str, Any], shared: tuple[Any, ...] = ()) -> None:
        previous = str(settings.get("RESULTS_PREVIOUS_OUTPUT") or "")
        manifest = str(settings.get("RESULTS_PAGE_MANIFEST") or "")
        self.output = Path(settings["OUTPUT_PATH"])
        self.previous = Path(previous) if previous else None
        self.manifest = Path(manifest) if manifest else None
        self.enabled = self.manifest is not None
        self.fingerprinter = Fingerprinter()
        self.build = build_digest(settings) if self.enabled else ""
        for value in shared:  # the catalog: digested once, not once per page that lists it
            with contextlib.suppress(Unfingerprintable):
                self.fingerprinter.share(value)
        self.old, self.old_files = self._load() if self.enabled and self.previous else ({}, {})
        self.new: dict[str, Entry] = {}
        self.new_files: dict[str, Entry] = {}  # section name → its `write_files` output (the search index)
        self.files_carried: list[str] = []  # sections whose files were copied from the previous site
        self.inputs: dict[str, str] = {}  # save_as → fingerprint of its declared inputs
        self.planned: dict[str, Entry] = {}  # save_as → previous entry, for pages carried without any work
        self.carried = self.rendered = self.blind = 0
        self.rendered_pages: list[str] = []

    def _load(self) -> tuple[dict[str, Entry], dict[str, Entry]]:
        """The previous build's pages, and its sections' site files."""
        try:
            document = json.loads(self.manifest.read_text("utf-8"))
        except (OSError, ValueError):
            return {}, {}
        if document.get("version") != MANIFEST_VERSION:
            return {}, {}
        pages, sections = ({name: Entry(entry[0], entry[1], dict(entry[2]), dict(entry[3]))
                            for name, entry in document.get(part, {}).items()} for part in ("pages", "sections"))
        return pages, sections

    # -- pages that declare their inputs: decided before anything is computed ----------------------
    def input_fingerprint(self, page: Any, site: Any, sections: list[Any], context: Mapping[str, Any]) -> str | None:
        """The digest of what the page reads, or None when its kind or a section cannot say."""
        if not self.enabled or page.kind.inputs is None:
            return None
        parts = [page.kind.inputs(page, site)]
        for section in sections:
            part = section.inputs(page)
            if part is UNDECLARED:
                return None
            parts.append((section.name, part))
        try:
            stamp = site.facts.digests.dated if page.kind.dated else None  # the footer's as_of and version
            return "inputs:" + self.fingerprinter.digest(
                self.build, undated(context.get("programme")), stamp, page.kind.name, page.kind.template, page.url,
                page.save_as,
                # what every page shows of the package besides its own inputs: identity, menu, features
                context.get("identity"), context.get("MENUITEMS"), context.get("features"), parts,
            )
        except Unfingerprintable as error:
            logger.debug("page %s : entrée non comparable (%s)", page.save_as, error)
            return None

    def plan(self, pages: list[Any], site: Any, sections: list[Any], context: Mapping[str, Any]) -> None:
        """Fingerprint every page that declares its inputs; those found unchanged, with their files
        intact in the previous site, are carried over: each section is told before it prepares."""
        if not self.enabled:
            return
        for page in pages:
            fingerprint = self.input_fingerprint(page, site, sections, context)
            if fingerprint is None:
                continue
            self.inputs[page.save_as] = fingerprint
            old = self.old.get(page.save_as)
            if old is None or old.fingerprint != fingerprint or not self._intact(page.save_as, old):
                continue
            self.planned[page.save_as] = old
            for section in sections:
                section.carried(page, old.notes.get(section.name))

    def _intact(self, save_as: str, entry: Entry) -> bool:
        """The previous site still holds the page and each of its files as recorded."""
        if self.previous is None:
            return False
        return all(_sha256(self.previous / name) == sha
                   for name, sha in ((save_as, entry.html), *entry.files.items()))

    def carry_planned(self, page: Any) -> bool:
        """Copy a page planned for carrying over, with its files, into the new site."""
        entry = self.planned.get(page.save_as)
        if entry is None:
            return False
        for name in (page.save_as, *entry.files):
            source, target = self.previous / name, self.output / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # never write through a link (chart files link to the cache)
            shutil.copyfile(source, target)
        self.new[page.save_as] = entry
        self.carried += 1
        return True

    # -- every page -------------------------------------------------------------------------------
    def fingerprint(self, page: Any, values: Mapping[str, Any], context: Mapping[str, Any]) -> str | None:
        """The page's fingerprint: its inputs' when declared, else its values' (None when one of them
        cannot be compared: the page is rendered)."""
        if not self.enabled:
            return None
        if page.save_as in self.inputs:
            return self.inputs[page.save_as]
        try:
            return self.fingerprinter.digest(
                self.build, context.get("programme"), page.kind.name, page.kind.template, page.url, page.save_as,
                dict(values),
            )
        except Unfingerprintable as error:
            self.blind += 1
            logger.debug("page %s rendue : valeur non comparable (%s)", page.save_as, error)
            return None

    def carry(self, save_as: str, fingerprint: str | None) -> bool:
        """Copy the page from the previous site if its fingerprint and its HTML are the recorded ones
        (pages whose values were computed: their files were written by this build)."""
        old = self.old.get(save_as)
        if fingerprint is None or old is None or old.fingerprint != fingerprint or self.previous is None:
            return False
        if save_as in self.inputs:
            return False  # decided by `plan`: its inputs changed or its files did not survive
        try:
            html = (self.previous / save_as).read_bytes()
        except OSError:
            return False
        if hashlib.sha256(html).hexdigest() != old.html:
            return False  # edited or replaced since: render it
        target = self.output / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
        self.new[save_as] = Entry(old.fingerprint, old.html)
        self.carried += 1
        return True

    def rendered_page(self, page: Any, fingerprint: str | None, sections: list[Any] = ()) -> None:
        """Record a rendered page; one carried over by its inputs later needs its files and notes too."""
        self.rendered += 1
        self.rendered_pages.append(page.save_as)
        if fingerprint is None:
            return
        html = hashlib.sha256((self.output / page.save_as).read_bytes()).hexdigest()
        files: dict[str, str] = {}
        notes: dict[str, Any] = {}
        if page.save_as in self.inputs:
            for section in sections:
                for name in section.page_files(page):
                    sha = _sha256(self.output / name)
                    if sha is None:
                        return  # a file the page names is missing: never carry this page over
                    files[name] = sha
                note = section.page_notes(page)
                if note is not None:
                    notes[section.name] = note
        self.new[page.save_as] = Entry(fingerprint, html, files, notes)

    # -- files a section writes once for the whole site (the search index) -------------------------
    def _files_fingerprint(self, section: Any) -> str | None:
        inputs = section.files_inputs()
        if not self.enabled or inputs is UNDECLARED:
            return None
        try:
            return self.fingerprinter.digest(self.build, section.name, inputs)
        except Unfingerprintable as error:
            logger.debug("fichiers de %s : entrée non comparable (%s)", section.name, error)
            return None

    def carry_files(self, section: Any) -> bool:
        """Copy a section's site files from the previous site when what they are made of is unchanged
        and the previous site still holds them as recorded; else the section writes them."""
        fingerprint = self._files_fingerprint(section)
        old = self.old_files.get(section.name)
        if fingerprint is None or old is None or old.fingerprint != fingerprint or self.previous is None:
            return False
        if not old.files or not all(_sha256(self.previous / name) == sha for name, sha in old.files.items()):
            return False
        for name in old.files:
            source, target = self.previous / name, self.output / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            shutil.copyfile(source, target)
        self.new_files[section.name] = old
        self.files_carried.append(section.name)
        return True

    def files_written(self, section: Any) -> None:
        """Record what a section's `write_files` wrote, for the next build."""
        fingerprint = self._files_fingerprint(section)
        if fingerprint is None:
            return
        files: dict[str, str] = {}
        for name in section.written_files(self.output):
            sha = _sha256(self.output / name)
            if sha is None:
                return  # a file it names is missing: never copy these files over
            files[name] = sha
        if files:
            self.new_files[section.name] = Entry(fingerprint, "", files)

    def save(self) -> None:
        """Write the next manifest beside the current one (scripts/build.py commits it after the swap)."""
        logger.info("pages : %d rendues, %d reprises du site précédent (%d non comparables)",
                    self.rendered, self.carried, self.blind)
        for name in self.files_carried:
            logger.info("fichiers de %s repris du site précédent", name)
        if not self.enabled:
            return
        target = next_manifest(self.manifest)
        document = {
            "version": MANIFEST_VERSION, "rendered": self.rendered, "carried": self.carried, "blind": self.blind,
            "rendered_pages": sorted(self.rendered_pages),
            "pages": {name: entry.as_json() for name, entry in sorted(self.new.items())},
            "sections": {name: entry.as_json() for name, entry in sorted(self.new_files.items())},
            "files_carried": sorted(self.files_carried),
        }
        write_atomic(target, json.dumps(document))  # a killed build leaves no half manifest
