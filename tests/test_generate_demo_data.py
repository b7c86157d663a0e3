"""The demo data generator: reproducible, valid, and telling the stories the site needs.

Every check runs on the generator's own output in a temporary folder (the session's `demo_package`),
never on data/: data/ is the programme's live data and changes with every publication.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from demo_data.catalog import NETWORKS
from demo_data.package import DEMO_METADATA, generate
from demo_data.periods import AS_OF
from demo_data.scales import SCALES
from frictionless import validate
from results.core.parts import MAX_FILE_BYTES, SPLIT_BYTES, Part, expand_resources, part_of_path, table_of
from results.core.schema import canonical_resources, field_names
from results.core.translations import PROPER_NAMES, TRANSLATABLE, TRANSLATIONS_RESOURCE
from support.csvfiles import read_csv, read_table
from support.demo import generate_demo_package
from support.recompute import FORMULA_TRIGGERS, period_end, slug
from validation.translations import translation_issues

PERIOD_PATTERNS = {"quarterly": r"^\d{4}-Q[1-4]$", "monthly": r"^\d{4}-(0[1-9]|1[0-2])$", "yearly": r"^\d{4}$"}
NAMED_ALIKE = ("urssaf", "france-travail", "france-services")  # proper names, the same in English


@pytest.fixture(scope="module")
def descriptor(demo_package: Path) -> dict:
    return json.loads(demo_package.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def as_of(descriptor: dict) -> dt.date:
    return dt.date.fromisoformat(descriptor["as_of"])


@pytest.fixture(scope="module")
def tables(demo_package: Path, descriptor: dict) -> dict[str, list[dict[str, str]]]:
    """Rows by table: the results files of every network (core/parts.py) read as one `results` table."""
    return {table: read_table(demo_package, table)
            for table in dict.fromkeys(table_of(resource["name"]) for resource in descriptor["resources"])}


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


# -- reproducibility and format ---------------------------------------------------------------------
def test_two_runs_write_identical_files(demo_package: Path, tmp_path: Path) -> None:
    again = generate_demo_package(tmp_path / "again")
    assert set(_files(again.parent)) == set(_files(demo_package.parent))
    for name, content in _files(again.parent).items():
        assert content == (demo_package.parent / name).read_bytes(), name


def test_another_seed_gives_other_results(demo_package: Path, tmp_path: Path) -> None:
    other = generate_demo_package(tmp_path / "other", "--seed", "7")
    caf = "results/caf.csv"
    assert (other.parent / caf).read_bytes() != (demo_package.parent / caf).read_bytes()


def test_the_demo_descriptor_is_the_generators_own(descriptor: dict) -> None:
    """Metadata from scripts/demo_data/metadata.json, resources from the programme's schema, nothing
    from data/: a programme publishing a quarter there (version, as_of, releases) changes no demo byte."""
    metadata = json.loads(DEMO_METADATA.read_text(encoding="utf-8"))
    parts = [Part("results", network.id) for network in NETWORKS]  # every network under 10 MB at this scale
    resources = [*expand_resources(canonical_resources(), parts), TRANSLATIONS_RESOURCE]
    assert descriptor == {**metadata, "resources": resources}
    assert descriptor["as_of"] == AS_OF.isoformat(), "les métadonnées suivent le calendrier de la démo"


def test_csv_layout_follows_the_descriptor(demo_package: Path, descriptor: dict) -> None:
    for resource in descriptor["resources"]:
        raw = (demo_package.parent / resource["path"]).read_bytes()
        assert b"\r" not in raw and raw.endswith(b"\n"), resource["name"]
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{resource['name']} : pas de BOM"
        header = raw.decode("utf-8").split("\n", 1)[0]
        assert header == ",".join(f["name"] for f in resource["schema"]["fields"])
        numbers = [f["name"] for f in resource["schema"]["fields"] if f["type"] in ("number", "integer")]
        with (demo_package.parent / resource["path"]).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for name in numbers:
                    assert not re.search(r"\.\d*0$", row[name]), (resource["name"], name, row[name])


def test_frictionless_validates_the_generated_package(demo_package: Path) -> None:
    report = validate(str(demo_package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_no_text_cell_looks_like_a_formula(tables: dict, descriptor: dict) -> None:
    for resource in descriptor["resources"]:
        texts = [f["name"] for f in resource["schema"]["fields"] if f["type"] == "string"]
        for row in tables[table_of(resource["name"])]:
            for name in texts:
                assert not row[name].startswith(FORMULA_TRIGGERS), (resource["name"], name, row[name][:40])


# -- geography and structures -----------------------------------------------------------------------
def test_real_geography(tables: dict) -> None:
    assert len(tables["regions"]) == 18
    assert len(tables["departements"]) == 101
    region_of = {d["code"]: d["region_code"] for d in tables["departements"]}
    assert region_of["01"] == "84" and region_of["2A"] == "94" and region_of["75"] == "11"
    assert region_of["29"] == "53" and region_of["976"] == "06"
    assert Counter(region_of.values())["76"] == 13  # Occitanie


def test_counts(tables: dict) -> None:
    assert len(tables["networks"]) >= 10
    assert len(tables["structures"]) >= 500
    assert len(tables["commitments"]) == 8
    assert {c["group"] for c in tables["commitments"]} == {"plus_proche", "plus_efficace", "plus_simple"}
    assert 200 <= len(tables["experiences"]) <= 600
    assert 100 <= len(tables["actions"]) <= 250


def test_names_give_unique_urls(tables: dict) -> None:
    slugs = Counter(slug(row["name"]) for row in tables["networks"])
    assert [s for s, n in slugs.items() if n > 1] == [], "networks"


def test_structures_store_unique_slugs_chosen_from_their_names(tables: dict) -> None:
    """What CONTRIBUTING.md tells a maintainer to do; no demo structure was ever renamed."""
    structures = tables["structures"]
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["slug"]) for row in structures)
    assert all(row["slug"] == slug(row["name"]) and row["former_slugs"] == "" for row in structures)
    counts = Counter(row["slug"] for row in structures)
    assert [s for s, n in counts.items() if n > 1] == []


def test_granularity_matches_structures(tables: dict) -> None:
    by_network = defaultdict(list)
    for structure in tables["structures"]:
        by_network[structure["network_id"]].append(structure)
    granularities = Counter(n["granularity"] for n in tables["networks"])
    assert set(granularities) == {"site", "departement", "region", "national"}
    for network in tables["networks"]:
        structures = by_network[network["id"]]
        if network["granularity"] == "departement":
            assert sorted(s["departement_code"] for s in structures) == sorted(
                d["code"] for d in tables["departements"])
        elif network["granularity"] == "region":
            assert sorted(s["region_code"] for s in structures) == sorted(r["code"] for r in tables["regions"])
        elif network["granularity"] == "national":
            assert len(structures) == 1
            assert not any(structures[0][f] for f in ("departement_code", "region_code", "commune", "postcode"))
        else:
            assert len(structures) > 20
            assert all(s["commune"] and s["postcode"] and s["commune_code"] for s in structures)
        assert "{structure_id}" in network["feedback_url_template"]


def test_structure_places_are_consistent(tables: dict) -> None:
    region_of = {d["code"]: d["region_code"] for d in tables["departements"]}
    ids = {s["id"]: s for s in tables["structures"]}
    for s in tables["structures"]:
        if s["departement_code"]:
            assert s["region_code"] == region_of[s["departement_code"]], s["id"]
            assert s["commune_code"].startswith(s["departement_code"]), s["id"]
            assert s["postcode"][:2] == s["departement_code"][:2].replace("2A", "20").replace("2B", "20"), s["id"]
        if s["latitude"] and s["departement_code"] and len(s["departement_code"]) == 2:
            assert 41 < float(s["latitude"]) < 51.2 and -5.2 < float(s["longitude"]) < 9.6, s["id"]
        if s["parent_id"]:
            assert ids[s["parent_id"]]["network_id"] == s["network_id"], s["id"]
    assert sum(not s["latitude"] for s in tables["structures"]) > 0  # some positions are unknown


# -- indicators and results -------------------------------------------------------------------------
def test_indicators_per_network(tables: dict) -> None:
    indicators = tables["indicators"]
    common = [i for i in indicators if not i["network_id"]]
    assert len(common) == 2
    for network in tables["networks"]:
        own = [i for i in indicators if i["network_id"] == network["id"]]
        assert 2 <= len(own) <= 6 and 4 <= len(own) + len(common) <= 8, network["id"]
    frequencies = Counter(i["frequency"] for i in indicators)
    assert frequencies["quarterly"] > frequencies["monthly"] >= 1 and frequencies["yearly"] >= 1
    for i in indicators:
        assert i["label"] and i["original_label"] and i["methods"] and i["commitment_id"], i["id"]
        assert i["aggregation"] == ("weighted_mean" if i["family"] == "perceived_quality" else "median"), i["id"]


def test_results_respect_indicators_and_periods(tables: dict, as_of: dt.date) -> None:
    network_of = {s["id"]: s["network_id"] for s in tables["structures"]}
    indicators = {i["id"]: i for i in tables["indicators"]}
    parents = {s["parent_id"] for s in tables["structures"] if s["parent_id"]}
    for row in tables["results"]:
        indicator = indicators[row["indicator_id"]]
        assert indicator["network_id"] in ("", network_of[row["structure_id"]]), row
        assert re.match(PERIOD_PATTERNS[indicator["frequency"]], row["period"]), row
        assert row["structure_id"] not in parents
        updated = dt.date.fromisoformat(row["updated_on"])
        assert period_end(row["period"]) < updated <= as_of, row


def test_values_intervals_and_gaps(tables: dict) -> None:
    indicators = {i["id"]: i for i in tables["indicators"]}
    for row in tables["results"]:
        indicator = indicators[row["indicator_id"]]
        survey = indicator["family"] == "perceived_quality"
        if not row["value"]:
            assert row["missing_reason"], row
            assert not row["ci_low"] and not row["ci_high"], row
            continue
        assert not row["missing_reason"], row
        value = float(row["value"])
        if indicator["unit"] == "percent":
            assert 0 <= value <= 100, row
        if indicator["unit"] == "points":
            assert -100 <= value <= 100, row
        if survey:
            assert row["sample_size"] and int(row["sample_size"]) >= 10, row
            low, high = float(row["ci_low"]), float(row["ci_high"])
            assert low <= value <= high, row
            if indicator["unit"] == "percent":
                assert low >= 0 and high <= 100, row
        else:
            assert not (row["sample_size"] or row["ci_low"] or row["ci_high"]), row


def test_results_tell_the_expected_stories(tables: dict) -> None:
    results = tables["results"]
    statuses = Counter(r["status"] for r in results)
    assert statuses["final"] > 0.9 * len(results) and statuses["provisional"] > 0 and statuses["revised"] > 0
    assert all(r["note"] for r in results if r["status"] == "revised")
    missing = [r for r in results if not r["value"]]
    assert 0.005 * len(results) < len(missing) < 0.05 * len(results)
    samples = [int(r["sample_size"]) for r in results if r["sample_size"]]
    assert any(n < 30 for n in samples)


def test_a_late_network_and_a_network_that_publishes_little(tables: dict) -> None:
    network_of = {s["id"]: s["network_id"] for s in tables["structures"]}
    structures_of = Counter(network_of.values())
    latest_by_structure: dict[str, dt.date] = {}
    for row in tables["results"]:
        if row["value"]:
            end = period_end(row["period"])
            latest_by_structure[row["structure_id"]] = max(end, latest_by_structure.get(row["structure_id"], end))
    latest_by_network = defaultdict(set)
    for structure_id, end in latest_by_structure.items():
        latest_by_network[network_of[structure_id]].add(end)
    late = [n for n, ends in latest_by_network.items() if ends == {dt.date(2026, 3, 31)}]
    assert late == ["prefectures"]
    newest = max(latest_by_structure.values())
    shares = {
        network: sum(1 for s, end in latest_by_structure.items() if network_of[s] == network and end == newest)
        / structures_of[network]
        for network in structures_of if network not in late
    }
    assert [n for n, share in shares.items() if share < 2 / 3] == ["police-nationale"]


def test_national_satisfaction_is_calibrated_on_the_real_barometer(tables: dict) -> None:
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row in tables["results"]:
        if row["indicator_id"] == "satisfaction" and row["value"]:
            totals[row["period"]][0] += float(row["value"]) * int(row["sample_size"])
            totals[row["period"]][1] += int(row["sample_size"])
    for period, (weighted, answers) in totals.items():
        assert 70 <= weighted / answers <= 77, period


def test_targets_belong_to_their_network(tables: dict) -> None:
    indicators = {i["id"]: i for i in tables["indicators"]}
    assert {t["period"] for t in tables["targets"]} == {"2025", "2026"}
    for target in tables["targets"]:
        assert indicators[target["indicator_id"]]["network_id"] in ("", target["network_id"]), target


# -- labels, experiences, actions -------------------------------------------------------------------
def test_labels(tables: dict, as_of: dt.date) -> None:
    labels = tables["labels"]
    labelled = {label["structure_id"] for label in labels}
    assert 0.10 <= len(labelled) / len(tables["structures"]) <= 0.15
    assert len({label["certifying_body"] for label in labels}) >= 3
    current = Counter()
    expired = 0
    for label in labels:
        awarded, until = dt.date.fromisoformat(label["awarded_on"]), dt.date.fromisoformat(label["valid_until"])
        assert until == awarded.replace(year=awarded.year + 3), label
        if awarded <= as_of < until:
            current[label["structure_id"]] += 1
        expired += until <= as_of
    assert expired > 0 and max(current.values()) == 1


def test_experiences(tables: dict, as_of: dt.date) -> None:
    experiences = tables["experiences"]
    assert any(not e["answer"] for e in experiences)
    assert sum(bool(e["answer"]) for e in experiences) > len(experiences) / 2
    assert any('"' in e["text"] for e in experiences) and any("," in e["text"] for e in experiences)
    for e in experiences:
        assert bool(e["answer"]) == bool(e["answered_on"]), e["id"]
        assert dt.date.fromisoformat(e["published_on"]) <= as_of
        if e["answered_on"]:
            assert e["published_on"] <= e["answered_on"] <= as_of.isoformat(), e["id"]


def test_actions_link_consistently(tables: dict) -> None:
    network_of = {s["id"]: s["network_id"] for s in tables["structures"]}
    experiences = {e["id"]: e for e in tables["experiences"]}
    indicators = {i["id"]: i for i in tables["indicators"]}
    actions = tables["actions"]
    assert {a["status"] for a in actions} == {"planned", "in_progress", "done"}
    assert any(a["experience_id"] for a in actions) and any(a["indicator_id"] for a in actions)
    for action in actions:
        if action["experience_id"]:
            experience = experiences[action["experience_id"]]
            assert experience["structure_id"] == action["structure_id"], action["id"]
            assert experience["published_on"] <= action["date"], action["id"]
        if action["indicator_id"]:
            owner = indicators[action["indicator_id"]]["network_id"]
            assert owner in ("", network_of[action["structure_id"]]), action["id"]


# -- English labels (issue #17) ----------------------------------------------------------------------
def test_every_translatable_text_has_its_english(demo_package: Path, descriptor: dict, tables: dict) -> None:
    """The validator finds nothing to say about translations.csv: no error, no missing-translation warning."""
    paths = {r["name"]: demo_package.parent / r["path"] for r in descriptor["resources"]}
    assert translation_issues(paths, {}) == []
    english = {(t["table"], t["id"], t["field"]): t["text"] for t in tables["translations"] if t["lang"] == "en"}
    expected = {(table, row["id"], field) for table, fields in TRANSLATABLE.items()
                for row in tables[table] for field in fields if row[field] and (table, field) not in PROPER_NAMES}
    assert set(english) == expected
    assert english["networks", "caf", "name"] == "Family allowance funds"
    assert english["indicators", "satisfaction", "label"] == "Satisfied users"
    named = {"networks": "name", "indicators": "label", "commitments": "title"}
    untranslated = [(table, row["id"]) for table, field in named.items() for row in tables[table]
                    if english[table, row["id"], field] == row[field]]
    assert untranslated == [(("networks", name)) for name in NAMED_ALIKE], "only proper names stay as they are"


# -- records from the schema (issue #12) --------------------------------------------------------------
def test_structure_records_are_the_schemas_columns() -> None:
    """demo_data/records.py: the fields come from resources.json, given by name; an optional one may be left out."""
    from demo_data.structures import Structure

    assert [f.name for f in dataclasses.fields(Structure)] == list(field_names()["structures"])
    with pytest.raises(TypeError, match="slug"):
        Structure(id="X", network_id="caf", name="Caisse")  # a required column forgotten: named at once
    assert Structure(id="X", slug="x", network_id="caf", name="Caisse").latitude is None  # optional: empty cell



def test_catalog_records_are_the_schemas_columns_plus_the_simulation() -> None:
    """Commitments, networks and indicators: the schema's columns (an indicator's aggregation computed
    from its family), then the generator's own knobs, which are never written."""
    from demo_data.catalog import COMMITMENTS, INDICATORS, Commitment, Indicator, Network

    own = {"networks": ["id_prefix", "behaviour"], "indicators": ["simulation"]}
    for table, record in (("commitments", Commitment), ("networks", Network), ("indicators", Indicator)):
        columns = [name for name in field_names()[table] if name != "aggregation"]
        assert [f.name for f in dataclasses.fields(record)] == columns + own.get(table, []), table
    assert {indicator.aggregation for indicator in INDICATORS} == {"weighted_mean", "median"}
    with pytest.raises(TypeError, match="title"):
        Commitment(id="x", group="plus_proche", order=9)  # a required column forgotten: named at once
    assert dataclasses.replace(COMMITMENTS[0], description=None).description is None  # optional: empty cell

