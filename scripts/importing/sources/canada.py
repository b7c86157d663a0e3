"""Canada's service standards (Government of Canada service inventory, open data): one row per service
standard per fiscal year.

Columns: `fiscal_yr, service_id, service_name_en, service_name_fr, service_standard_id,
service_standard_en, service_standard_fr, type, channel, …, target, volume_meeting_target,
total_volume, performance, …, target_met, …, owner_org, owner_org_title`. The programme's model:

- network = department (`owner_org`, e.g. `esdc-edsc`): its name is the French half of the bilingual
  `owner_org_title` ("English | Français"), its short name the French acronym of `owner_org`;
- structure = service (`SRV-<service_id>`, the mapping's pattern), named in French;
- indicator = service standard (`norme-<service_standard_id>`), a percentage of cases meeting it,
  measured per fiscal year (`2023-2024`, April to March; `2023-24` is read the same);
- result = `performance`, a fraction (0.9872) written as a percentage (98.72), with `total_volume`
  as its sample size; no performance but both volumes: their ratio; neither: a missing value with
  its reason;
- target = `target`, a fraction in recent files (0.8) but a percentage in older ones (80): a file
  whose targets include one above 1 is read as percentages, any other as fractions (reported).
  `ND`, `NA` and the mapping's other `missing` markers mean no value.

The source is bilingual; French stays the language of the tables (the programme's source language,
an English cell only where the French one is empty) and the English goes to the package's
translations (core/translations.py, `translations.csv`): a network's `name` (`owner_org_title`'s
English half), `short_name` (`owner_org`'s English acronym) and `description`; a structure's `name`
(`service_name_en`); an indicator's `label` (`service_standard_en`) and `methods` (worded from the
mapping's `types_en` / `channels_en`). A text the mapping overrides (in French) gets no English from the
source: it would no longer translate it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from results.core.periods import Period

from ..errors import SourceError
from ..report import ImportReport
from ..sourcefile import SourceTable
from ..values import decimal_text, number, text
from .common import Imported, indicator_row, open_matching

KIND = "canada"
ENGLISH = "en"
NETWORK_DESCRIPTION = {
    "fr": "Normes de service d'un ministère ou organisme fédéral, publiées dans l'inventaire des services du "
          "gouvernement du Canada.",
    "en": "Service standards of a federal department or agency, published in the Government of Canada's "
          "service inventory.",
}
COVERED = ("networks", "structures", "indicators", "results", "targets")
_FISCAL_YEAR = re.compile(r"^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")
HUNDRED = Decimal(100)


def fiscal_year(cell: str, where: tuple[str, int, str]) -> Period:
    """`2023-2024` (or `2023-24`, `2023/2024`) → the fiscal year April 2023 – March 2024."""
    match = _FISCAL_YEAR.match(cell.strip())
    if match:
        start, end = int(match[1]), match[2]
        if end in (str(start + 1), f"{(start + 1) % 100:02d}"):
            return Period(start, 0, "fiscal_year")
    file, line, column = where
    raise SourceError(file, line, column, f"« {cell[:40]} » n'est pas un exercice.",
                      "Attendu : deux années qui se suivent, ex. 2023-2024 (d'avril 2023 à mars 2024).")


def read(files: list[Path], mapping: dict[str, Any], report: ImportReport,
         existing: dict[str, list[dict[str, str]]] | None = None) -> Imported:
    """The standards files as the programme's tables (each export is whole: `existing` is not needed)."""
    missing = frozenset(mapping.get("missing", ()))
    networks: dict[str, dict[str, Any]] = {}
    structures: dict[str, dict[str, Any]] = {}
    indicators: dict[str, dict[str, Any]] = {}
    results: dict[tuple[str, str, str], dict[str, Any]] = {}
    targets: dict[tuple[str, str, str], dict[str, Any]] = {}
    english: dict[tuple[str, str, str], str] = {}
    for path in files:
        _kind, table = open_matching(path, mapping["files"], report)
        percent_targets = _targets_in_percent(table, missing)
        if percent_targets:
            report.notes.append(f"{table.shown} : cibles écrites en pourcentage (80), reprises telles quelles.")
        for line, row in table.rows():
            report.row_read(table.shown)
            _read_row(table, line, row, mapping, missing, percent_targets, report,
                      (networks, structures, indicators, results, targets), english)
    tables = {
        "networks": sorted(networks.values(), key=lambda r: r["id"]),
        "structures": sorted(structures.values(), key=lambda r: r["id"]),
        "indicators": sorted(indicators.values(), key=lambda r: r["id"]),
        "results": list(results.values()),
        "targets": list(targets.values()),
    }
    newest = max((r["updated_on"] for r in results.values()), default=None)
    translations = [{"table": table, "id": record_id, "field": name, "lang": ENGLISH, "text": value}
                    for (table, record_id, name), value in sorted(english.items()) if value]
    return Imported(tables, dict(mapping["package"]), COVERED, newest, translations=translations)


