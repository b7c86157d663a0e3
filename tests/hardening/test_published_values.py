"""Issue #14, items 7 to 10 and 13: what the validator accepts, the build can publish.

Each input below passed validation on main and then either crashed the build with an English
traceback or published something harmful. Each is now a French error at its file, line and column.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hostile import edit_descriptor, field, messages, package_copy, resource
from validation import validate_package


def set_cell(file: Path, line: int, column: str, value: str) -> None:
    """Set one cell (line as an editor shows it, header = 1), keeping the file's CSV quoting rules."""
    rows = list(csv.reader(io.StringIO(file.read_text("utf-8"), newline="")))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    file.write_text(out.getvalue(), "utf-8")


def errors_of(descriptor: Path) -> list[tuple[str, str]]:
    report = validate_package(descriptor)
    return sorted((issue.code, issue.location.split("/")[-1]) for issue in report.errors)


CELLS = [
    # (file, line, column, value, code) — one cell each
    ("labels.csv", 2, "awarded_on", "2024-3-12", "implausible-date"),
    ("experiences.csv", 2, "published_on", "2024-3-12", "implausible-date"),
    ("actions.csv", 2, "date", "2024-3-12", "implausible-date"),
    ("results/caf.csv", 2, "updated_on", "2024-3-12", "implausible-date"),
    ("experiences.csv", 2, "published_on", "0001-01-01", "implausible-date"),
    ("experiences.csv", 2, "answered_on", "9999-12-31", "implausible-date"),
    ("results/caf.csv", 2, "sample_size", "1_000", "plain-number"),
    ("results/caf.csv", 2, "sample_size", "٣", "plain-number"),
    ("results/caf.csv", 2, "sample_size", "５", "plain-number"),
    ("results/caf.csv", 2, "value", "1e308", "plain-number"),
    ("results/caf.csv", 2, "value", "100000000000000000000", "plain-number"),
    ("structures.csv", 2, "name", "CAF\x00 de Paris", "invisible-character"),
    ("structures.csv", 2, "name", "CAF\x07 de Paris", "invisible-character"),
    ("structures.csv", 2, "name", "CAF\x1b de Paris", "invisible-character"),
    ("structures.csv", 2, "name", "CAF\x0b de Paris", "invisible-character"),
    ("structures.csv", 2, "name", "CAF de \u202eParis", "invisible-character"),
    ("structures.csv", 2, "name", "CAF de\u200b Paris", "invisible-character"),
    ("structures.csv", 2, "name", "CAF " * 2500, "name-too-long"),  # 10 000 characters
    ("networks.csv", 2, "website", "javascript:alert(document.cookie)", "unsafe-url"),
    ("networks.csv", 2, "website", "data:text/html,<script>alert(1)</script>", "unsafe-url"),
]


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "code"), CELLS, ids=[f"{c[2]}={c[3][:20]!r}" for c in CELLS]
)
def test_a_cell_the_build_could_not_publish_is_an_error_at_its_place(
    tmp_path: Path, file: str, line: int, column: str, value: str, code: str
) -> None:
    descriptor = package_copy(tmp_path)
    set_cell(descriptor.parent / file, line, column, value)
    header = (descriptor.parent / file).read_text("utf-8").split("\n", 1)[0].split(",")

    report = validate_package(descriptor)

    place = f"{file.split('/')[-1]}:{line}:{header.index(column) + 1}"
    assert [(issue.code, issue.location.split("/")[-1]) for issue in report.errors] == [(code, place)], messages(report)
    issue = report.errors[0]
    assert issue.fix and issue.expected  # what to write instead, in French
    assert not any(word in issue.message for word in ("invalid", "not ", "error"))


def _licence(data) -> None:
    data["licenses"][0]["path"] = "javascript:alert(document.cookie)"


def _source(data) -> None:
    data["sources"][0]["path"] = "data:text/html,<script>alert(1)</script>"


def _release_title(data) -> None:
    data["releases"][0]["title"] = "Résultats\x1b[31m du trimestre"


def _no_release_title(data) -> None:
    del data["releases"][0]["title"]


def _bad_as_of(data) -> None:
    data["as_of"] = "15/11/2026"


def _cp1252(data) -> None:
    resource(data, "targets")["encoding"] = "cp1252"


def _string_type(data) -> None:
    field(data, "results-caf", "value")["type"] = "string"


def _path_list(data) -> None:
    resource(data, "targets")["path"] = ["targets.csv", "targets.csv"]


@pytest.mark.parametrize(
    ("change", "code", "where"),
    [
        (_licence, "unsafe-url", "licenses[0].path"),
        (_source, "unsafe-url", "sources[0].path"),
        (_release_title, "invisible-character", "releases[0].title"),
        (_no_release_title, "invalid-releases", "releases[0]"),
        (_bad_as_of, "publication-date", "as_of"),
        (_cp1252, "schema-changed", "targets.encoding"),
        (_string_type, "schema-changed", "results-caf.schema.fields[value].type"),
        (_path_list, "path-list", "targets"),
    ],
)
def test_a_descriptor_value_the_build_could_not_publish_is_an_error_at_its_line(
    tmp_path: Path, change, code: str, where: str
) -> None:
    descriptor = package_copy(tmp_path)
    edit_descriptor(descriptor, change)

    report = validate_package(descriptor)

    assert code in {issue.code for issue in report.errors}, messages(report)
    issue = next(issue for issue in report.errors if issue.code == code)
    assert issue.line is not None
    text = f"{issue.message} {issue.column.name if issue.column else ''}"
    assert where in text or where in messages(report), messages(report)


def test_a_descriptor_nested_100000_levels_deep_is_refused_in_french(tmp_path: Path) -> None:
    descriptor = package_copy(tmp_path)
    text = descriptor.read_text("utf-8").replace(
        '"keywords": [', '"x": ' + "[" * 100_000 + "]" * 100_000 + ',\n  "keywords": [', 1
    )
    descriptor.write_text(text, "utf-8")

    report = validate_package(descriptor)

    assert report.fatal and [issue.code for issue in report.errors] == ["invalid-descriptor"]
    assert "imbriqué" in report.errors[0].message


def test_a_path_frictionless_calls_unsafe_is_refused_in_french(tmp_path: Path) -> None:
    """Frictionless said `path "…" is not safe` in English; a list with a bad second file blamed the first."""
    descriptor = package_copy(tmp_path)
    edit_descriptor(descriptor, lambda data: resource(data, "targets").update(path=["targets.csv", "../x.csv"]))

    report = validate_package(descriptor)

    assert [issue.code for issue in report.errors] == ["path-list"]
    assert "plusieurs fichiers" in report.errors[0].message
    assert "not safe" not in json.dumps([issue.message for issue in report.errors])
