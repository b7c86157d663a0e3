"""Assemble and write every CSV of the Data Package, in the column order its descriptor declares.

One random generator, consumed in a fixed order (structures, results network by network, labels,
testimonies, actions), makes the output a pure function of the seed and the scale: two runs write
byte-identical files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from results.core.schema import canonical_resources, field_names

from demo_data.catalog import COMMITMENTS, INDICATORS, NETWORKS
from demo_data.geography import load_geography
from demo_data.results import RESULT_FIELDS, network_results, target_rows
from demo_data.scales import Scale
from demo_data.stories import action_rows, build_experiences, experience_rows, label_rows
from demo_data.structures import Structure, build_structures
from demo_data.writer import csv_writer, open_csv, write_table

REPOSITORY = Path(__file__).resolve().parents[2]
DATA_DIR = REPOSITORY / "data"
DESCRIPTOR = DATA_DIR / "datapackage.json"


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)


def descriptor_fields() -> dict[str, list[str]]:
    """Field names of every resource, in declared order: the programme's schema, which the CSVs follow."""
    return field_names()


def write_descriptor(output: Path) -> None:
    """datapackage.json: the package's metadata (edited by hand in data/) + the programme's resources.

    The resources always come from plugins/results/core/resources.json (checked by scripts/validation/canonical.py),
    so a new column is declared in that one file and reaches data/datapackage.json here.
    """
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    package["resources"] = canonical_resources()
    text = json.dumps(package, ensure_ascii=False, indent=2) + "\n"
    target = output / "datapackage.json"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def generate(output: Path, scale: Scale, seed: int) -> Summary:
    """Write the whole package into `output` (and its descriptor, unless `output` is data/ itself)."""
    output.mkdir(parents=True, exist_ok=True)
    fields = descriptor_fields()
    rng = np.random.default_rng(seed)
    geo = load_geography()
    summary = Summary()

    def table(name: str, rows: list[tuple] | list[list]) -> None:
        summary.rows[name] = write_table(output / f"{name}.csv", fields[name], rows)

    table("regions", [(r.code, r.name) for r in geo.regions])
    table("departements", [(d.code, d.name, d.region_code) for d in geo.departements])
    table("commitments", [(c.id, c.group, c.order, c.title, c.description) for c in COMMITMENTS])
    table("networks", [(n.id, n.name, n.short_name, n.description, n.website, n.granularity,
                        n.feedback_url_template) for n in NETWORKS])
    structures = build_structures(geo, scale, rng)
    table("structures", [_structure_row(s) for s in structures])
    table("indicators", [(i.id, i.network_id, i.label, i.original_label, i.family, i.unit, i.direction, i.decimals,
                          i.frequency, i.aggregation, i.commitment_id, i.methods) for i in INDICATORS])

    publishing = publishing_structures(structures)
    summary.rows["results"] = _write_results(output / "results.csv", fields["results"], publishing, rng)
    table("targets", list(target_rows(NETWORKS)))
    table("labels", label_rows(publishing, rng))
    experiences = build_experiences(publishing, scale.experiences, rng)
    table("experiences", experience_rows(experiences))
    table("actions", action_rows(publishing, experiences, scale.actions, rng))

    write_descriptor(output)
    return summary


def publishing_structures(structures: list[Structure]) -> list[Structure]:
    """Directions coordinate their sites and publish nothing themselves; everything else publishes."""
    parents = {s.parent_id for s in structures if s.parent_id}
    return [s for s in structures if s.id not in parents]


def _structure_row(s: Structure) -> tuple:
    return (s.id, s.network_id, s.parent_id, s.name, s.typology, s.address, s.postcode, s.commune, s.commune_code,
            s.departement_code, s.region_code, s.latitude, s.longitude)


def _write_results(path: Path, fields: list[str], publishing: list[Structure], rng: np.random.Generator) -> int:
    """Stream network by network so that the national scale never holds every row twice."""
    if tuple(fields) != RESULT_FIELDS:
        raise ValueError(f"colonnes de results.csv inattendues dans le descripteur : {fields}")
    count = 0
    with open_csv(path) as handle:
        writer = csv_writer(handle)
        writer.writerow(fields)
        for network in NETWORKS:
            ids = sorted(s.id for s in publishing if s.network_id == network.id)
            columns = network_results(network, ids, rng)
            writer.writerows(zip(*columns, strict=True))
            count += len(columns[0])
    return count
