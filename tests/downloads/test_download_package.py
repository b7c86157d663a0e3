"""The full package as published: plain `frictionless validate` passes, bytes and hashes match,
the zip holds every file with a README and the licence, and rebuilds give identical bytes."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from dlcheck import zip_members
from support.pages import visible_text
from support.paths import GOOD_FIXTURE
from support.site import build_site

FRICTIONLESS = Path(sys.executable).with_name("frictionless")
ZIP_NAME = "resultats-services-publics.zip"


def _validate(descriptor: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(FRICTIONLESS), "validate", str(descriptor)], capture_output=True, text=True,
                          cwd=descriptor.parent, timeout=300)


def test_published_package_validates_with_plain_frictionless(good_site: Path) -> None:
    result = _validate(good_site / "donnees" / "datapackage.json")
    assert result.returncode == 0, result.stdout + result.stderr


def test_descriptor_lists_bytes_and_hash_of_each_file(good_site: Path) -> None:
    folder = good_site / "donnees"
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    source = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    assert [r["name"] for r in descriptor["resources"]] == [r["name"] for r in source["resources"]]
    for resource in descriptor["resources"]:
        content = (folder / resource["path"]).read_bytes()
        assert content == (GOOD_FIXTURE.parent / resource["path"]).read_bytes(), "copie octet pour octet"
        assert resource["bytes"] == len(content)
        assert resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}"
    assert descriptor["releases"] == source["releases"], "le reste du descripteur est inchangé"


def test_a_corrupted_download_fails_validation(good_site: Path, tmp_path: Path) -> None:
    """The hashes are checked: a truncated or altered file is caught by a reuser's validation."""
    copy = tmp_path / "donnees"
    shutil.copytree(good_site / "donnees", copy)
    results = copy / "results" / "caf.csv"
    results.write_bytes(results.read_bytes().replace(b"87.4", b"87.5", 1))
    result = _validate(copy / "datapackage.json")
    assert result.returncode != 0
    assert "hash" in result.stdout.lower()


def test_zip_holds_the_package_readme_and_licence(good_site: Path, tmp_path: Path) -> None:
    folder = good_site / "donnees"
    archive = folder / ZIP_NAME
    members = zip_members(archive)
    names = [m.filename for m in members]
    assert names == sorted(names), "entrées triées"
    root = "resultats-services-publics/"
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    expected = {"datapackage.json", "README.md", "LICENCE.md", *(r["path"] for r in descriptor["resources"])}
    assert {name.removeprefix(root) for name in names} == expected
    source = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    as_of = tuple(int(part) for part in source["as_of"].split("-"))
    assert {m.date_time for m in members} == {(*as_of, 0, 0, 0)}, "daté du paquet, pas de l'horloge"
    with zipfile.ZipFile(archive) as opened:
        for name in names:
            assert opened.read(name) == (folder / name.removeprefix(root)).read_bytes()
        opened.extractall(tmp_path)
    assert _validate(tmp_path / root / "datapackage.json").returncode == 0
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Licence Ouverte" in readme and source["version"] in readme and "frictionless validate" in readme
    assert "etalab.gouv.fr" in (folder / "LICENCE.md").read_text(encoding="utf-8")


def test_the_full_results_table_is_one_zipped_csv_that_pandas_reads(good_site: Path) -> None:
    """For a journalist: every network's file joined under one header, zipped at donnees/results.csv.zip,
    read by pandas as the whole table; each result is published once uncompressed (the per-network files
    of the package), so the old uncompressed donnees/results.csv is gone and the pages say so."""
    folder = good_site / "donnees"
    source = json.loads(GOOD_FIXTURE.read_text(encoding="utf-8"))
    parts = [GOOD_FIXTURE.parent / r["path"] for r in source["resources"] if r["name"].startswith("results-")]
    assert len(parts) == 3
    header, *_ = parts[0].read_text("utf-8").splitlines()
    rows = [line for part in parts for line in part.read_text("utf-8").splitlines()[1:]]
    assert [m.filename for m in zip_members(folder / "results.csv.zip")] == ["results.csv"]
    with zipfile.ZipFile(folder / "results.csv.zip") as archive:
        assert archive.read("results.csv").decode("utf-8") == "\n".join([header, *rows]) + "\n"
    table = pd.read_csv(folder / "results.csv.zip", dtype=str, keep_default_na=False)
    assert len(table) == len(rows) and list(table.columns) == header.split(",")
    assert set(table["structure_id"]) >= {"CAF-75", "FT-IDF", "SIP-AJACCIO"}
    assert not (folder / "results.csv").exists(), "les résultats ne sont publiés qu'une fois non compressés"
    in_package_zip = {m.filename.rsplit("/", 1)[-1] for m in zip_members(folder / ZIP_NAME)}
    assert not in_package_zip & {"results.csv", "results.csv.zip"}
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "donnees/results.csv.zip" in readme and 'pd.read_csv("https://' in readme
    assert "n'est plus publié" in readme
    page = visible_text((good_site / "donnees" / "index.html").read_text(encoding="utf-8"))
    assert "donnees/results.csv n'est plus publié" in page and "results.csv.zip" in page


@pytest.fixture(scope="module")
def second_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(GOOD_FIXTURE, tmp_path_factory.mktemp("good-again") / "output")


def test_rebuild_gives_identical_bytes(good_site: Path, second_build: Path) -> None:
    """Zip, XLSX, CSV and JSON files are byte-identical across two builds of the same data."""
    published = sorted(p.relative_to(good_site) for p in good_site.rglob("*")
                       if p.suffix in (".zip", ".xlsx", ".csv", ".json"))
    assert any(p.suffix == ".xlsx" for p in published) and any(p.suffix == ".zip" for p in published)
    again = sorted(p.relative_to(second_build) for p in second_build.rglob("*")
                   if p.suffix in (".zip", ".xlsx", ".csv", ".json"))
    assert published == again
    different = [str(p) for p in published if (good_site / p).read_bytes() != (second_build / p).read_bytes()]
    assert not different
