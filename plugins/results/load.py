"""Read a *validated* Data Package once into a `Catalog` (the only module that touches data files)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

from .confine import package_file
from .core.periods import Period
from .core.slugs import check_unique_slugs, slugify
from .model import (
    Action,
    Catalog,
    Commitment,
    Departement,
    Experience,
    Indicator,
    Label,
    Network,
    PackageInfo,
    Region,
    Release,
    Structure,
    Target,
)

NUMERIC_RESULT_COLUMNS = ("value", "sample_size", "ci_low", "ci_high")


def _read_table(folder: Path, resource: dict) -> pd.DataFrame:
    """Every column as text, empty cells as "" (the package's only missing value)."""
    return pd.read_csv(
        package_file(folder, resource["path"]), dtype=str, keep_default_na=False, na_values=[], encoding="utf-8"
    )


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _float(text: str) -> float | None:
    return float(text) if text else None


def _records(frame: pd.DataFrame) -> list[dict[str, str]]:
    return frame.to_dict("records")


def read_package_info(descriptor: dict) -> PackageInfo:
    licence = (descriptor.get("licenses") or [{}])[0]
    return PackageInfo(
        name=descriptor.get("name", ""),
        title=descriptor.get("title", ""),
        description=descriptor.get("description", ""),
        version=str(descriptor.get("version", "")),
        as_of=dt.date.fromisoformat(descriptor["as_of"]),
        demo=bool(descriptor.get("demo", False)),
        license_title=licence.get("title", licence.get("name", "")),
        license_url=licence.get("path", ""),
        sources=tuple((s.get("title", ""), s.get("path", "")) for s in descriptor.get("sources", [])),
        releases=tuple(
            sorted(
                (
                    Release(r["version"], dt.date.fromisoformat(r["date"]), r["title"], r.get("description", ""))
                    for r in descriptor.get("releases", [])
                ),
                key=lambda release: release.date,
                reverse=True,
            )
        ),
    )


def load_results(path: Path) -> pd.DataFrame:
    """The results table, numeric columns typed, with a sortable `period_key` (period end date)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8", engine="pyarrow")
    for column in NUMERIC_RESULT_COLUMNS:
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="raise").astype("float64")
    frame["period_key"] = frame["period"].map({p: Period.parse(p).end for p in frame["period"].unique()})
    return frame.sort_values(["structure_id", "indicator_id", "period_key"], kind="stable").reset_index(drop=True)


def load_catalog(descriptor_path: Path | str) -> Catalog:
    """Build the catalog from `datapackage.json`; raises DuplicateSlugError before anything is written."""
    descriptor_path = Path(descriptor_path)
    folder = descriptor_path.parent
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in descriptor["resources"]}

    def table(name: str) -> list[dict[str, str]]:
        return _records(_read_table(folder, resources[name])) if name in resources else []

    regions = {r["code"]: Region(r["code"], r["name"], slugify(r["name"])) for r in table("regions")}
    departements = {
        d["code"]: Departement(d["code"], d["name"], d["region_code"], slugify(f"{d['code']}-{d['name']}"))
        for d in table("departements")
    }
    commitments = {
        c["id"]: Commitment(c["id"], c["group"], int(c["order"]), c["title"], c["description"])
        for c in table("commitments")
    }
    networks = {
        n["id"]: Network(
            n["id"], n["name"], n["short_name"], n["description"], n["website"], n["granularity"],
            n["feedback_url_template"], slugify(n["short_name"] or n["id"]),
        )
        for n in table("networks")
    }
    structures = {
        s["id"]: Structure(
            s["id"], s["network_id"], s["parent_id"], s["name"], s["typology"], s["address"], s["postcode"],
            s["commune"], s["commune_code"], s["departement_code"], s["region_code"],
            _float(s["latitude"]), _float(s["longitude"]), slugify(s["name"]),
        )
        for s in table("structures")
    }
    indicators = {
        i["id"]: Indicator(
            i["id"], i["network_id"], i["label"], i["original_label"], i["family"], i["unit"], i["direction"],
            int(i["decimals"]), i["frequency"], i["aggregation"], i["commitment_id"], i["methods"],
            slugify(i["id"]),
        )
        for i in table("indicators")
    }
    check_unique_slugs("Structures", ((s.slug, s.id, s.name) for s in structures.values()))
    check_unique_slugs("Réseaux", ((n.slug, n.id, n.name) for n in networks.values()))
    check_unique_slugs("Indicateurs", ((i.slug, i.id, i.label) for i in indicators.values()))
    check_unique_slugs("Régions", ((r.slug, r.code, r.name) for r in regions.values()))

    return Catalog(
        info=read_package_info(descriptor),
        regions=regions,
        departements=departements,
        commitments=dict(sorted(commitments.items(), key=lambda item: item[1].order)),
        networks=networks,
        structures=structures,
        indicators=indicators,
        results=load_results(package_file(folder, resources["results"]["path"])),
        targets=[
            Target(t["network_id"], t["indicator_id"], Period.parse(t["period"]), float(t["target"]))
            for t in table("targets")
        ],
        labels=[
            Label(lb["structure_id"], lb["level"], _date(lb["awarded_on"]), _date(lb["valid_until"]),
                  lb["certifying_body"])
            for lb in table("labels")
        ],
        experiences=[
            Experience(e["id"], e["structure_id"], _date(e["published_on"]), e["title"], e["text"], e["answer"],
                       _date(e["answered_on"]))
            for e in table("experiences")
        ],
        actions=[
            Action(a["id"], a["structure_id"], _date(a["date"]), a["title"], a["description"], a["status"],
                   a["experience_id"], a["indicator_id"])
            for a in table("actions")
        ],
    )
