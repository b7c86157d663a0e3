"""Differential robustness test (issue #14): mutated packages against the validator and the build.

For every mutant (tests/hardening/mutants.py), in a forked process bounded in time:
- the validator either accepts it, or rejects it with errors that each name a file and, unless the
  whole file or descriptor is unusable, a line;
- a package it accepts is built by scripts/build.py (exit 0), one it rejects is not built (exit ≠ 0)
  and the previous site is intact;
- never a Python traceback, never a hang, never a file written outside the output folder.

A rejected package goes through scripts/build.py too (it stops at validation: cheap); an accepted
one costs a full build, so `make test` runs a short, fixed selection (FUZZ_CASES=20, at most
FUZZ_BUILDS=3 full builds); `make fuzz` runs many more. A failure prints the seed, the case and its mutations.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import traceback
from pathlib import Path

import pytest
from mutants import ESCAPE, mutant

SEED = int(os.environ.get("FUZZ_SEED", "14"))
CASES = int(os.environ.get("FUZZ_CASES", "20"))
BUILDS = int(os.environ.get("FUZZ_BUILDS", "2"))
VALIDATE_SECONDS = float(os.environ.get("FUZZ_VALIDATE_SECONDS", "120"))
BUILD_SECONDS = float(os.environ.get("FUZZ_BUILD_SECONDS", "300"))
LIVE_SITE = "<html>site en ligne</html>"


def _in_child(target, arguments: tuple, seconds: float, log: Path) -> tuple[str, object]:
    """Run `target(*arguments)` in a forked process with stdout/stderr into `log`; ('ok', value),
    ('error', traceback text) or ('hang', None)."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        with log.open("w") as stream:
            os.dup2(stream.fileno(), 1)
            os.dup2(stream.fileno(), 2)
            sys.stdout = sys.stderr = stream
            try:
                sender.send(("ok", target(*arguments)))
            except BaseException:
                sender.send(("error", traceback.format_exc()))
            finally:
                stream.flush()

    process = context.Process(target=child)
    process.start()
    result: tuple[str, object] = ("hang", None)
    if receiver.poll(seconds):
        with contextlib.suppress(EOFError):
            result = receiver.recv()
    process.join(5 if result[0] != "hang" else 0)
    if process.is_alive():
        process.kill()
        process.join()
    return result


def _validate(descriptor: Path) -> list[dict]:
    from validation import validate_package

    report = validate_package(descriptor)
    return [
        {"file": issue.file, "line": issue.line, "fatal": issue.fatal, "code": issue.code, "message": issue.message,
         "level": getattr(issue, "level", "error")}
        for issue in report.errors
    ]


def _build(descriptor: Path, output: Path) -> int:
    import build as build_script

    return build_script.main(["--data", str(descriptor), "--output", str(output), "--quiet", "--force"])


LINELESS = {  # whole-file or descriptor-level problems: a file, no line to point at
    "missing-file", "empty-file", "missing-descriptor", "invalid-descriptor", "invalid-json", "unsafe-path",
    "schema-changed", "path-list", "remote-path", "non-tabular-resource", "invalid-path", "encoding-error",
    "source-error", "scheme-error", "format-error", "stale-as-of", "release-history", "missing-label",
}


def _escaped(root: Path, output: Path) -> list[Path]:
    """Files named after the escape attempt that lie outside every case's output folder and package."""
    del output  # any case's output/ may hold a harmless slug of the name (reseaux/escape-from-output/)

    def inside(path: Path) -> bool:
        parts = path.relative_to(root).parts
        return parts[1:3] == ("site", "output") or parts[1:2] == ("package",)

    return [path for path in root.rglob(f"*{ESCAPE}*") if not inside(path)]


def test_mutated_packages_are_rejected_with_a_place_or_built(tmp_path: Path) -> None:
    builds = 0
    failures: list[str] = []
    for case in range(CASES):
        item = mutant(SEED, case, tmp_path)
        label = f"FUZZ_SEED={SEED} cas {case} : {' ; '.join(item.description)}"
        output = item.folder.parent / "site" / "output"
        output.mkdir(parents=True)
        (output / "index.html").write_text(LIVE_SITE, "utf-8")

        status, value = _in_child(_validate, (item.descriptor,), VALIDATE_SECONDS, item.folder.parent / "validate.log")
        if status != "ok":
            failures.append(f"{label}\n  validateur : {status}\n{value or ''}")
            continue
        issues = [issue for issue in value if issue["level"] == "error"]  # type: ignore[union-attr]
        unplaced = [issue for issue in issues if not issue["file"] or (issue["line"] is None and not issue["fatal"]
                                                                      and issue["code"] not in LINELESS)]
        if unplaced:
            failures.append(f"{label}\n  erreurs sans emplacement : {unplaced[:3]}")
        if not issues:
            if builds >= BUILDS:
                continue  # accepted packages cost a full build each: a few per run
            builds += 1
        log = item.folder.parent / "build.log"
        status, code = _in_child(_build, (item.descriptor, output), BUILD_SECONDS, log)
        text = log.read_text("utf-8", "replace") if log.exists() else ""
        if status != "ok":
            failures.append(f"{label}\n  construction : {status}\n{code or ''}\n{text[-2000:]}")
        elif "Traceback" in text:
            failures.append(f"{label}\n  trace Python pendant la construction :\n{text[-2000:]}")
        elif not issues and code != 0:
            failures.append(f"{label}\n  accepté mais non construit (sortie {code}) :\n{text[-2000:]}")
        elif issues and code == 0:
            failures.append(f"{label}\n  refusé par le validateur mais construit")
        if code != 0 and (output / "index.html").read_text("utf-8") != LIVE_SITE:
            failures.append(f"{label}\n  le site précédent a été perdu")
        if _escaped(tmp_path, output):
            failures.append(f"{label}\n  fichier écrit hors du dossier de sortie : {_escaped(tmp_path, output)}")
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
