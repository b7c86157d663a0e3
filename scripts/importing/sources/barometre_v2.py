"""The Baromètre des résultats de l'action publique, current edition: one file per indicator and
`meta_indicateurs.csv`.

Values: `indic_id, enforce_zone_id, metric_enforce_date, maille, indic_vi, indic_va, indic_vc,
indic_ta`, zones `FRANCE`, `R84`, `D2A` (maille NAT / REG / DEPT). Meta: `indic_id, indic_nom,
indic_descr, tendance` (hausse → higher, baisse → lower: the direction). Like the first edition, the
Baromètre is one network whose zones are territorial structures (common.Zones).

- `indic_va` at a date is a result; `indic_vc` (the target) at a date after the zone's latest
  result is a target (national ones only: the package's targets are per network);
- rows without a date, or without a value and a target, are placeholders: set aside and reported;
- the period is the one of the indicator's frequency holding the date, and `updated_on` is that
  period's end: older copies that date a month at its last day instead of its first, or order the
  columns differently, import to the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from results.core.periods import Period
from results.core.slugs import slugify

from ..report import ImportReport
from ..sourcefile import normalize_header
from ..values import date, decimal_text, number, period_of, text
from .common import (
    Imported,
    Zones,
    geography,
    geography_tables,
    indicator_row,
    infer_frequency,
    open_matching,
    out_of_range,
)

KIND = "barometre-v2"
COVERED = ("regions", "departements", "networks", "structures", "indicators", "results", "targets")


def read(files: list[Path], mapping: dict[str, Any], report: ImportReport,
         existing: dict[str, list[dict[str, str]]] | None = None) -> Imported:
    """The Baromètre's files as the programme's tables (every file is whole: `existing` is not needed)."""
    geo = geography()
    network = dict(mapping["network"])
    zones = Zones(geo, mapping["structures"], network["id"])
    opened = [open_matching(path, mapping["files"], report) for path in files]
    meta: dict[str, dict[str, str]] = {}
    for kind, table in opened:
        if kind == "meta":
            for _line, row in table.rows():
                report.row_read(table.shown)
                meta[row["indicator_id"]] = row
    values: dict[tuple[str, str], dict[dt.date, tuple[Decimal, str, int]]] = defaultdict(dict)
    targets: dict[tuple[str, str], dict[dt.date, tuple[Decimal, str, int]]] = defaultdict(dict)
    for kind, table in opened:
        if kind != "values":
            continue
        file = table.shown
        for line, row in table.rows():
            report.row_read(file)
            code = row["indicator_id"]
            if code not in meta:
                report.unmatched_reference("indicateur absent de meta_indicateurs.csv", file, line, code)
                continue
            structure = zones.of_zone(row["zone"], file, line, report)
            if structure is None:
                continue
            day = date(row["date"], (file, line, table.names["date"]))
            value = number(row["value"], (file, line, table.names["value"]))
            target = number(row["target"], (file, line, table.names["target"]))
            if day is None or (value is None and target is None):
                report.skip("ligne sans date ou sans valeur ni cible (espace réservé)", file, line, code)
                continue
            if value is not None:
                values[(structure, code)][day] = (value, file, line)
            elif target is not None:
                targets[(structure, code)][day] = (target, file, line)

    days: dict[str, list[dt.date]] = defaultdict(list)  # every zone's dates: what the frequency is inferred from
    for (_structure, code), dated in values.items():
        days[code] += list(dated)
    indicators: dict[str, dict[str, Any]] = {}
    for code in sorted(days):
        indicator = _indicator(mapping, code, meta[code], days[code], network["id"], report)
        if indicator is not None:
            indicators[code] = indicator
    results: list[dict[str, Any]] = []
    for (structure, code), dated in sorted(values.items()):
        indicator = indicators.get(code)
        if indicator is None:
            continue
        by_period: dict[Period, Decimal] = {}
        for day in sorted(dated):
            value, file, line = dated[day]
            problem = out_of_range(indicator["unit"], value)
            if problem:
                report.skip("valeur hors de l'échelle de son unité", file, line, f"{code} : {value} ({problem})")
                continue
            by_period[period_of(day, indicator["frequency"])] = value
        results += [{"structure_id": structure, "indicator_id": indicator["id"], "period": period.code,
                     "value": decimal_text(value), "status": "final", "updated_on": period.end}
                    for period, value in by_period.items()]
    latest: dict[tuple[str, str], dt.date] = {}
    for r in results:
        key = (r["structure_id"], r["indicator_id"])
        latest[key] = max(latest.get(key, r["updated_on"]), r["updated_on"])
    target_rows: dict[tuple[str, str], dict[str, Any]] = {}
    for (structure, code), dated in sorted(targets.items()):
        if code not in indicators:
            continue
        for day, (target, file, line) in sorted(dated.items()):
            if day <= latest.get((structure, indicators[code]["id"]), dt.date.min):
                report.skip("cible à une date déjà passée (le résultat fait foi)", file, line, f"{code}, {structure}")
                continue
            if structure != zones.national_id:
                report.skip("cible d'une zone (les cibles du paquet valent pour tout le réseau)", file, line,
                            f"{code}, {structure}")
                continue
            period = period_of(day, indicators[code]["frequency"]).code
            target_rows[(code, period)] = {"network_id": network["id"], "indicator_id": indicators[code]["id"],
                                           "period": period,
                                           "target": decimal_text(target)}
    tables = {
        **geography_tables(geo),
        "networks": [network],
        "structures": zones.rows({r["structure_id"] for r in results}),
        "indicators": list(indicators.values()),
        "results": results,
        "targets": list(target_rows.values()),
    }
    newest = max((r["updated_on"] for r in results), default=None)
    return Imported(tables, dict(mapping["package"]), COVERED, newest)


def _indicator(mapping: dict[str, Any], code: str, meta: dict[str, str], days: list[dt.date], network_id: str,
               report: ImportReport) -> dict[str, Any] | None:
    """The indicator's row: its name from the meta file, its direction from `tendance`, its unit and
    frequency from the mapping (else the meta's unit, and the frequency its dates suggest)."""
    declared = mapping.get("indicators", {}).get(code, {})
    units = {normalize_header(k): v for k, v in mapping.get("units", {}).items()}
    unit = declared.get("unit") or units.get(normalize_header(meta.get("unit", "")))
    if not unit:
        report.skip("indicateur sans unité du schéma du programme (à déclarer dans « indicators » du fichier "
                    "de correspondance) : toutes ses lignes", "meta_indicateurs", 0, code)
        return None
    row = indicator_row(mapping, slugify(code), network_id, text(meta["label"], short=True), unit,
                        declared.get("frequency") or infer_frequency(days))
    trend = mapping.get("trends", {}).get(normalize_header(meta.get("trend", "")))
    if trend and "direction" not in declared:
        row["direction"] = trend
    row["methods"] = row["methods"] or text(meta.get("description", "")) or None
    return row

