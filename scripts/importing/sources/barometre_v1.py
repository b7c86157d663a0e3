"""The Baromètre des résultats de l'action publique, first edition (Etalab / DINUM, 2021-2023).

Long-format files, one row per indicator × zone × date (`mesure, indicateur, id_indicateur,
code_region|code_departement, date, valeur, unite`), and synthesis files giving each indicator's
target (`cible, date_cible`). The whole Baromètre becomes one network (mappings/barometre-v1.json);
each zone becomes a territorial structure of it: France entière, then its régions, then their
départements (parents follow the Code officiel géographique). Dates are period ends; the period is
the one of the indicator's frequency that holds the date (values.period_of).

Set aside and reported: indicators whose unit the programme has no equivalent for (counts such as
`labellisations`), rows repeating an indicator id under another label (the real files reuse
`nb-logement-accompagnement` for two indicators), exact duplicates, placeholders without a value,
values outside their unit's scale, and targets of a zone (the package's targets are per network).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from results.core.slugs import slugify

from ..report import ImportReport
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

KIND = "barometre-v1"
COVERED = ("regions", "departements", "networks", "structures", "indicators", "results", "targets")


def read(files: list[Path], mapping: dict[str, Any], report: ImportReport,
         existing: dict[str, list[dict[str, str]]] | None = None) -> Imported:
    """The Baromètre's files as the programme's tables (`existing` is not needed: every file is whole)."""
    geo = geography()
    network = dict(mapping["network"])
    zones = Zones(geo, mapping["structures"], network["id"])
    labels: dict[str, tuple[str, str]] = {}  # indicator → (label, our unit), first seen
    observations: dict[tuple[str, str], dict[dt.date, tuple[Decimal, str, int]]] = defaultdict(dict)
    targets: list[tuple[str, dt.date, Decimal, str, int]] = []

    for path in files:
        kind, table = open_matching(path, mapping["files"], report)
        file = table.shown
        for line, row in table.rows():
            report.row_read(file)
            code = slugify(row["indicator_id"])  # the package's indicator ids are lower-case slugs
            unit = _unit(mapping, code, row["unit"])
            if unit is None:
                report.skip("unité sans équivalent dans le schéma du programme (à déclarer dans « units » du "
                            "fichier de correspondance si c'en est une)", file, line, f"{code} : « {row['unit']} »")
                continue
            skip = mapping.get("indicators", {}).get(code, {}).get("skip")
            if skip:
                report.skip(f"indicateur écarté par le fichier de correspondance ({skip})", file, line, code)
                continue
            label = text(row.get("indicator_label", ""), short=True) or code
            known = labels.setdefault(code, (label, unit))
            if known[0] != label:
                report.skip("identifiant d'indicateur déjà utilisé pour un autre libellé (le premier est gardé)",
                            file, line, f"{code} : « {label} »")
                continue
            structure = zones.structure(row, file, line, report)
            if structure is None:
                continue
            if kind == "synthese":
                if structure != zones.national_id:
                    report.skip("cible d'une zone (les cibles du paquet valent pour tout le réseau)", file, line, code)
                    continue
                target = number(row["target"], (file, line, table.names["target"]))
                day = date(row["target_date"], (file, line, table.names["target_date"]))
                if target is None or day is None:
                    report.skip("synthèse sans cible", file, line, code)
                    continue
                targets.append((code, day, target, file, line))
                continue
            value = number(row["value"], (file, line, table.names["value"]))
            day = date(row["date"], (file, line, table.names["date"]))
            if value is None or day is None:
                report.skip("ligne sans date ou sans valeur (espace réservé)", file, line, code)
                continue
            problem = out_of_range(unit, value)
            if problem:
                report.skip("valeur hors de l'échelle de son unité", file, line, f"{code} : {value} ({problem})")
                continue
            seen = observations[(structure, code)]
            if day in seen:
                reason = ("doublon exact" if seen[day][0] == value
                          else "deux valeurs à la même date (la première est gardée)")
                report.skip(reason, file, line, f"{code}, {structure}, {day.isoformat()}")
                continue
            seen[day] = (value, file, line)

    frequencies = _frequencies(mapping, observations)
    results: list[dict[str, Any]] = []
    for (structure, code), dated in observations.items():
        by_period: dict[str, tuple[dt.date, Decimal]] = {}
        for day in sorted(dated):
            value, file, line = dated[day]
            period = period_of(day, frequencies[code]).code
            if period in by_period:
                report.skip("plusieurs valeurs dans la même période (la plus récente est gardée)", file, line,
                            f"{code}, {structure}, {period}")
            by_period[period] = (day, value)
        results += [
            {"structure_id": structure, "indicator_id": code, "period": period, "value": decimal_text(value),
             "status": "final", "updated_on": day}
            for period, (day, value) in by_period.items()
        ]
    used = {code for _structure, code in observations}
    indicators = [
        indicator_row(mapping, code, network["id"], labels[code][0], labels[code][1], frequencies[code])
        for code in sorted(used)
    ]
    target_rows = {}
    for code, day, target, file, line in targets:
        if code not in used:
            report.skip("cible d'un indicateur sans résultat importé", file, line, code)
            continue
        target_rows[(code, period_of(day, frequencies[code]).code)] = {
            "network_id": network["id"], "indicator_id": code,
            "period": period_of(day, frequencies[code]).code, "target": decimal_text(target),
        }
    tables = {
        **geography_tables(geo),
        "networks": [network],
        "structures": zones.rows({s for s, _code in observations}),
        "indicators": indicators,
        "results": results,
        "targets": list(target_rows.values()),
    }
    newest = max((r["updated_on"] for r in results), default=None)
    return Imported(tables, dict(mapping["package"]), COVERED, newest)


def _unit(mapping: dict[str, Any], code: str, source_unit: str) -> str | None:
    declared = mapping.get("indicators", {}).get(code, {}).get("unit")
    return declared or mapping.get("units", {}).get(source_unit.strip())


def _frequencies(mapping: dict[str, Any], observations: dict) -> dict[str, str]:
    days: dict[str, list[dt.date]] = defaultdict(list)
    for (_structure, code), dated in observations.items():
        days[code] += list(dated)
    return {
        code: mapping.get("indicators", {}).get(code, {}).get("frequency") or infer_frequency(found)
        for code, found in days.items()
    }
