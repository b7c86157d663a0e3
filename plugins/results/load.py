"""Read a *validated* Data Package once into a `Catalog` (the only module that touches data files)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .confine import package_file
from .core.fields import check_model_fields, from_row, resource_fields
from .core.parts import parts_of
from .core.periods import Period
from .core.slugs import check_stored_slugs, check_unique_slugs, slugify, split_former_slugs
from .core.translations import Translations
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


def load_results(paths: Path | Sequence[Path]) -> pd.DataFrame:
    """The results table from its files (one per network, core/parts.py), numeric columns typed, with a
    sortable `period_key` (period end date)."""
    paths = [paths] if isinstance(paths, Path) else list(paths)
    frames = [
        pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8", engine="pyarrow")
        for path in paths
    ]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
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

    fields = resource_fields(descriptor)

    def table(name: str, model: type, derived: tuple[str, ...] = ()) -> list[dict[str, str]]:
        """The rows of one table, after checking that `model` finds each of its fields as a column."""
        if name not in resources:
            return []
        check_model_fields(name, model, fields[name], derived)
        return _records(_read_table(folder, resources[name]))

    regions = {r["code"]: from_row(Region, r, slug=slugify(r["name"])) for r in table("regions", Region, ("slug",))}
    departements = {
        d["code"]: from_row(Departement, d, slug=slugify(f"{d['code']}-{d['name']}"))
        for d in table("departements", Departement, ("slug",))
    }
    commitments = {c["id"]: from_row(Commitment, c, order=int(c["order"])) for c in table("commitments", Commitment)}
    networks = {
        n["id"]: from_row(Network, n, slug=slugify(n["id"]),  # the id: one name in URLs, API and CSVs
                          former_slugs=split_former_slugs(n["former_slugs"]))
        for n in table("networks", Network, ("slug",))
    }
    structures = {
        s["id"]: from_row(
            Structure, s, latitude=_float(s["latitude"]), longitude=_float(s["longitude"]),
            former_slugs=split_former_slugs(s["former_slugs"]),
        )
        for s in table("structures", Structure)
    }
    indicators = {
        i["id"]: from_row(Indicator, i, decimals=int(i["decimals"]), slug=slugify(i["id"]))
        for i in table("indicators", Indicator, ("slug",))
    }
    check_stored_slugs(  # stored, not derived: they name folders, so they are checked like any input
        (address, s.id, column) for s in structures.values()
        for column, addresses in (("slug", (s.slug,)), ("former_slugs", s.former_slugs)) for address in addresses
    )
    check_stored_slugs(((address, n.id, "former_slugs") for n in networks.values() for address in n.former_slugs),
                       table="networks")
    check_unique_slugs("Structures", (  # a former address redirects: it may not be another's page
        (address, s.id, s.name) for s in structures.values() for address in (s.slug, *s.former_slugs)
    ))
    check_unique_slugs("Réseaux", (
        (address, n.id, n.name) for n in networks.values() for address in (n.slug, *n.former_slugs)
    ))
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
        results=load_results([package_file(folder, p["path"]) for p in parts_of(descriptor["resources"], "results")]),
        targets=[
            from_row(Target, t, period=Period.parse(t["period"]), target=float(t["target"]))
            for t in table("targets", Target)
        ],
        labels=[
            from_row(Label, lb, awarded_on=_date(lb["awarded_on"]), valid_until=_date(lb["valid_until"]))
            for lb in table("labels", Label)
        ],
        experiences=[
            from_row(Experience, e, published_on=_date(e["published_on"]), answered_on=_date(e["answered_on"]))
            for e in table("experiences", Experience)
        ],
        actions=[from_row(Action, a, date=_date(a["date"])) for a in table("actions", Action)],
        translations=Translations(
            _records(_read_table(folder, resources["translations"])) if "translations" in resources else ()
        ),
    )
