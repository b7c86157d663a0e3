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

from ..report import ImportReport
from ..values import date, decimal_text, number, period_of, text
from .common import (
    Imported,
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
    zones = _Zones(geo, mapping["structures"], network["id"])
    labels: dict[str, tuple[str, str]] = {}  # indicator → (label, our unit), first seen
    observations: dict[tuple[str, str], dict[dt.date, tuple[Decimal, str, int]]] = defaultdict(dict)
    targets: list[tuple[str, dt.date, Decimal, str, int]] = []

    for path in files:
        kind, table = open_matching(path, mapping["files"], report)
        file = table.shown
        for line, row in table.rows():
            report.row_read(file)
            code = row["indicator_id"]
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


class _Zones:
    """Zones of the Baromètre as structures: ids and names from the mapping's patterns, parents from
    the reference geography (département → its région → France entière)."""

    def __init__(self, geo: Any, patterns: dict[str, dict[str, str]], network_id: str) -> None:
        self.geo, self.patterns, self.network_id = geo, patterns, network_id
        self.national_id = patterns["national"]["id"]
        self._departements = {d.code: d for d in geo.departements}
        self._regions = {r.code: r for r in geo.regions}

    def structure(self, row: dict[str, str], file: str, line: int, report: ImportReport) -> str | None:
        """The structure id of a row's zone; an unknown zone code is reported and the row set aside."""
        departement = row.get("departement", "")
        region = row.get("region", "")
        if departement:
            code = departement.zfill(2)
            if code not in self._departements:
                report.unmatched_reference("département inconnu du Code officiel géographique", file, line, departement)
                return None
            return self.patterns["departement"]["id"].format(code=code)
        if region:
            code = region.zfill(2)
            if code not in self._regions:
                report.unmatched_reference("région inconnue du Code officiel géographique", file, line, region)
                return None
            return self.patterns["region"]["id"].format(code=code)
        return self.national_id

    def rows(self, used: set[str]) -> list[dict[str, Any]]:
        """The structures with results, and every parent they need."""
        national = self.patterns["national"]
        rows: dict[str, dict[str, Any]] = {}
        region_pattern, departement_pattern = self.patterns["region"], self.patterns["departement"]

        def region_row(code: str) -> str:
            region = self._regions[code]
            sid = region_pattern["id"].format(code=code)
            rows[sid] = {"id": sid, "network_id": self.network_id, "parent_id": national["id"],
                         "name": region_pattern["name"].format(code=code, name=region.name),
                         "typology": region_pattern["typology"], "region_code": code}
            return sid

        for departement in self.geo.departements:
            sid = departement_pattern["id"].format(code=departement.code)
            if sid in used:
                rows[sid] = {"id": sid, "network_id": self.network_id, "parent_id": region_row(departement.region_code),
                             "name": departement_pattern["name"].format(code=departement.code, name=departement.name),
                             "typology": departement_pattern["typology"], "departement_code": departement.code,
                             "region_code": departement.region_code}
        for region in self.geo.regions:
            if region_pattern["id"].format(code=region.code) in used:
                region_row(region.code)
        rows[national["id"]] = {"id": national["id"], "network_id": self.network_id, "parent_id": None,
                                "name": national["name"], "typology": national["typology"]}
        return list(rows.values())
