"""Keep every path the plugin builds from data inside the folder it belongs to.

Ids, names and resource paths come from pull requests. The validator refuses the hostile ones, but
the plugin can be run on its own (tests, `pelican` directly), so the two edges that touch the file
system hold the rule again: a data file is read only if it is a regular file inside the package
folder reached without a symbolic link (`package_file`), and a file is written only inside the
output folder (`confined_path`). Both raise `UnsafePathError` with a French message.
"""

from __future__ import annotations

import stat
from pathlib import Path, PurePosixPath


class UnsafePathError(ValueError):
    """A path built from data would leave its folder, or follows a symbolic link."""


def _relative_parts(relative: str | PurePosixPath, what: str) -> tuple[str, ...]:
    text = str(relative)
    pure = PurePosixPath(text)
    if not text or "\\" in text or "\x00" in text or pure.is_absolute() or ".." in pure.parts or "://" in text:
        raise UnsafePathError(f"Chemin « {text[:120]} » refusé : {what} doit rester dans son dossier.")
    return tuple(part for part in pure.parts if part not in ("", "."))


def confined_path(root: Path | str, relative: str | PurePosixPath) -> Path:
    """`root / relative`, refusing absolute paths and `..`: a lexical check, cheap enough for every
    file of a national build (the output folder is the build's own, it holds no symbolic link)."""
    parts = _relative_parts(relative, "un fichier écrit par le site")
    if not parts:
        raise UnsafePathError(f"Chemin « {relative} » refusé : il ne désigne aucun fichier.")
    return Path(root).joinpath(*parts)


def package_file(folder: Path | str, relative: str) -> Path:
    """The data file `relative` inside `folder`: a regular file, no symbolic link on the way."""
    if not isinstance(relative, str):
        raise UnsafePathError("Chaque ressource doit désigner un seul fichier local (« path » est une chaîne).")
    parts = _relative_parts(relative, "un fichier de données")
    current = Path(folder)
    for position, part in enumerate(parts):
        current = current / part
        mode = current.lstat().st_mode
        if stat.S_ISLNK(mode):
            raise UnsafePathError(f"« {relative} » est un lien symbolique : seuls les vrais fichiers sont lus.")
        last = position == len(parts) - 1
        if (last and not stat.S_ISREG(mode)) or (not last and not stat.S_ISDIR(mode)):
            raise UnsafePathError(f"« {relative} » n'est pas un fichier ordinaire du dossier des données.")
    return current
