"""A seeded generator of mutated packages for the differential robustness test (issue #14).

Each mutant is a copy of tests/fixtures/good with one to three mutations drawn from the families a
careless or hostile contributor produces: cells (odd numbers, dates, control characters, formulas,
links, very long text), rows (duplicated, deleted, blank, cut, with cells missing or in excess),
headers (renamed, swapped, dropped, BOM), descriptor fields (metadata, resource properties, schema),
encodings (Windows-1252, UTF-16, CRLF) and file-system tricks (symbolic links, folders, FIFOs,
missing or empty files). The same seed gives the same mutants, so a failure can be replayed:

    FUZZ_SEED=7 FUZZ_CASES=200 .venv/bin/python -m pytest tests/hardening/test_differential.py
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from support.paths import GOOD_FIXTURE

ESCAPE = "escape-from-output"  # a file of this name outside output/ means a path escaped
CELL_VALUES = [
    "", " ", "0", "-0", "1_000", "٣", "５", "1e308", "1e20", "NaN", "-Infinity", "12,5", "99999999999999999999",
    "2024-3-12", "0001-01-01", "9999-12-31", "2024-02-30", "31/12/2024", "2026-13-01", "2026", "2026-Q5", "2026-M13",
    "=HYPERLINK(\"https://x\")", "@SUM(A1)", "+33 1", "\tcaché", "CAF\x00NUL", "cloche\x07", "\x1b[31mrouge",
    "bidi\u202eevil", "zéro\u200blargeur", "ligne\nsuivante", "guillemet \" seul", "virgule, dedans", "x" * 5000,
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "https://exemple.fr",
    "<script>alert(1)</script>",
    f"../../../../{ESCAPE}", f"/tmp/{ESCAPE}", "CON", "a/b", "é", "Ω", "🙂", "\ufeffbom", "\u00a0", "N/A",
]


@dataclass
class Mutant:
    folder: Path
    descriptor: Path
    description: list[str]


def _read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))


def _write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), "utf-8")


def _csv_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.csv") if path.is_file() and not path.is_symlink())


def _descriptor(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text("utf-8"))


def _save(folder: Path, data: dict) -> None:
    (folder / "datapackage.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


# -- cells ------------------------------------------------------------------------------------------
def cell(rng: random.Random, folder: Path) -> str:
    path = rng.choice(_csv_files(folder))
    rows = _read(path)
    if len(rows) < 2:
        return f"{path.name}: too short"
    line = rng.randrange(1, len(rows))
    column = rng.randrange(len(rows[line]))
    value = rng.choice(CELL_VALUES)
    rows[line][column] = value
    _write(path, rows)
    return f"{path.name}:{line + 1}:{column + 1} = {value[:30]!r}"


def same_id_everywhere(rng: random.Random, folder: Path) -> str:
    """A structure id renamed in every file: only the id's own rules can refuse it."""
    value = rng.choice([f"../../../../{ESCAPE}", "CAF 75", "caf-75", "CAF-75\u200b", "X" * 300, "CAF/75"])
    for path in _csv_files(folder):
        path.write_text(path.read_text("utf-8").replace("CAF-75", value), "utf-8")
    return f"CAF-75 → {value[:30]!r} everywhere"


