"""Incremental builds: a page whose inputs did not change is copied from the previous site, not rendered.

Each page gets a fingerprint of everything its HTML is made from: the build's code, theme, editorial
content, library versions and settings (`build_digest`), the programme's metadata, the page's kind,
template and addresses, and every value of its context (`fingerprint.Fingerprinter`). The manifest
of the previous build (in the build cache, never published) maps each page to its fingerprint and
the sha256 of its HTML. A page is carried over only when its fingerprint is in the manifest *and*
the previous site still holds that exact HTML; anything else — no manifest, a value the fingerprint
cannot see, an edited or missing file — renders the page.

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
import os
import re
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from .fingerprint import Fingerprinter, Unfingerprintable

logger = logging.getLogger(__name__)

MANIFEST_VERSION = 1
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
        self.old: dict[str, tuple[str, str]] = self._load() if self.enabled and self.previous else {}
        self.new: dict[str, tuple[str, str]] = {}
        self.carried = self.rendered = self.blind = 0
        self.rendered_pages: list[str] = []

    def _load(self) -> dict[str, tuple[str, str]]:
        try:
            document = json.loads(self.manifest.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        if document.get("version") != MANIFEST_VERSION:
            return {}
        return {name: (entry[0], entry[1]) for name, entry in document.get("pages", {}).items()}

    def fingerprint(self, page: Any, values: Mapping[str, Any], context: Mapping[str, Any]) -> str | None:
        """The page's fingerprint, or None when one of its values cannot be compared (it is rendered)."""
        if not self.enabled:
            return None
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
        """Copy the page from the previous site if its fingerprint and its HTML are the recorded ones."""
        old = self.old.get(save_as)
        if fingerprint is None or old is None or old[0] != fingerprint or self.previous is None:
            return False
        try:
            html = (self.previous / save_as).read_bytes()
        except OSError:
            return False
        if hashlib.sha256(html).hexdigest() != old[1]:
            return False  # edited or replaced since: render it
        target = self.output / save_as
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
        self.new[save_as] = old
        self.carried += 1
        return True

    def rendered_page(self, save_as: str, fingerprint: str | None) -> None:
        self.rendered += 1
        self.rendered_pages.append(save_as)
        if fingerprint is not None:
            html = (self.output / save_as).read_bytes()
            self.new[save_as] = (fingerprint, hashlib.sha256(html).hexdigest())

    def save(self) -> None:
        """Write the next manifest beside the current one (scripts/build.py commits it after the swap)."""
        logger.info("pages : %d rendues, %d reprises du site précédent (%d non comparables)",
                    self.rendered, self.carried, self.blind)
        if not self.enabled:
            return
        target = next_manifest(self.manifest)
        target.parent.mkdir(parents=True, exist_ok=True)
        document = {
            "version": MANIFEST_VERSION, "rendered": self.rendered, "carried": self.carried, "blind": self.blind,
            "rendered_pages": sorted(self.rendered_pages),
            "pages": {name: list(entry) for name, entry in sorted(self.new.items())},
        }
        temporary = target.with_name(f"{target.name}.{os.getpid()}")
        temporary.write_text(json.dumps(document), "utf-8")
        os.replace(temporary, target)