def _targets_in_percent(table: SourceTable, missing: frozenset[str]) -> bool:
    """Whether the file writes its targets as percentages (older files: 80) rather than fractions (0.8)."""
    for line, row in table.rows():
        value = number(row["target"], (table.shown, line, table.names["target"]), missing)
        if value is not None and value > 1:
            return True
    return False


def _read_row(table: SourceTable, line: int, row: dict[str, str], mapping: dict[str, Any],
              missing: frozenset[str], percent_targets: bool, report: ImportReport,
              into: tuple[dict[str, Any], ...], english: dict[tuple[str, str, str], str]) -> None:
    networks, structures, indicators, results, targets = into
    file = table.shown

    def where(role: str) -> tuple[str, int, str]:
        return (file, line, table.names[role])

    period = fiscal_year(row["fiscal_year"], where("fiscal_year"))
    performance = number(row["performance"], where("performance"), missing)
    volume = number(row["total_volume"], where("total_volume"), missing)
    met = number(row["volume_meeting_target"], where("volume_meeting_target"), missing) \
        if "volume_meeting_target" in table.names else None
    target = number(row["target"], where("target"), missing)
    org = row["owner_org"].strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", org) or not _code(row["service_id"]) or not _code(row["standard_id"]):
        report.skip("ligne sans ministère, service ou norme identifiable", file, line,
                    f"{row['owner_org']} / {row['service_id']} / {row['standard_id']}")
        return
    for value, role in ((performance, "performance"), (volume, "total_volume"), (met, "volume_meeting_target")):
        if value is not None and value < 0:
            report.skip("valeur négative", file, line, f"{table.names[role]} = {value}")
            return
    if performance is not None and performance > 1:
        report.skip("performance supérieure à 1 (attendue en fraction, ex. 0.9872)", file, line,
                    f"{row['standard_id']} : {performance}")
        return
    network_id = org
    if network_id not in networks:
        networks[network_id] = _network(mapping, org, row["owner_org_title"])
        english.update(_network_english(mapping, org, row["owner_org_title"]))
    structure_id = mapping["structures"]["id"].format(service_id=_code(row["service_id"]))
    if structure_id not in structures:
        structures[structure_id] = {
            "id": structure_id, "network_id": network_id, "parent_id": None,
            "name": text(row["service_name_fr"] or row["service_name_en"], short=True),
            "typology": mapping["structures"].get("typology"),
        }
        english[("structures", structure_id, "name")] = text(row["service_name_en"], short=True)
    indicator_id = mapping["indicator_id"].format(standard_id=_code(row["standard_id"]).lower())
    if indicator_id not in indicators:
        indicators[indicator_id] = _indicator(mapping, indicator_id, network_id, row)
        english.update(_indicator_english(mapping, indicator_id, row))
    key = (structure_id, indicator_id, period.code)
    if key in results:
        report.skip("norme déjà lue pour ce service et cet exercice (première ligne gardée)", file, line,
                    f"{row['standard_id']}, {period.code}")
        return
    value = performance
    if value is None and met is not None and volume:
        value = met / volume
        report.correct("performance absente, calculée (volume atteignant la cible / volume total)", file, line,
                       f"{row['standard_id']}, {period.code}")
    results[key] = {
        "structure_id": structure_id, "indicator_id": indicator_id, "period": period.code,
        "value": decimal_text(value * HUNDRED) if value is not None else None,
        "sample_size": decimal_text(volume) if volume is not None and volume == volume.to_integral() else None,
        "status": "final",
        "missing_reason": None if value is not None else "Non disponible dans la source (ND/NA)",
        "updated_on": period.end,
    }
    if target is not None:
        percent = target if percent_targets else target * HUNDRED
        if percent > HUNDRED:
            report.skip("cible au-delà de 100 %", file, line, f"{row['standard_id']} : {target}")
            return
        targets[(network_id, indicator_id, period.code)] = {
            "network_id": network_id, "indicator_id": indicator_id, "period": period.code,
            "target": decimal_text(percent),
        }


