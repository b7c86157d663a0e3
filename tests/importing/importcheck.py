"""Run scripts/import_data.py in-process as a maintainer would, and write small source files."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    code: int
    out: str
    err: str


def run_importer(*arguments: str | Path) -> Run:
    """`python scripts/import_data.py ARGUMENTS…`: exit code, what it printed, what it complained."""
    from import_data import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in arguments])
    return Run(code, out.getvalue(), err.getvalue())


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], delimiter: str = ",",
              encoding: str = "utf-8", prefix: str = "") -> Path:
    """A source file written the way exports are: `prefix` (a BOM…), header, rows, CRLF or not."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    path.write_bytes(prefix.encode(encoding) + ("\n".join(lines) + "\n").encode(encoding))
    return path


def package_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of a package folder, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def csv_rows(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def table_rows(package: Path, table: str) -> list[dict[str, str]]:
    """Every row of `table` whatever its layout: one file, or one file per network (`results-caf`…),
    as the package's descriptor lists them."""
    import json

    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    rows: list[dict[str, str]] = []
    for resource in descriptor["resources"]:
        if resource["name"] == table or resource["name"].startswith(f"{table}-"):
            rows += csv_rows(package / resource["path"])
    return rows