# -- national scale ---------------------------------------------------------------------------------
def test_national_scale(tmp_path: Path, demo_package: Path) -> None:
    generate_demo_package(tmp_path, "--scale", "national")
    with (tmp_path / "structures.csv").open(encoding="utf-8") as handle:
        structures = sum(1 for _ in handle) - 1
    results = 0
    for path in (tmp_path / "results").rglob("*.csv"):
        with path.open(encoding="utf-8") as handle:
            results += sum(1 for _ in handle) - 1
    assert 14_000 <= structures <= 17_000
    national = {row["id"]: row for row in read_csv(tmp_path / "structures.csv")}
    assert len({row["slug"] for row in national.values()}) == len(national)  # unique at this scale too
    demo = {row["id"]: row for row in read_csv(demo_package.parent / "structures.csv")}
    same = [i for i in demo if i in national and demo[i]["name"] == national[i]["name"]]
    assert len(same) > 300 and all(demo[i]["slug"] == national[i]["slug"] for i in same)
    assert results >= 1_500_000
    sizes = {path.relative_to(tmp_path).as_posix(): path.stat().st_size for path in tmp_path.rglob("*.csv")}
    assert max(sizes.values()) < MAX_FILE_BYTES, sorted(sizes.items(), key=lambda item: -item[1])[:3]
    national = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    demo = json.loads(demo_package.read_text("utf-8"))
    assert national | {"resources": []} == demo | {"resources": []}, "mêmes métadonnées aux deux échelles"


