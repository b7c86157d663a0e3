"""Refuse every resource that is not a plain, local CSV file inside the package folder.

The package arrives through pull requests from people who are not all trusted. Before Frictionless
opens anything (it would follow a symbolic link to `/proc/self/environ`, fetch a URL, or wait for
ever on a server that trickles one byte a second), each resource's `path` is checked here, on the
descriptor's text and with `lstat` only: a relative POSIX path, no `..`, no URL, no list, every
component a real folder or a regular file (never a symbolic link, a FIFO or a device), and a CSV
table. Every refusal is fatal and says, in French, which resource and which line of
datapackage.json to fix.
"""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path, PurePosixPath
from typing import Any

from .language import Message
from .report import Issue

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # http:, https:, file:, ftp:, data:, C: (a drive)
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
TABULAR_FORMATS = (None, "csv")
MAX_PATH_LENGTH = 200


def line_of(text: str, needle: str) -> int | None:
    """1-based line of the first occurrence of `needle` in the descriptor's text, if any."""
    found = text.find(needle)
    return None if found < 0 else text.count("\n", 0, found) + 1


def resource_line(text: str, name: str) -> int | None:
    """1-based line of `"name": "<name>"` in the descriptor's text (where a resource starts)."""
    found = re.search(r'"name"\s*:\s*' + re.escape(json.dumps(name, ensure_ascii=False)), text)
    return None if found is None else text.count("\n", 0, found.start()) + 1


def check_descriptor_file(path: Path, shown: str) -> list[Issue]:
    """The descriptor itself must be a regular file, not a link to a file elsewhere."""
    if path.is_symlink():
        return [
            Issue(
                file=shown,
                code="unsafe-path",
                message=Message("Le descripteur est un lien symbolique : seul un vrai fichier du dépôt peut être lu."),
                fix=Message("Remplacez le lien par le fichier datapackage.json lui-même."),
                fatal=True,
            )
        ]
    return []


def check_resources(data: dict[str, Any], basepath: Path, shown: str, text: str) -> list[Issue]:
    """Fatal issues for every resource that must not be opened (nothing is read, only `lstat`)."""
    issues: list[Issue] = []
    for position, resource in enumerate(data.get("resources", []), start=1):
        if not isinstance(resource, dict):
            issues.append(_issue(shown, None, "invalid-descriptor",
                                 Message("La ressource n° {position} n'est pas un objet JSON.", position=position),
                                 Message("Décrivez chaque ressource par un objet {example}.",
                                         example='{ "name": …, "path": … }')))
            continue
        name = resource.get("name")
        label = name if isinstance(name, str) else Message("n° {position}", position=position)
        line = resource_line(text, name) if isinstance(name, str) else None
        issues += _check_one(resource, label, basepath, shown, line)
    return issues


def _check_one(resource: dict[str, Any], label: str, basepath: Path, shown: str, line: int | None) -> list[Issue]:
    path = resource.get("path")
    if "data" in resource and path is None:
        return [_issue(shown, line, "non-tabular-resource",
                       Message("La ressource « {label} » contient ses données dans le descripteur (« data ») au "
                               "lieu d'un fichier CSV.", label=label),
                       Message("Placez les données dans un fichier CSV du dossier data/ et indiquez-le dans "
                               "« path »."))]
    if isinstance(path, list):
        return [_issue(shown, line, "path-list",
                       Message("La ressource « {label} » déclare plusieurs fichiers (« path » est une liste) : "
                               "chaque ressource est un seul fichier CSV.", label=label),
                       Message("Regroupez les lignes dans un seul fichier CSV et écrivez son nom dans « path » "
                               '(par exemple "path": "results.csv").'), value=str(path)[:120])]
    if not isinstance(path, str) or not path:
        return [_issue(shown, line, "invalid-path",
                       Message("La ressource « {label} » n'a pas de chemin de fichier (« path » doit être le nom "
                               "d'un fichier CSV).", label=label),
                       Message('Indiquez le fichier, par exemple "path": "results.csv".'))]
    if URL.match(path) or path.startswith("//"):
        return [_issue(shown, line, "remote-path",
                       Message("La ressource « {label} » désigne une adresse distante ({path}) : le paquet de "
                               "données doit contenir ses fichiers, rien n'est téléchargé.",
                               label=label, path=path[:80]),
                       Message("Téléchargez le fichier, ajoutez-le au dossier data/ (git add) et indiquez son nom "
                               "dans « path »."),
                       value=path[:120])]
    pure = PurePosixPath(path)
    if (
        pure.is_absolute()
        or ".." in pure.parts
        or "\\" in path
        or len(path) > MAX_PATH_LENGTH
        or not all(SAFE_NAME.match(part) for part in pure.parts)
    ):
        return [_issue(shown, line, "unsafe-path",
                       Message("Le chemin « {path} » de la ressource « {label} » sort du dossier du paquet ou "
                               "contient des caractères non admis.", path=path[:80], label=label),
                       Message("Indiquez un chemin relatif au dossier de datapackage.json, fait de lettres, "
                               "chiffres, « - », « _ » et « . », sans « .. » ni « / » initial (par exemple "
                               "results.csv)."), value=path[:120])]
    kind = _file_kind(basepath, pure)
    if kind == "link":
        return [_issue(shown, line, "unsafe-path",
                       Message("Le fichier « {path} » de la ressource « {label} » est un lien symbolique (ou se "
                               "trouve dans un dossier qui en est un) : seuls les vrais fichiers du dépôt sont "
                               "publiés.", path=path, label=label),
                       Message("Remplacez le lien par une copie du fichier, ou retirez la ressource."), value=path)]
    if kind == "special":
        return [_issue(shown, line, "unsafe-path",
                       Message("« {path} » (ressource « {label} ») n'est pas un fichier ordinaire.",
                               path=path, label=label),
                       Message("Indiquez un fichier CSV ordinaire du dossier data/."), value=path)]
    fmt = resource.get("format")
    if fmt not in TABULAR_FORMATS or resource.get("type", "table") != "table" or pure.suffix.lower() != ".csv":
        return [_issue(shown, line, "non-tabular-resource",
                       Message("La ressource « {label} » ({path}) n'est pas une table CSV : le site ne publie que des "
                               "tables décrites par un schéma.", label=label, path=path),
                       Message("Retirez cette ressource de datapackage.json, ou convertissez-la en fichier .csv avec "
                               '"format": "csv" et un schéma.'), value=path)]
    return []


def _file_kind(basepath: Path, relative: PurePosixPath) -> str:
    """'file', 'missing', 'link' (any component is a symbolic link) or 'special' — `lstat` only."""
    current = basepath
    for position, part in enumerate(relative.parts):
        current = current / part
        try:
            mode = current.lstat().st_mode
        except OSError:
            return "missing"
        if stat.S_ISLNK(mode):
            return "link"
        last = position == len(relative.parts) - 1
        if last and not stat.S_ISREG(mode):
            return "special"
        if not last and not stat.S_ISDIR(mode):
            return "missing"
    return "file"


def _issue(shown: str, line: int | None, code: str, message: Message, fix: Message, value: str | None = None) -> Issue:
    return Issue(file=shown, line=line, code=code, message=message, fix=fix, value=value, fatal=True)
