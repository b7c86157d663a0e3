"""Realistic data changes, applied to a copy of a package the way a network's maintainer would.

`publish_quarter` is what CONTRIBUTING.md §3 asks for (one new quarter for every structure of one
network, with version, as_of and releases bumped); `revise` is §5 (one `final` value corrected,
status `revised`, with a note). Both read the package they change and pick their network, series and
dates from it, so they apply to any valid package: data/ as it is today or after the next publication.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from results.core.parts import Part, expand, part_of_path, parts_of
from results.core.schema import canonical_resources

from support.recompute import period_end


@dataclass(frozen=True)
class Publication:
    """What a reviewer should find after the change: which network published which period."""

    network_id: str
    period: str  # the new quarter, `2026-Q4`
    rows: list[dict[str, str]]  # every row added to the network's results file
    version: str
    as_of: str


@dataclass(frozen=True)
class Revision:
    row: dict[str, str]  # the corrected row as written
    old_value: str


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def results_files(package: Path) -> dict[Part, Path]:
    """The results files of the package (one per network, or per network and year), in descriptor order."""
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    found = {}
    for resource in parts_of(descriptor["resources"], "results"):
        part = part_of_path(resource["path"])
        assert part is not None, resource["path"]
        found[part] = package.parent / resource["path"]
    return found


def read_results(package: Path) -> tuple[list[str], dict[Part, list[dict[str, str]]]]:
    """The header and the rows of each results file."""
    header: list[str] = []
    rows = {}
    for part, path in results_files(package).items():
        header, rows[part] = read_rows(path)
    return header, rows


def write_to_network(package: Path, header: list[str], network_id: str, added: list[dict[str, str]]) -> None:
    """Append `added` to the network's file, or to the file of each row's year (declared if new),
    as CONTRIBUTING.md §3 says: a publication touches only that network's files."""
    files = {part: path for part, path in results_files(package).items() if part.network == network_id}
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    for row in added:
        whole = Part("results", network_id)
        part = whole if whole in files or not files else Part("results", network_id, int(row["period"][:4]))
        if part not in files:
            template = next(r for r in canonical_resources() if r["name"] == "results")
            descriptor["resources"].append(expand(template, part))
            files[part] = package.parent / part.path
            files[part].parent.mkdir(parents=True, exist_ok=True)
            files[part].write_text(",".join(header) + "\n", encoding="utf-8")
        with files[part].open("a", encoding="utf-8", newline="") as handle:
            csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerow(row)
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def next_quarter(code: str) -> str:
    year, quarter = int(code[:4]), int(code[-1])
    return f"{year + 1}-Q1" if quarter == 4 else f"{year}-Q{quarter + 1}"


def quarter_months(code: str) -> list[str]:
    year, quarter = code[:4], int(code[-1])
    return [f"{year}-{month:02d}" for month in range(3 * quarter - 2, 3 * quarter + 1)]


def _moved(row: dict[str, str], unit: str, decimals: int, step: int) -> dict[str, str]:
    """The row's value moved by a small, deterministic step, kept in its unit's range; the sample size
    and confidence interval carried over around the new value."""
    value = float(row["value"])
    shift = (1 if step % 2 else -1) * (0.5 + (step % 5) / 10)
    new = round(value + shift, decimals)
    if unit == "percent":
        new = min(max(new, 0.0), 100.0)
    elif unit == "points":
        new = min(max(new, -100.0), 100.0)
    elif unit == "score_10":
        new = min(max(new, 0.0), 10.0)
    else:
        new = max(new, 0.0)
    low = high = ""
    if row["ci_low"] and row["ci_high"]:
        below, above = value - float(row["ci_low"]), float(row["ci_high"]) - value
        bounds = {"percent": (0.0, 100.0), "points": (-100.0, 100.0), "score_10": (0.0, 10.0)}.get(unit)
        lo, hi = round(new - below, decimals), round(new + above, decimals)
        if bounds:
            lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
        low, high = _text(lo, decimals), _text(hi, decimals)
    return {"value": _text(new, decimals), "ci_low": low, "ci_high": high}


