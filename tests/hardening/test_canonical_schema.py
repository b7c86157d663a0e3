"""Issue #14, item 6: the validator checks the data against the programme's schema, not the PR's.

Each edit below was reproduced on main: it made the validator accept data that the build then
published wrongly. Now any difference from plugins/results/core/resources.json is fatal, located
in datapackage.json; and the plugin, run without the validator, still never writes outside output/.
"""

from __future__ import annotations

import json
from pathlib import Path

import build as build_script
import pytest
from hostile import edit_descriptor, field, messages, package_copy, previous_output, resource
from results.confine import UnsafePathError
from results.core.parts import expand_resources, part_of_path
from support.paths import ROOT
from support.site import build_site
from validation import validate_package
from validation.canonical import CANONICAL_FILE, canonical_resources

HOSTILE_ID = "../../../../tmp/x"


def rename_everywhere(folder: Path, old: str, new: str) -> None:
    for file in folder.rglob("*.csv"):
        file.write_text(file.read_text("utf-8").replace(old, new), "utf-8")


def _drop_pattern(data) -> None:
    del field(data, "structures", "id")["constraints"]["pattern"]


def _comment_rows(data) -> None:
    resource(data, "results-caf")["dialect"] = {"commentRows": [3]}


def _any_type(data) -> None:
    field(data, "results-caf", "value")["type"] = "any"


def _no_primary_key(data) -> None:
    del resource(data, "results-caf")["schema"]["primaryKey"]


def _extra_column(data) -> None:
    resource(data, "targets")["schema"]["fields"].append({"name": "note", "type": "string"})


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (_drop_pattern, "structures.schema.fields[id].constraints.pattern"),
        (_comment_rows, "results-caf.dialect"),
        (_any_type, "results-caf.schema.fields[value].type"),
        (_no_primary_key, "results-caf.schema.primaryKey"),
        (_extra_column, "targets.schema.fields[note]"),
    ],
)
def test_a_schema_edited_by_a_pull_request_is_refused(tmp_path: Path, change, place: str) -> None:
    descriptor = package_copy(tmp_path)
    edit_descriptor(descriptor, change)

    report = validate_package(descriptor)

    assert report.fatal and {issue.code for issue in report.errors} == {"schema-changed"}, messages(report)
    assert [issue.message for issue in report.errors if place in issue.message], messages(report)
    assert all(issue.line for issue in report.errors)
    assert "plugins/results/core/resources.json" in report.errors[0].fix


def test_hidden_row_and_hostile_id_never_reach_the_site(tmp_path: Path, capsys) -> None:
    descriptor = package_copy(tmp_path)
    edit_descriptor(descriptor, lambda data: (_drop_pattern(data), _comment_rows(data)))
    rename_everywhere(descriptor.parent, "CAF-75", HOSTILE_ID)
    output = previous_output(tmp_path)

    assert build_script.main(["--data", str(descriptor), "--output", str(output), "--quiet"]) == 2

    assert "schema-changed" in capsys.readouterr().err
    assert (output / "index.html").read_text("utf-8") == "<html>site en ligne</html>"


def test_the_plugin_alone_refuses_to_write_outside_the_output(tmp_path: Path) -> None:
    """No validator here: the write sites themselves confine paths built from ids."""
    descriptor = package_copy(tmp_path)
    edit_descriptor(descriptor, _drop_pattern)
    rename_everywhere(descriptor.parent, "CAF-75", HOSTILE_ID)
    deep = tmp_path / "a" / "b" / "c" / "d"
    deep.mkdir(parents=True)

    with pytest.raises(UnsafePathError, match="refusé"):
        build_site(descriptor, deep / "output", RESULTS_CHART_CACHE=str(ROOT / ".cache" / "charts"))
    assert not list(tmp_path.rglob("x.json")) and not list(tmp_path.rglob("x.svg"))


def test_every_fixture_package_declares_the_programme_resources() -> None:
    """data/ is checked by its validation; the fixtures must follow the same single schema, the
    results entry repeated for each network's file (core/parts.py)."""
    for descriptor in sorted((ROOT / "tests" / "fixtures").glob("*/datapackage.json")):
        resources = json.loads(descriptor.read_text("utf-8"))["resources"]
        parts = [part_of_path(resource["path"]) for resource in resources if part_of_path(resource["path"])]
        assert parts and resources == expand_resources(canonical_resources(), parts), descriptor
    assert CANONICAL_FILE.is_relative_to(ROOT / "plugins")
