"""Assemble and write every CSV of the Data Package, in the column order its descriptor declares.

One random generator, consumed in a fixed order (structures, results network by network, labels,
testimonies, actions), makes the output a pure function of the seed and the scale: two runs write
byte-identical files. The results are written one file per network, split by year when a network's
file would pass core.parts.SPLIT_BYTES (the layout and why: plugins/results/core/parts.py).
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from results.core.fields import ordered
from results.core.parts import SPLIT_BYTES, Part, expand_resources
from results.core.schema import canonical_resources, field_names
from results.core.translations import COLUMNS as TRANSLATION_COLUMNS
from results.core.translations import TRANSLATIONS_RESOURCE

from demo_data.catalog import COMMITMENTS, INDICATORS, NETWORKS
from demo_data.english import translation_rows
from demo_data.geography import load_geography
from demo_data.periods import AS_OF
from demo_data.results import network_results, target_rows
from demo_data.scales import Scale
from demo_data.stories import action_rows, build_experiences, experience_rows, label_rows
from demo_data.structures import Structure, build_structures
from demo_data.writer import csv_writer, write_table

REPOSITORY = Path(__file__).resolve().parents[2]
DATA_DIR = REPOSITORY / "data"
# The demo's own metadata (version, as_of, releases, demo flag, title…): it describes the generated
# data, so it never follows what a programme publishes in data/datapackage.json.
DEMO_METADATA = Path(__file__).resolve().with_name("metadata.json")


@dataclass
class Summary:
    rows: dict[str, int] = field(default_factory=dict)
    parts: list[Part] = field(default_factory=list)  # the results files written, in descriptor order


def demo_descriptor(parts: Iterable[Part]) -> dict:
    """The demo's metadata (scripts/demo_data/metadata.json) + the programme's resources.

    Nothing comes from data/: it is the programme's live data, and a publication there (version,
    as_of, releases) must not change what the generator writes. The resources always come from
    plugins/results/core/resources.json (checked by scripts/validation/canonical.py), the results
    entry repeated for each file in `parts`, then the optional translations resource (the demo ships
    its labels in English).
    """
    package = json.loads(DEMO_METADATA.read_text(encoding="utf-8"))
    if package["as_of"] != AS_OF.isoformat():
        raise ValueError(f"{DEMO_METADATA.name} : as_of {package['as_of']} ≠ calendrier de la démo {AS_OF}")
    package["resources"] = [*expand_resources(canonical_resources(), parts), TRANSLATIONS_RESOURCE]
    return package


def write_descriptor(output: Path, parts: Iterable[Part]) -> None:
    """datapackage.json in the committed layout (two-space indent, UTF-8 as is, final newline)."""
    text = json.dumps(demo_descriptor(parts), ensure_ascii=False, indent=2) + "\n"
    target = output / "datapackage.json"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8", newline="\n")


def generate(output: Path, scale: Scale, seed: int) -> Summary:
    """Write the whole package into `output`: every CSV and the demo's descriptor."""
    output.mkdir(parents=True, exist_ok=True)
    fields = field_names()  # the programme's schema: columns and their order
    rng = np.random.default_rng(seed)
    geo = load_geography()
    summary = Summary()

    def table(name: str, records: Iterable[object]) -> None:
        """Records (objects or mappings) matched to the descriptor's columns by name, never by position."""
        rows = (ordered(name, fields[name], record) for record in records)
        summary.rows[name] = write_table(output / f"{name}.csv", fields[name], rows)

    table("regions", geo.regions)
    table("departements", geo.departements)
    table("commitments", COMMITMENTS)
    table("networks", NETWORKS)
    structures = build_structures(geo, scale, rng)
    table("structures", structures)
    table("indicators", INDICATORS)

    publishing = publishing_structures(structures)
    summary.parts = _write_results(output, fields["results"], publishing, rng, summary)
    table("targets", target_rows(NETWORKS))
    table("labels", label_rows(publishing, rng))
    experiences = build_experiences(publishing, scale.experiences, rng)
    table("experiences", experience_rows(experiences))
    table("actions", action_rows(publishing, experiences, scale.actions, rng))
    rows = (ordered("translations", TRANSLATION_COLUMNS, row) for row in translation_rows())
    summary.rows["translations"] = write_table(output / "translations.csv", TRANSLATION_COLUMNS, rows)

    write_descriptor(output, summary.parts)
    return summary


def publishing_structures(structures: list[Structure]) -> list[Structure]:
    """Directions coordinate their sites and publish nothing themselves; everything else publishes."""
    parents = {s.parent_id for s in structures if s.parent_id}
    return [s for s in structures if s.id not in parents]


def _write_results(output: Path, fields: tuple[str, ...], publishing: list[Structure],
                   rng: np.random.Generator, summary: Summary) -> list[Part]:
    """One file per network (per year past SPLIT_BYTES), network by network: the national scale
    holds one network's rows at a time. Files of an earlier layout or run are removed first."""
    (output / "results.csv").unlink(missing_ok=True)
    shutil.rmtree(output / "results", ignore_errors=True)
    (output / "results").mkdir()
    period_at = fields.index("period")
    parts: list[Part] = []
    count = 0
    for network in NETWORKS:
        ids = sorted(s.id for s in publishing if s.network_id == network.id)
        rows = list(zip(*network_results(network, ids, rng, fields), strict=True))
        if not rows:
            continue
        count += len(rows)
        whole = _csv_bytes(fields, rows)
        if len(whole) <= SPLIT_BYTES:
            files = {Part("results", network.id): whole}
        else:
            years = sorted({row[period_at][:4] for row in rows})
            files = {
                Part("results", network.id, int(year)): _csv_bytes(
                    fields, [r for r in rows if r[period_at][:4] == year]
                )
                for year in years
            }
        for part, content in files.items():
            path = output / part.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            parts.append(part)
    summary.rows["results"] = count
    return parts


def _csv_bytes(fields: tuple[str, ...], rows: list[tuple]) -> bytes:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(fields)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