# -- rows -------------------------------------------------------------------------------------------
def row(rng: random.Random, folder: Path) -> str:
    path = rng.choice(_csv_files(folder))
    text = path.read_text("utf-8")
    lines = text.split("\n")
    if len(lines) < 3:
        return f"{path.name}: too short"
    line = rng.randrange(1, len(lines) - 1)
    kind = rng.choice(["duplicate", "delete", "blank", "extra", "missing", "cut", "many-extra", "trailing"])
    if kind == "duplicate":
        lines.insert(line, lines[line])
    elif kind == "delete":
        del lines[line]
    elif kind == "blank":
        lines.insert(line, "")
    elif kind == "extra":
        lines[line] += ",en trop"
    elif kind == "missing":
        lines[line] = lines[line].rsplit(",", 1)[0]
    elif kind == "cut":
        lines = [*lines[:line], lines[line][: len(lines[line]) // 2]]
    elif kind == "many-extra":
        lines[line] += "," * rng.choice([3, 200, 20_000])
    else:
        lines = [lines[0]] + [item + ",,," if item else item for item in lines[1:]]
    path.write_text("\n".join(lines), "utf-8")
    return f"{path.name}:{line + 1} {kind}"


# -- headers ----------------------------------------------------------------------------------------
def header(rng: random.Random, folder: Path) -> str:
    path = rng.choice(_csv_files(folder))
    rows = _read(path)
    kind = rng.choice(["rename", "swap", "drop", "case", "bom"])
    names = rows[0]
    if kind == "rename":
        names[rng.randrange(len(names))] = rng.choice(["valeur", "", "id ", "Value"])
    elif kind == "swap" and len(names) > 1:
        first, second = rng.sample(range(len(names)), 2)
        names[first], names[second] = names[second], names[first]
    elif kind == "drop":
        position = rng.randrange(len(names))
        rows = [[cell for index, cell in enumerate(record) if index != position] for record in rows]
    elif kind == "case":
        rows[0] = [name.upper() for name in names]
    _write(path, rows)
    if kind == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    return f"{path.name} header {kind}"


# -- descriptor -------------------------------------------------------------------------------------
def descriptor(rng: random.Random, folder: Path) -> str:
    data = _descriptor(folder)
    resource = rng.choice(data["resources"])
    kind = rng.choice([
        "as_of", "release", "licence", "source", "title", "path", "format", "encoding", "dialect", "type",
        "pattern", "primary-key", "extra-resource", "remote", "list", "drop-resource", "resources-not-list",
    ])
    if kind == "as_of":
        data["as_of"] = rng.choice(["", "2026-2-1", "15/11/2026", None, 20261115, "1900-01-01"])
    elif kind == "release":
        data["releases"][0] = rng.choice([{}, {"version": "1", "date": "x"}, "texte", {"title": "a\x1bb"}])
    elif kind == "licence":
        data["licenses"][0]["path"] = rng.choice(["javascript:alert(1)", "data:,x", "", "ftp://x", None])
    elif kind == "source":
        data["sources"] = rng.choice([[{"path": "javascript:x"}], "texte", [None]])
    elif kind == "title":
        data["title"] = rng.choice(["\x07titre", "t" * 20_000, None, ["liste"], "bidi\u202e"])
    elif kind == "path":
        resource["path"] = rng.choice(["../regions.csv", "/etc/hostname", "inexistant.csv", "sub/../regions.csv",
                                       "regions.CSV", ""])
    elif kind == "format":
        resource["format"] = rng.choice(["json", "xlsx", "txt", None])
    elif kind == "encoding":
        resource["encoding"] = rng.choice(["cp1252", "utf-16", "latin-1", "n'importe quoi"])
    elif kind == "dialect":
        resource["dialect"] = rng.choice([{"commentRows": [2]}, {"delimiter": ";"}, {"header": False}])
    elif kind == "type":
        resource["schema"]["fields"][0]["type"] = rng.choice(["any", "string", "integer", "decimal", "geojson"])
    elif kind == "pattern":
        for field in resource["schema"]["fields"]:
            field.get("constraints", {}).pop("pattern", None)
    elif kind == "primary-key":
        resource["schema"].pop("primaryKey", None)
    elif kind == "extra-resource":
        (folder / "notes.txt").write_text("notes\n", "utf-8")
        data["resources"].append({"name": "notes", "path": "notes.txt", "format": "txt"})
    elif kind == "remote":
        resource["path"] = "http://127.0.0.1:9/lent.csv"
    elif kind == "list":
        resource["path"] = [resource["path"], resource["path"]]
    elif kind == "drop-resource":
        data["resources"].remove(resource)
    else:
        data["resources"] = {"regions": "regions.csv"}
    _save(folder, data)
    return f"datapackage.json {kind} ({resource.get('name')})"


def descriptor_text(rng: random.Random, folder: Path) -> str:
    """The descriptor's bytes: broken JSON, deep nesting, not UTF-8, a symbolic link."""
    path = folder / "datapackage.json"
    kind = rng.choice(["comma", "nesting", "latin1", "empty", "bom"])
    text = path.read_text("utf-8")
    if kind == "comma":
        text = text.replace('",\n', '"\n', 1)
    elif kind == "nesting":
        text = text.replace('"keywords": [', '"x": ' + "[" * 50_000 + "]" * 50_000 + ',\n  "keywords": [', 1)
    elif kind == "latin1":
        path.write_bytes(text.encode("latin-1", "replace"))
        return f"datapackage.json {kind}"
    elif kind == "empty":
        text = ""
    else:
        text = "\ufeff" + text
    path.write_text(text, "utf-8")
    return f"datapackage.json {kind}"


# -- encodings --------------------------------------------------------------------------------------
def encoding(rng: random.Random, folder: Path) -> str:
    path = rng.choice(_csv_files(folder))
    text = path.read_text("utf-8")
    kind = rng.choice(["cp1252", "utf-16", "crlf", "cr", "nul"])
    if kind == "cp1252":
        path.write_bytes(text.encode("cp1252", "replace"))
    elif kind == "utf-16":
        path.write_bytes(text.encode("utf-16"))
    elif kind == "crlf":
        path.write_text(text.replace("\n", "\r\n"), "utf-8", newline="")
    elif kind == "cr":
        path.write_text(text.replace("\n", "\r"), "utf-8", newline="")
    else:
        path.write_bytes(text.encode("utf-8").replace(b",", b",\x00", 1))
    return f"{path.name} {kind}"


# -- file system ------------------------------------------------------------------------------------
def file_system(rng: random.Random, folder: Path) -> str:
    path = rng.choice(_csv_files(folder))
    kind = rng.choice(["symlink-out", "symlink-in", "directory", "fifo", "missing", "empty", "symlink-dir"])
    secret = folder.parent / "secret.csv"
    secret.write_bytes(path.read_bytes())
    if kind == "symlink-out":
        path.unlink()
        path.symlink_to(secret)
    elif kind == "symlink-in":
        other = folder / f"copie-{path.name}"
        path.rename(other)
        path.symlink_to(other.name)
    elif kind == "directory":
        path.unlink()
        path.mkdir()
    elif kind == "fifo":
        path.unlink()
        os.mkfifo(path)
    elif kind == "missing":
        path.unlink()
    elif kind == "empty":
        path.write_bytes(b"")
    else:
        real = folder.parent / "vrai-dossier"
        real.mkdir(exist_ok=True)
        data = _descriptor(folder)
        resource = next(item for item in data["resources"] if item["path"] == path.name)
        shutil.move(str(path), real / path.name)
        (folder / "lien").symlink_to(real)
        resource["path"] = f"lien/{path.name}"
        _save(folder, data)
    return f"{path.name} {kind}"


FAMILIES: list[tuple[Callable[[random.Random, Path], str], int]] = [
    (cell, 6), (same_id_everywhere, 1), (row, 3), (header, 2), (descriptor, 4), (descriptor_text, 1),
    (encoding, 2), (file_system, 2),
]


def mutant(seed: int, case: int, root: Path) -> Mutant:
    """Case `case` of the run seeded `seed`, written under `root/case-N/package/`."""
    rng = random.Random(f"{seed}-{case}")
    folder = root / f"case-{case}" / "package"
    shutil.copytree(GOOD_FIXTURE.parent, folder)
    functions = [function for function, weight in FAMILIES for _ in range(weight)]
    described = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        try:
            described.append(rng.choice(functions)(rng, folder))
        except (OSError, UnicodeError, ValueError, KeyError, IndexError, StopIteration, AttributeError,
                TypeError) as error:  # an earlier mutation made this one impossible: the mutant stands
            described.append(f"(mutation impossible : {type(error).__name__})")
    return Mutant(folder, folder / "datapackage.json", described)