# -- layout: one results file per network, per year past SPLIT_BYTES ----------------------------------
def test_results_are_one_file_per_network(demo_package: Path, descriptor: dict, tables: dict) -> None:
    network_of = {s["id"]: s["network_id"] for s in tables["structures"]}
    for resource in descriptor["resources"]:
        part = part_of_path(resource["path"])
        if part is None:
            continue
        assert {network_of[row["structure_id"]] for row in read_csv(demo_package.parent / resource["path"])} \
            == {part.network}
    assert not (demo_package.parent / "results.csv").exists()


def test_reduced_scale_split_keeps_every_file_within_the_budget(tmp_path: Path, monkeypatch) -> None:
    """The national budget scaled down to the demo: with a split threshold 50 times lower, the networks
    past it get one file per year, the others one file, and every file stays under the budget scaled
    the same way (MAX_FILE_BYTES / SPLIT_BYTES = 2.5). The national figures: `make bench-split`."""
    ratio = 50
    monkeypatch.setattr("demo_data.package.SPLIT_BYTES", SPLIT_BYTES // ratio)
    generate(tmp_path, SCALES["demo"], 20261115)
    resources = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))["resources"]
    parts = [part_of_path(r["path"]) for r in resources if part_of_path(r["path"]) is not None]
    by_year = {part.network for part in parts if part.year is not None}
    whole = {part.network for part in parts if part.year is None}
    assert by_year and whole and not by_year & whole
    for network in whole:
        assert (tmp_path / "results" / f"{network}.csv").stat().st_size <= SPLIT_BYTES // ratio
    sizes = {path.relative_to(tmp_path).as_posix(): path.stat().st_size for path in tmp_path.rglob("*.csv")}
    assert max(sizes.values()) < MAX_FILE_BYTES // ratio, sorted(sizes.items(), key=lambda item: -item[1])[:3]
    on_disk = {path.relative_to(tmp_path).as_posix() for path in (tmp_path / "results").rglob("*.csv")}
    assert on_disk == {part.path for part in parts}, "chaque fichier écrit est déclaré, et inversement"
