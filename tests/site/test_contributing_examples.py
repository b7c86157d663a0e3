"""Every example of CONTRIBUTING.md works: the maintainer's guide is tested like code.

Each example block is marked in the guide with `<!-- example: TASK FILE -->` just above its fence
(invisible on GitHub). The rows are appended to a copy of the generated demo package, never to data/.
The "publish a quarter" task is run end to end as a maintainer would: validate, data diff, build, and
read what a reviewer sees.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from content_check import page_problems
from expected import french_value, period_in_words
from support.csvfiles import read_csv
from support.pages import visible_text
from support.paths import ROOT
from support.recompute import slug
from support.site import copy_package
from validation import format_report, validate_package

GUIDE = ROOT / "CONTRIBUTING.md"
EXAMPLE = re.compile(r"^(?P<indent> *)<!-- example: (?P<task>\S+) (?P<file>\S+) -->\n(?P=indent)```\w*\n"
                     r"(?P<body>.*?)\n(?P=indent)```", re.M | re.S)


def examples() -> dict[tuple[str, str], str]:
    """(task, file) → the example's text, unindented."""
    found = {}
    for match in EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8")):
        found[match["task"], match["file"]] = textwrap.dedent(match["body"]) + "\n"
    return found


def append_rows(package: Path, name: str, example: str) -> list[dict[str, str]]:
    """The example's rows appended to the package's file, after checking its header is the file's."""
    path = package.parent / name
    header, *rows = example.strip("\n").split("\n")
    assert header == path.read_text(encoding="utf-8").split("\n", 1)[0], f"en-tête de l'exemple {name} périmé"
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(rows) + "\n")
    return [dict(zip(header.split(","), row.split(","), strict=False)) for row in rows]


def apply_release(package: Path, example: str) -> dict[str, str]:
    """The guide's `releases` fragment: its last entry added, version and as_of set from it (§3 step 2)."""
    fragment = example.strip().removesuffix(",").strip().removesuffix("]")
    new_release = json.loads(f"[{fragment}]")[-1]
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    descriptor.update(version=new_release["version"], as_of=new_release["date"])
    descriptor["releases"].append(new_release)
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return new_release


def run(script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *arguments], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)


def test_the_guide_marks_its_examples() -> None:
    assert set(examples()) >= {("publish-quarter", "results/caf.csv"), ("publish-quarter", "releases"),
                               ("add-structure", "structures.csv"), ("add-indicator", "indicators.csv"),
                               ("add-page", "contact.md"), ("rename-structure", "structures.csv"),
                               ("change-address", "structures.csv")}


def test_add_a_structure_and_an_indicator_as_the_guide_says(demo_package: Path, tmp_path: Path) -> None:
    package = copy_package(demo_package, tmp_path / "package")
    known = {row["id"] for row in read_csv(package.parent / "structures.csv")}
    [structure] = append_rows(package, "structures.csv", examples()["add-structure", "structures.csv"])
    assert structure["id"] not in known, "l'exemple doit ajouter une structure nouvelle"
    [indicator] = append_rows(package, "indicators.csv", examples()["add-indicator", "indicators.csv"])
    assert indicator["id"] not in {row["id"] for row in read_csv(demo_package.parent / "indicators.csv")}
    report = validate_package(package)
    assert report.valid, format_report(report)


def replace_row(package: Path, name: str, example: str) -> tuple[dict[str, str], dict[str, str]]:
    """The example's one row put in place of the package's row with the same id: (before, after)."""
    path = package.parent / name
    header, row = example.strip("\n").split("\n")
    assert header == path.read_text(encoding="utf-8").split("\n", 1)[0], f"en-tête de l'exemple {name} périmé"
    before = {r["id"]: r for r in read_csv(path)}[row.split(",", 1)[0]]
    lines = path.read_text(encoding="utf-8").split("\n")
    [index] = [i for i, line in enumerate(lines) if line.startswith(before["id"] + ",")]
    lines[index] = row
    path.write_text("\n".join(lines), encoding="utf-8")
    return before, {r["id"]: r for r in read_csv(path)}[before["id"]]


def test_the_guides_slug_for_a_new_structure_is_its_name_slugified() -> None:
    [header, row] = examples()["add-structure", "structures.csv"].strip().split("\n")
    structure = dict(zip(header.split(","), row.split(","), strict=False))
    assert structure["slug"] == slug(structure["name"]) and structure["former_slugs"] == ""


@pytest.mark.parametrize("task", ["rename-structure", "change-address"])
def test_rename_or_readdress_a_structure_as_the_guide_says(demo_package: Path, tmp_path: Path, task: str) -> None:
    """Valid, and no published address lost in the reviewer's summary (a QR code printed keeps working)."""
    from data_diff import diff_packages, render

    package = copy_package(demo_package, tmp_path / "package")
    before, after = replace_row(package, "structures.csv", examples()[task, "structures.csv"])
    assert after["name"] != before["name"]
    if task == "rename-structure":
        assert {k: v for k, v in after.items() if k != "name"} == {k: v for k, v in before.items() if k != "name"}
    else:
        assert after["slug"] != before["slug"] and before["slug"] in after["former_slugs"].split(";")
    report = validate_package(package)
    assert report.valid, format_report(report)
    assert "ne fonctionnerait plus" not in render(diff_packages(demo_package, package))


