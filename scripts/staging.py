"""Build into a staging folder, prove it complete, then swap it in atomically.

Three failures this module exists for:

- a full disk: Pelican logs a failed copy of a theme file as a mere *warning* and goes on, so a
  site with empty CSS and a truncated `vega.min.js` would be published. `WriteFailures` turns those
  warnings into failures, and `verify_staged` checks the staged site before it replaces anything:
  every theme and content file copied byte for byte, no empty or truncated page;
- a reader (the web server, the Pages upload) must never find `output/` missing or half-replaced:
  `swap_in` exchanges the two folders with one `renameat2(RENAME_EXCHANGE)` system call, so the path
  always names a complete site. Where the file system refuses the exchange (not Linux, an old
  kernel), it falls back to two renames, the only gap being between them;
- an incremental build must not rewrite what did not change: `link_unchanged` replaces every staged
  file whose bytes equal the published one by a hard link to it, so an unchanged file keeps its inode
  and date (a deploy or rsync sees only what changed) and the count of files rewritten is exact;
- a killed build leaves `output.tmp-<pid>` (or `output.old-<pid>`) behind: `remove_stale` deletes
  those whose process is gone, at the start of the next build.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import os
import re
import shutil
from pathlib import Path

# Pelican's own wording when a copy fails (pelican/utils.py, pelican/generators.py): logged as warnings.
FAILED_WRITE = re.compile(
    r"A problem occurred copying|While copying|Skipped copy|Cannot copy|No space left|File too large"
    r"|Disk quota exceeded|\[Errno \d+\]|Read-only file system",
)
NEVER_EMPTY = (".css", ".js", ".json", ".svg", ".csv", ".zip", ".xml")
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class WriteFailures(logging.Handler):
    """Collects errors and the warnings that mean a file was not written (a full disk, a quota)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR or FAILED_WRITE.search(message):
            self.messages.append(message)


def _same_file(source: Path, copy: Path) -> bool:
    if not copy.is_file() or copy.stat().st_size != source.stat().st_size:
        return False
    with source.open("rb") as left, copy.open("rb") as right:
        while True:
            chunk = left.read(1 << 20)
            if chunk != right.read(1 << 20):
                return False
            if not chunk:
                return True


def verify_staged(staging: Path, copied: list[tuple[Path, Path]]) -> list[str]:
    """Problems with the staged site: a copied folder not copied completely, an empty or cut page.

    `copied` pairs a source folder (theme/static, …) with where the build copies it in `staging`.
    """
    problems = []
    for source, destination in copied:
        for file in sorted(source.rglob("*")):
            if file.is_file() and not file.is_symlink():
                copy = destination / file.relative_to(source)
                if not _same_file(file, copy):
                    problems.append(f"{copy.relative_to(staging)} : copie incomplète de {file}")
    for page in sorted(staging.rglob("*.html")):
        with page.open("rb") as stream:
            stream.seek(max(0, page.stat().st_size - 4096))
            tail = stream.read()
        if b"</html>" not in tail.lower():
            problems.append(f"{page.relative_to(staging)} : page vide ou tronquée (pas de </html> final)")
    for file in sorted(staging.rglob("*")):
        if file.is_file() and file.suffix in NEVER_EMPTY and not file.stat().st_size:
            problems.append(f"{file.relative_to(staging)} : fichier vide")
    return problems


def _exchange(first: Path, second: Path) -> bool:
    """Atomically swap two paths with renameat2(RENAME_EXCHANGE); False if the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(built: Path, output: Path) -> None:
    """Put `built` at `output`; `output` names a complete site at every instant (when the kernel can)."""
    if output.is_symlink() or output.is_file():
        output.unlink()
    if output.exists() and _exchange(built, output):
        shutil.rmtree(built, ignore_errors=True)  # `built` now holds the previous site
        return
    old = output.with_name(f"{output.name}.old-{os.getpid()}")
    if output.exists():
        output.rename(old)
    built.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _identical(first: Path, second: Path) -> bool:
    """Same bytes (sizes compared first: most changed files change size)."""
    try:
        if first.stat().st_size != second.stat().st_size:
            return False
    except OSError:
        return False
    return _same_file(first, second)


def link_unchanged(staging: Path, output: Path) -> tuple[int, int]:
    """Hard-link into `staging` every file whose bytes equal the same path in `output`; returns
    (files rewritten, files kept). Call last, once nothing writes into `staging` any more: a hard link
    shares the published file, so a later write in place would change the published site.

    A file is replaced by an atomic rename of a fresh link, so the staged site is complete at every
    instant; where links are impossible (another file system) the staged copy stays.
    """
    rewritten = kept = 0
    for folder, _, names in os.walk(staging):
        for name in names:
            staged = Path(folder) / name
            published = output / staged.relative_to(staging)
            if staged.is_symlink() or not published.is_file() or published.is_symlink():
                rewritten += 1
                continue
            if os.path.samefile(staged, published):  # already one file (charts link to their cache): not read
                kept += 1
                continue
            if not _identical(staged, published):
                rewritten += 1
                continue
            link = staged.with_name(f".{name}.link-{os.getpid()}")
            try:
                os.link(published, link)
            except OSError:
                rewritten += 1
                continue
            os.replace(link, staged)
            kept += 1
    return rewritten, kept


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(output: Path) -> list[Path]:
    """Delete `output.tmp-<pid>` / `output.old-<pid>` folders whose build process no longer runs."""
    pattern = re.compile(rf"^{re.escape(output.name)}\.(?:tmp|old)-(\d+)$")
    removed = []
    if not output.parent.is_dir():
        return removed
    for sibling in output.parent.iterdir():
        found = pattern.match(sibling.name)
        if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
            shutil.rmtree(sibling, ignore_errors=True)
            removed.append(sibling)
    return removed
