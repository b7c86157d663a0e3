"""What every source kind shares: recognising a file by its columns, the result of an import, the
reference geography, indicator rows built from the mapping's choices, and the period of a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from demo_data.geography import Geography, load_geography
from validation.checks.unit_range import UNIT_BOUNDS

from ..errors import SourceError
from ..mapping import indicator_choices
from ..report import ImportReport
from ..sourcefile import SourceTable, open_source
from ..writer import table_fields

Row = dict[str, Any]


@dataclass
class Imported:
    """A source's files turned into the programme's tables (rows as mappings, or tuples in column
    order for the big results table); `covered` names the tables this source owns: a re-import
    replaces their rows and keeps every other table (labels, experiences, actions…) as it was."""

    tables: dict[str, list[Any]]
    metadata: dict[str, Any]
    covered: tuple[str, ...]
    newest: dt.date | None = None  # the newest date in the data: the package's `as_of`
    hierarchy: dict[str, str] = field(default_factory=dict)  # structure → parent, for reports
    # translations.csv rows (`table, id, field, lang, text`) of a bilingual source: the other language's
    # names of its networks, structures and indicators (the tables keep French)
    translations: list[dict[str, str]] = field(default_factory=list)


def open_matching(path: Path, files: Mapping[str, Mapping[str, Any]], report: ImportReport) -> tuple[str, SourceTable]:
    """Open `path` as the first declared file kind whose required columns it has, by header name."""
    first_error: SourceError | None = None
    for kind, spec in files.items():
        try:
            table = open_source(path, spec["columns"], spec.get("required", ()))
        except SourceError as error:
            if error.line != 1 or error.column is None:
                raise
            if first_error is None or error.matched > first_error.matched:
                first_error = error
            continue
        report.opened(table.shown, table.format.describe(), table.ignored)
        return kind, table
    assert first_error is not None
    if len(files) > 1:
        kinds = ", ".join(files)
        first_error.fix = f"Ce fichier n'a les colonnes d'aucun des fichiers attendus ({kinds}). " + first_error.fix
    raise first_error


def geography_tables(geo: Geography) -> dict[str, list[Row]]:
    """The régions and départements tables, from the reference copied into the repository."""
    return {
        "regions": [{"code": r.code, "name": r.name} for r in geo.regions],
        "departements": [{"code": d.code, "name": d.name, "region_code": d.region_code} for d in geo.departements],
    }


def geography() -> Geography:
    return load_geography()


def indicator_row(mapping: Mapping[str, Any], code: str, network_id: str, label: str, unit: str,
                  frequency: str) -> Row:
    """indicators.csv's row for `code`: what the mapping declares for `code`, else what the source
    says (its label, unit, frequency), else the mapping's defaults."""
    choices = indicator_choices(mapping, code, unit)
    declared_frequency = mapping.get("indicators", {}).get(code, {}).get("frequency")
    return {
        "id": code,
        "network_id": network_id,
        "label": choices.get("label") or label,
        "original_label": choices.get("original_label") or label,
        "family": choices["family"],
        "unit": choices["unit"],
        "direction": choices["direction"],
        "decimals": int(choices["decimals"]),
        "frequency": declared_frequency or frequency or choices.get("frequency"),
        "aggregation": choices["aggregation"],
        "commitment_id": choices.get("commitment_id"),
        "methods": choices.get("methods"),
    }


def result_row_maker() -> Callable[[str, str, str, str, str], tuple[str, ...]]:
    """A function building a final result row as text in the schema's column order, fast enough for
    millions of rows (no mapping per row; the writer takes text tuples as they are)."""
    fields = table_fields()["results"]
    blank = dict.fromkeys(fields, "")
    positions = [fields.index(name) for name in ("structure_id", "indicator_id", "period", "value", "updated_on")]
    status = fields.index("status")
    template = list(blank.values())
    template[status] = "final"

    def make(structure_id: str, indicator_id: str, period: str, value: str, updated_on: str) -> tuple[str, ...]:
        row = template.copy()
        for position, text in zip(positions, (structure_id, indicator_id, period, value, updated_on), strict=True):
            row[position] = text
        return tuple(row)

    return make


def infer_frequency(days: list[dt.date]) -> str:
    """The frequency an undeclared indicator's dates suggest: always the same month → yearly, months
    three apart (March, June… or January, April…, whether a period is dated by its end or its start)
    → quarterly, otherwise monthly. The mapping's `frequency` overrides it (README)."""
    months = {day.month for day in days}
    if len(months) <= 1:
        return "yearly"
    if len({month % 3 for month in months}) == 1:
        return "quarterly"
    return "monthly"


def out_of_range(unit: str, value: Decimal) -> str | None:
    """Why `value` cannot be a `unit` (the validator's own bounds), or None when it can."""
    low, high, wording = UNIT_BOUNDS[unit]
    if (low is not None and value < low) or (high is not None and value > high):
        return f"attendu {wording}"
    return None


class Zones:
    """Zones of the Baromètre (both editions) as structures: ids and names from the mapping's patterns, parents from
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

    def of_zone(self, zone: str, file: str, line: int, report: ImportReport) -> str | None:
        """The structure of a zone written the second edition's way: `FRANCE`, `R84`, `D2A`."""
        zone = zone.strip().upper()
        if zone in ("FRANCE", "FR", "NAT"):
            return self.national_id
        if zone[:1] == "D":
            return self.structure({"departement": zone[1:]}, file, line, report)
        if zone[:1] == "R":
            return self.structure({"region": zone[1:]}, file, line, report)
        report.unmatched_reference("zone inconnue (attendu FRANCE, R… ou D…)", file, line, zone)
        return None

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