def test_add_a_network_as_the_guide_says(demo_package: Path, tmp_path: Path) -> None:
    """« Ajouter un réseau »: its row, a structure, its own results file declared by copying another
    network's resource with three lines changed, and its CODEOWNERS lines; the package stays valid."""
    package = copy_package(demo_package, tmp_path / "package")
    guide = examples()
    [network] = append_rows(package, "networks.csv", guide["add-network", "networks.csv"])
    append_rows(package, "structures.csv", guide["add-network", "structures.csv"])
    header, *rows = guide["add-network", "results/msa.csv"].strip("\n").split("\n")
    results = package.parent / "results" / f"{network['id']}.csv"
    assert not results.exists(), "l'exemple doit créer un fichier nouveau"
    assert header == (package.parent / "results" / "caf.csv").read_text("utf-8").split("\n", 1)[0]
    results.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    changed = json.loads("{" + guide["add-network", "datapackage.json"].strip().removesuffix(",") + "}")
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    caf = next(i for i, r in enumerate(descriptor["resources"]) if r["name"] == "results-caf")
    descriptor["resources"].insert(caf + 1, {**descriptor["resources"][caf], **changed})
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    report = validate_package(package)
    assert report.valid, format_report(report)
    assert any(stats.name == f"results-{network['id']}" for stats in report.resources)
    codeowners = guide["add-network", "CODEOWNERS"].split("\n")
    assert [line.split()[0] for line in codeowners if line] == [f"/data/results/{network['id']}.csv",
                                                                f"/data/results/{network['id']}/"]


def test_codeowners_example_routes_each_network_to_its_reviewers(demo_package: Path) -> None:
    """Every network of the programme has its results file and its year folder in CODEOWNERS.example."""
    lines = (ROOT / ".github" / "CODEOWNERS.example").read_text(encoding="utf-8").splitlines()
    owners = {line.split()[0]: line.split()[1:] for line in lines if line.startswith("/data/results/")}
    for network in read_csv(demo_package.parent / "networks.csv"):
        for pattern in (f"/data/results/{network['id']}.csv", f"/data/results/{network['id']}/"):
            assert owners.get(pattern, [""])[0] == f"@mon-organisation/reseau-{network['id']}", pattern


def test_the_guides_page_example_has_what_a_page_needs(tmp_path: Path) -> None:
    (tmp_path / "contact.md").write_text(examples()["add-page", "contact.md"], encoding="utf-8")
    assert page_problems(tmp_path) == []


def test_the_guides_translation_example_translates_the_page_example(tmp_path: Path) -> None:
    """§6 « Traduire une page »: the English file beside the French one passes the content check."""
    (tmp_path / "contact.md").write_text(examples()["add-page", "contact.md"], encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "contact.md").write_text(examples()["translate-page", "en/contact.md"], encoding="utf-8")
    assert page_problems(tmp_path) == []
    (tmp_path / "contact.md").unlink()
    assert page_problems(tmp_path), "a translation of no French page is refused"


@pytest.mark.slow
def test_publish_a_quarter_end_to_end(demo_package: Path, demo_chart_cache: Path, tmp_path: Path) -> None:
    """§3 applied to a copy: `make validate`, `make data-diff`, `make site`, then the reviewer's view."""
    package = copy_package(demo_package, tmp_path / "package")
    rows = append_rows(package, "results/caf.csv", examples()["publish-quarter", "results/caf.csv"])
    release = apply_release(package, examples()["publish-quarter", "releases"])

    validation = run("validate.py", str(package))
    assert validation.returncode == 0, validation.stdout + validation.stderr

    diff = run("data_diff.py", "--base", str(demo_package), "--head", str(package))
    assert diff.returncode == 0, diff.stderr
    networks = {row["id"]: row for row in read_csv(package.parent / "networks.csv")}
    structures = {row["id"]: row for row in read_csv(package.parent / "structures.csv")}
    for row in rows:
        network = networks[structures[row["structure_id"]]["network_id"]]
        assert f"`{network['id']}`" in diff.stdout and row["period"] in diff.stdout, (row, diff.stdout)
    sections = [line for line in diff.stdout.splitlines() if line.startswith("### ") and "(`" in line]
    assert sections == ["### CAF (`caf`) — `results/caf.csv`"], "seul le réseau qui publie est nommé"
    files = [line for line in diff.stdout.splitlines() if line.startswith("| ") and "`results/" in line]
    assert len(files) == 1 and "`results/caf.csv`" in files[0], files
    assert release["version"] in diff.stdout

    output = tmp_path / "output"
    build = run("build.py", "--data", str(package), "--output", str(output), "--quiet",
                "--chart-cache", str(demo_chart_cache))
    assert build.returncode == 0, build.stdout + build.stderr
    indicators = {row["id"]: row for row in read_csv(package.parent / "indicators.csv")}
    newest = max((r for r in rows if r["value"] and r["structure_id"] == rows[0]["structure_id"]),
                 key=lambda r: r["period"])
    indicator = indicators[newest["indicator_id"]]
    page = output / "services" / structures[newest["structure_id"]]["slug"] / "index.html"
    shown = french_value(float(newest["value"]), indicator["unit"], int(indicator["decimals"]))
    assert f"{shown} {period_in_words(newest['period'])}" in visible_text(page.read_text("utf-8")), page