def _text(value: float, decimals: int) -> str:
    text = f"{value:.{max(decimals, 0)}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def publish_quarter(package: Path, network_id: str | None = None) -> Publication:
    """Add the next quarter for every structure of one network that published the newest quarter.

    Quarterly series get the new quarter, monthly series its three months; values move a little from
    the last one. The descriptor gets a new version, `as_of` and a `releases` entry.
    """
    folder = package.parent
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    _, indicator_rows = read_rows(folder / "indicators.csv")
    indicators = {row["id"]: row for row in indicator_rows}
    _, structure_rows = read_rows(folder / "structures.csv")
    network_of = {row["id"]: row["network_id"] for row in structure_rows}
    header, by_file = read_results(package)
    results = [row for rows in by_file.values() for row in rows]

    series: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in results:
        series[row["structure_id"], row["indicator_id"]].append(row)
    quarterly = [row["period"] for row in results if indicators[row["indicator_id"]]["frequency"] == "quarterly"]
    newest = max(quarterly, key=period_end)
    if network_id is None:  # the first network (by id) that published the newest quarter
        network_id = min(network_of[row["structure_id"]] for row in results if row["period"] == newest)
    period = next_quarter(newest)
    as_of = max(period_end(period) + dt.timedelta(days=46), dt.date.fromisoformat(descriptor["as_of"]))
    updated_on = (as_of - dt.timedelta(days=3)).isoformat()

    added: list[dict[str, str]] = []
    for (structure_id, indicator_id), rows in sorted(series.items()):
        if network_of[structure_id] != network_id:
            continue
        indicator = indicators[indicator_id]
        last_with_value = max((r for r in rows if r["value"]), key=lambda r: period_end(r["period"]), default=None)
        if last_with_value is None:
            continue
        frequency = indicator["frequency"]
        if frequency == "quarterly" and last_with_value["period"] == newest:
            new_periods = [period]
        elif frequency == "monthly" and period_end(last_with_value["period"]) == period_end(newest):
            new_periods = quarter_months(period)
        else:
            continue
        for step, new_period in enumerate(new_periods, start=len(added)):
            moved = _moved(last_with_value, indicator["unit"], int(indicator["decimals"] or 0), step)
            added.append({**{name: "" for name in header}, "structure_id": structure_id, "indicator_id": indicator_id,
                          "period": new_period, "sample_size": last_with_value["sample_size"], **moved,
                          "status": "final", "updated_on": updated_on})
    assert added, f"{package} : aucune série du réseau {network_id} à prolonger"

    write_to_network(package, header, network_id, added)
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    version = _next_version(descriptor.get("version", "0.0.0"), period)
    quarter = int(period[-1])
    descriptor.update(version=version, as_of=as_of.isoformat())
    descriptor["releases"] = [*descriptor.get("releases", []), {
        "version": version, "date": as_of.isoformat(),
        "title": f"Résultats du {'1er' if quarter == 1 else f'{quarter}e'} trimestre {period[:4]}",
        "description": f"Publication des résultats du réseau {network_id} pour {period}.",
    }]
    package.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return Publication(network_id, period, added, version, as_of.isoformat())


def _next_version(current: str, period: str) -> str:
    """`2026.3.0` → `2026.4.0` for 2026-Q4; never lower than the current version."""
    candidate = f"{period[:4]}.{period[-1]}.0"
    as_numbers = [tuple(int(part) for part in v.split(".")[:3]) for v in (current, candidate)]
    if as_numbers[1] > as_numbers[0]:
        return candidate
    major, minor, patch = as_numbers[0]
    return f"{major}.{minor}.{patch + 1}"


def revise(package: Path, note: str = "Valeur corrigée : erreur de saisie dans l'extraction initiale.") -> Revision:
    """Correct one `final` value that has no interval (a performance figure), as §5 of the guide says."""
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    header, by_file = read_results(package)
    for part, results in by_file.items():
        for row in results:
            if row["status"] == "final" and row["value"] and not row["ci_low"] and not row["sample_size"]:
                old = row["value"]
                row.update(value=_text(float(old) + (1 if float(old) < 50 else -1), 1), status="revised",
                           updated_on=descriptor["as_of"], note=note)
                write_rows(package.parent / part.path, header, results)
                return Revision(dict(row), old)
    raise AssertionError(f"{package} : aucune valeur définitive sans intervalle à corriger")
