"""Rearrange a package's results files the way a big network's are: one file per year."""

from __future__ import annotations

import json
from pathlib import Path

from results.core.parts import Part, expand
from results.core.schema import canonical_resources


def results_template() -> dict:
    """The `results` entry of core/resources.json, that every results file's resource repeats."""
    return next(r for r in canonical_resources() if r["name"] == "results")


def split_by_year(descriptor: Path, network: str) -> list[Part]:
    """Rewrite `network`'s results/<network>.csv as results/<network>/<year>.csv files, declared in
    place of the whole file's resource (what the demo generator does past SPLIT_BYTES)."""
    source = descriptor.parent / "results" / f"{network}.csv"
    header, *rows = source.read_text(encoding="utf-8").splitlines()
    years = sorted({row.split(",")[2][:4] for row in rows})
    parts = [Part("results", network, int(year)) for year in years]
    for part in parts:
        target = descriptor.parent / part.path
        target.parent.mkdir(parents=True, exist_ok=True)
        mine = [row for row in rows if row.split(",")[2].startswith(str(part.year))]
        target.write_text("\n".join([header, *mine]) + "\n", encoding="utf-8")
    source.unlink()
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    at = next(i for i, r in enumerate(package["resources"]) if r["name"] == f"results-{network}")
    package["resources"][at:at + 1] = [expand(results_template(), part) for part in parts]
    descriptor.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return parts
