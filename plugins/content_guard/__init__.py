"""Pelican plugin: nothing outside content/ and theme/ is ever copied into the site.

Editorial pages arrive through pull requests. Pelican copies the target of an `{attach}` or
`{static}` link whatever it is (`{attach}../../../../proc/self/environ` publishes the build's
environment), and it follows symbolic links when it walks content/ and theme/. This plugin stops
the build, with a French message naming the page and its line, before anything is written:

- `initialized`: no symbolic link anywhere under the content folder or the theme;
- after pages and articles are read: every `{attach}` / `{static}` target stays inside content/.

Raising (rather than logging) is deliberate: `pelican` without `--fatal errors` would otherwise go on
and copy the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


class UnsafeContentError(RuntimeError):
    """A page links to, or the content/theme folder holds, a file from outside the repository."""


def symbolic_links(folder: Path) -> list[str]:
    """Every symbolic link under `folder` (files and folders), relative to it; links are not followed."""
    found = []
    for directory, folders, files in os.walk(folder, followlinks=False):
        for name in folders + files:
            path = Path(directory, name)
            if path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def check_folders(pelican) -> None:
    """Refuse the build when content/ or the theme holds a symbolic link."""
    settings = pelican.settings
    offenders = []
    for setting in ("PATH", "THEME"):
        folder = Path(settings[setting])
        if folder.is_dir():
            offenders += [f"{folder}/{link}" for link in symbolic_links(folder)]
    if offenders:
        listed = "\n".join(f"  - {path}" for path in offenders)
        raise UnsafeContentError(
            "Liens symboliques refusés dans le contenu ou le thème (ils peuvent désigner n'importe quel "
            f"fichier de la machine qui construit le site) :\n{listed}\n"
            "Remplacez chaque lien par une copie du fichier, ou supprimez-le."
        )


def _contents(generator) -> Iterable:
    for attribute in ("pages", "hidden_pages", "draft_pages", "articles", "drafts", "translations",
                      "hidden_translations", "draft_translations", "drafts_translations"):
        yield from getattr(generator, attribute, None) or []


def _line(source_path: str, link: str) -> int | None:
    try:
        text = Path(source_path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = text.find(link)
    return None if found < 0 else text.count("\n", 0, found) + 1


def check_links(generator) -> None:
    """Refuse `{attach}` / `{static}` targets that leave the content folder."""
    offenders = []
    for content in _contents(generator):
        for link in sorted(content.get_static_links()):
            normal = os.path.normpath(link)
            if os.path.isabs(normal) or normal == ".." or normal.startswith(".." + os.sep):
                source = content.source_path
                line = _line(source, os.path.basename(link)) or ""
                offenders.append(f"  - {os.path.relpath(source)}:{line} : {link}")
    if offenders:
        listed = "\n".join(offenders)
        raise UnsafeContentError(
            "Des liens {attach} ou {static} désignent des fichiers hors du dossier content/ :\n"
            f"{listed}\nPlacez le fichier joint dans content/ (par exemple content/pages/fichiers/) "
            "et liez-le par un chemin qui y reste."
        )


def register() -> None:
    from pelican import signals

    signals.initialized.connect(check_folders)
    signals.page_generator_finalized.connect(check_links)
    signals.article_generator_finalized.connect(check_links)