def _code(cell: str) -> str:
    """A source id as the package's ids want it: upper-case letters, digits and dashes."""
    return re.sub(r"[^A-Z0-9]+", "-", cell.strip().upper()).strip("-")


def _network(mapping: dict[str, Any], org: str, title: str) -> dict[str, Any]:
    """A department: `Employment and Social Development Canada | Emploi et Développement social Canada`
    → its French name; `esdc-edsc` → `EDSC`; what the mapping's `networks` says for `org` wins."""
    halves = [part.strip() for part in title.split("|")]
    name = text(halves[-1] or org, short=True)
    acronyms = org.split("-")
    short = acronyms[-1].upper() if len(acronyms) == 2 else name
    row = {"id": org, "name": name, "short_name": short, "description": NETWORK_DESCRIPTION["fr"],
           "website": None, "granularity": "national", "feedback_url_template": None}
    row.update(mapping.get("networks", {}).get(org, {}))
    return row


def _network_english(mapping: dict[str, Any], org: str, title: str) -> dict[tuple[str, str, str], str]:
    """`Employment and Social Development Canada | Emploi…` → its English name; `esdc-edsc` → `ESDC`.
    A bilingual title is "English | Français": a title without `|` has no English half."""
    halves = [part.strip() for part in title.split("|")]
    acronyms = org.split("-")
    english = {
        "name": text(halves[0], short=True) if len(halves) == 2 else "",
        "short_name": acronyms[0].upper() if len(acronyms) == 2 else "",
        "description": NETWORK_DESCRIPTION[ENGLISH],
    }
    if not english["short_name"] and english["name"]:
        english["short_name"] = english["name"]  # the French short name is the French name then
    overridden = mapping.get("networks", {}).get(org, {})
    return {("networks", org, name): value for name, value in english.items() if name not in overridden}


def _indicator(mapping: dict[str, Any], indicator_id: str, network_id: str, row: dict[str, str]) -> dict[str, Any]:
    """A service standard as an indicator: its French wording, a percentage measured per fiscal year;
    its type and channel (declared codes worded in French) go to its methods."""
    label = text(row["standard_fr"] or row["standard_en"], short=True)
    indicator = indicator_row(mapping, indicator_id, network_id, label, "percent", "fiscal_yearly")
    kind = mapping.get("types", {}).get(row.get("type", "").upper(), row.get("type", ""))
    channel = mapping.get("channels", {}).get(row.get("channel", "").upper(), row.get("channel", ""))
    service = text(row["service_name_fr"] or row["service_name_en"])
    details = [f"Norme de service du service « {service} »"]
    if kind:
        details.append(f"type : {text(kind)}")
    if channel:
        details.append(f"canal : {text(channel)}")
    indicator["methods"] = indicator["methods"] or (
        " ; ".join(details) + ". Part des demandes traitées dans le respect de la norme, par exercice "
        "(d'avril à mars) ; l'effectif est le volume total de demandes."
    )
    return indicator


def _indicator_english(mapping: dict[str, Any], indicator_id: str,
                       row: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """A standard's English label (`service_standard_en`) and methods, unless the mapping gives its own text."""
    declared = mapping.get("indicators", {}).get(indicator_id, {})
    english: dict[str, str] = {}
    if "label" not in declared:
        english["label"] = text(row["standard_en"], short=True)
    if "methods" not in declared:
        kind = mapping.get("types_en", {}).get(row.get("type", "").upper(), "")
        channel = mapping.get("channels_en", {}).get(row.get("channel", "").upper(), "")
        service = text(row["service_name_en"] or row["service_name_fr"])
        details = [f"Service standard of the service “{service}”"]
        if kind:
            details.append(f"type: {text(kind)}")
        if channel:
            details.append(f"channel: {text(channel)}")
        english["methods"] = ("; ".join(details) + ". Share of requests handled within the standard, per fiscal "
                              "year (April to March); the sample size is the total volume of requests.")
    return {("indicators", indicator_id, name): value for name, value in english.items()}

