"""The programme's own open-data exports (Services Publics+ portal, Opendatasoft CSV, `;`, UTF-8).

Four exports, recognised by their columns (mappings/opendatasoft.json), any of them optional: a
re-import of results alone matches them against the package's structures and indicators.
- structures: the 26-column export. Its quirks are repaired and reported: a BOM inside the first,
  re-quoted header; postcodes that lost their leading zero (`4000` → `04000`; shorter ones are left
  empty); INSEE codes with prefixes (`com53130`, `dep53`, `reg52`, `arr13055-02`); structures abroad
  (no French postcode or INSEE code); `Actif` = `Non` (set aside). Networks are upper-case labels
  without a code: their id is the label's slug unless the mapping's `networks` names them.
- indicators: no code and no direction. An indicator is the results' `code_sp_de_l_indicateur`;
  the export describes it by network and original title; the direction comes from the mapping
  (per indicator, else by unit).
- results: no period column. The period is the latest one of the indicator's frequency that has
  ended on the update date (values.period_ended_by); of two values for one period, the most recently
  updated wins. An indicator code nobody describes stops the import; an unknown structure code is
  reported and its rows set aside.
- experiences: they name their structure, not its code: matched by name (or public name) within
  typology and département; the others are reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from results.core.slugs import slugify

from ..errors import SourceError
from ..report import ImportReport
from ..sourcefile import SourceTable, normalize_header
from ..values import date, decimal_text, number, period_ended_by, text
from .common import (
    Imported,
    geography,
    geography_tables,
    indicator_row,
    open_matching,
    out_of_range,
    result_row_maker,
)

KIND = "opendatasoft"
ORDER = ("structures", "indicators", "results", "experiences")
_PREFIX = re.compile(r"^[a-z]+", re.IGNORECASE)
_NOT_CODE = re.compile(r"[^A-Z0-9-]+")


def structure_code(text: str) -> str:
    """A Code SP+ as the package's structure id (`^[A-Z0-9-]+$`): upper case, other characters → `-`."""
    return _NOT_CODE.sub("-", text.strip().upper()).strip("-")


def read(files: list[Path], mapping: dict[str, Any], report: ImportReport,
         existing: dict[str, list[dict[str, str]]] | None = None) -> Imported:
    existing = existing or {}
    opened: dict[str, list[SourceTable]] = defaultdict(list)
    for path in files:
        kind, table = open_matching(path, mapping["files"], report)
        opened[kind].append(table)
    state = _State(mapping, report, existing)
    for table in opened["structures"]:
        state.read_structures(table)
    for table in opened["indicators"]:
        state.read_indicators(table)
    for table in opened["results"]:
        state.read_results(table)
    for table in opened["experiences"]:
        state.read_experiences(table)
    covered = {"regions", "departements"}
    if opened["structures"]:
        covered |= {"networks", "structures"}
    if opened["results"]:
        covered |= {"indicators", "results"}
    if opened["experiences"]:
        covered.add("experiences")
    return state.imported(tuple(sorted(covered)))


class _State:
    """What the exports say, table by table, and the lookups the next export needs."""

    def __init__(self, mapping: dict[str, Any], report: ImportReport, existing: dict[str, list[dict[str, str]]]):
        self.mapping, self.report = mapping, report
        self.geo = geography()
        self.departement_codes = {d.code for d in self.geo.departements}
        self.departement_by_name = {normalize_header(d.name): d.code for d in self.geo.departements}
        self.region_codes = {r.code for r in self.geo.regions}
        # What the package already holds: for lookups only (a results export matched against the
        # package's structures); the tables written hold what the exports given now contain.
        self.known_networks = {n["id"]: n for n in existing.get("networks", [])}
        self.known_structures = {s["id"]: s for s in existing.get("structures", [])}
        self.known_indicators = {i["id"]: i for i in existing.get("indicators", [])}
        self.networks: dict[str, dict[str, Any]] = {}
        self.structures: dict[str, dict[str, Any]] = {}
        self.where: dict[str, tuple[str, int]] = {}  # structure → its line in the export
        self.aliases: dict[str, set[str]] = {}  # structure → its names (administrative, public), normalised
        self.indicators: dict[str, dict[str, Any]] = {}
        self.described: dict[tuple[str, str], dict[str, str]] = {}  # (network id, original title) → export row
        self.results: dict[tuple[str, str, str], tuple[str, tuple[str, ...]]] = {}  # key → (ISO update, row)
        self.experiences: list[dict[str, Any]] = []
        self.newest: dt.date | None = None
        self.abroad = 0
        self.result_row = result_row_maker()

    # networks and structures ------------------------------------------------------------------

    def network_id(self, label: str) -> str:
        """The network of an upper-case label (`POLICE NATIONALE`): the mapping's, or one named after it."""
        declared = self.mapping.get("networks", {}).get(label.strip(), {})
        network_id = declared.get("id") or slugify(label)
        if network_id in self.known_networks and network_id not in self.networks:
            self.networks[network_id] = dict(self.known_networks[network_id])
        if network_id not in self.networks:
            name = text(label, short=True)
            self.networks[network_id] = {
                "id": network_id, "name": declared.get("name", name), "short_name": declared.get("short_name", name),
                **self.mapping.get("network_defaults", {}),
                **{k: v for k, v in declared.items() if k not in ("id", "name", "short_name")},
            }
        return network_id

    def read_structures(self, table: SourceTable) -> None:
        file = table.shown
        for line, row in table.rows():
            self.report.row_read(file)
            code = structure_code(row["id"])
            if not code:
                self.report.skip("structure sans code SP+", file, line, row.get("name", ""))
                continue
            if normalize_header(row.get("active", "oui")) in ("non", "false", "0"):
                self.report.skip("structure inactive (Actif = Non)", file, line, code)
                continue
            structure: dict[str, Any] = {
                "id": code,
                "network_id": self.network_id(row["network"]),
                "parent_id": structure_code(row.get("parent_id", "")) or None,
                "name": text(row.get("public_name") or row["name"], short=True),
                "typology": text(row.get("typology", ""), short=True) or None,
                "address": text(", ".join(p for p in (row.get("address"), row.get("address_more")) if p)) or None,
                "commune": text(row.get("commune", ""), short=True) or None,
            }
            abroad = normalize_header(row.get("country") or "france") not in ("france", "fr", "")
            if abroad:
                self.abroad += 1
            else:
                structure.update(self._place(row, file, line, table))
            self.structures[code] = structure
            self.where[code] = (file, line)
            self.aliases[code] = {normalize_header(row["name"]), normalize_header(structure["name"])}

    def _place(self, row: dict[str, str], file: str, line: int, table: SourceTable) -> dict[str, Any]:
        """Postcode and INSEE codes of a structure in France, repaired where the export lost them."""
        place: dict[str, Any] = {}
        postcode = re.sub(r"\D", "", row.get("postcode", ""))
        if len(postcode) == 4:
            self.report.correct("code postal sans son zéro initial, complété", file, line, f"{postcode} → 0{postcode}")
            postcode = "0" + postcode
        elif postcode and len(postcode) != 5:
            self.report.correct("code postal incomplet, laissé vide", file, line, row.get("postcode", ""))
            postcode = ""
        place["postcode"] = postcode or None
        commune = _PREFIX.sub("", row.get("insee_commune", ""))
        if not commune:
            commune = _PREFIX.sub("", row.get("insee_arrondissement", "")).split("-")[0]
        commune = commune.zfill(5) if commune.isdigit() else commune.upper()
        place["commune_code"] = commune if re.fullmatch(r"\d{5}|2[AB]\d{3}", commune) else None
        departement = _PREFIX.sub("", row.get("insee_departement", "")).upper()
        departement = departement.zfill(2) if departement.isdigit() else departement
        if departement and departement not in self.departement_codes:
            self.report.unmatched_reference("département inconnu du Code officiel géographique (laissé vide)",
                                            file, line, row.get("insee_departement", ""))
            departement = ""
        region = _PREFIX.sub("", row.get("insee_region", "")).zfill(2) if row.get("insee_region") else ""
        if region and region not in self.region_codes:
            self.report.unmatched_reference("région inconnue du Code officiel géographique (laissée vide)",
                                            file, line, row.get("insee_region", ""))
            region = ""
        place["departement_code"] = departement or None
        place["region_code"] = region or None
        return place

    # indicators and results ------------------------------------------------------------------

    def read_indicators(self, table: SourceTable) -> None:
        file = table.shown
        for _line, row in table.rows():
            self.report.row_read(file)
            key = (self.network_id(row["network"]), normalize_header(row["original_label"]))
            self.described[key] = row

    def _unit(self, row: dict[str, str]) -> str | None:
        units = {normalize_header(k): v for k, v in self.mapping.get("units", {}).items()}
        for candidate in (row.get("unit", ""), row.get("unit_kind", "")):
            found = units.get(normalize_header(candidate))
            if found:
                return found
        return None

    def indicator(self, code: str, row: dict[str, str], frequency: str, where: tuple[str, int, str]) -> str | None:
        """The indicator id of a result row, created from the indicators export the first time."""
        indicator_id = slugify(code)
        if indicator_id in self.indicators:
            return indicator_id
        network_id = self.network_id(row["network"]) if row.get("network") else ""
        described = self.described.get((network_id, normalize_header(row.get("indicator_title", ""))))
        declared = self.mapping.get("indicators", {}).get(indicator_id)
        if described is None and declared is None and indicator_id in self.known_indicators:
            self.indicators[indicator_id] = dict(self.known_indicators[indicator_id])  # the package's own
            return indicator_id
        if described is None and declared is None:
            file, line, column = where
            raise SourceError(
                file, line, column,
                f"indicateur « {code} » inconnu : ni l'export des indicateurs (réseau « {row.get('network', '')} », "
                f"titre « {row.get('indicator_title', '')} ») ni le fichier de correspondance ne le décrivent.",
                "Importez aussi l'export des indicateurs, ou décrivez l'indicateur dans « indicators » du fichier "
                "de correspondance (--mapping).",
            )
        described = described or {}
        unit = self._unit(described) if described else None
        if unit is None and not (declared or {}).get("unit"):
            return None
        families = {normalize_header(k): v for k, v in self.mapping.get("families", {}).items()}
        indicator = indicator_row(self.mapping, indicator_id, network_id or None,
                                  text(described.get("label") or described.get("original_label") or code, short=True),
                                  unit or "", frequency)
        indicator["original_label"] = text(described.get("original_label") or row.get("indicator_title") or code,
                                           short=True)
        family = families.get(normalize_header(described.get("family", "")))
        if family and "family" not in (declared or {}):
            indicator["family"] = family
        indicator["methods"] = indicator["methods"] or text(described.get("methods", "")) or None
        self.indicators[indicator_id] = indicator
        return indicator_id

    def read_results(self, table: SourceTable) -> None:
        """Result rows, streamed; what repeats (an indicator code, a structure code, an update date) is
        worked out once: an export of 1.5 million rows has a few hundred of each."""
        file = table.shown
        frequencies = {normalize_header(k): v for k, v in self.mapping.get("frequencies", {}).items()}
        default_frequency = self.mapping["defaults"]["indicator"].get("frequency", "quarterly")
        structures = self.structures or self.known_structures
        indicator_of: dict[tuple[str, str], tuple[str, str] | str] = {}  # → (id, frequency) or a skip reason
        structure_of: dict[str, str] = {}
        period_of_day: dict[tuple[str, str], tuple[str, str] | None] = {}  # → (ISO date, period)
        value_column, updated_column = table.names["value"], table.names["updated"]
        newest: str | None = None  # ISO dates compare as text
        for line, row in table.rows():
            self.report.row_read(file)
            code, source_frequency = row["indicator_code"], row.get("frequency", "")
            found = indicator_of.get((code, source_frequency))
            if found is None:
                found = indicator_of[(code, source_frequency)] = self._result_indicator(
                    row, frequencies, default_frequency, (file, line, table.names["indicator_code"]))
            if isinstance(found, str):
                self.report.skip(found, file, line, f"{code} : « {source_frequency} »")
                continue
            indicator_id, frequency = found
            structure_id = structure_of.get(row["structure_id"])
            if structure_id is None:
                structure_id = structure_of[row["structure_id"]] = structure_code(row["structure_id"])
            if structure_id not in structures:
                self.report.unmatched_reference("résultat d'une structure inconnue (code absent des structures)",
                                                file, line, row["structure_id"])
                continue
            value = number(row["value"], (file, line, value_column))
            dated = period_of_day.get((row["updated"], frequency), False)
            if dated is False:
                updated = date(row["updated"], (file, line, updated_column))
                dated = period_of_day[(row["updated"], frequency)] = (
                    (updated.isoformat(), period_ended_by(updated, frequency).code) if updated else None)
            if value is None or dated is None:
                self.report.skip("ligne sans valeur ou sans date de mise à jour", file, line, f"{structure_id}, {code}")
                continue
            updated, period = dated
            problem = out_of_range(self.indicators[indicator_id]["unit"], value)
            if problem:
                self.report.skip("valeur hors de l'échelle de son unité", file, line, f"{code} : {value} ({problem})")
                continue
            key = (structure_id, indicator_id, period)
            earlier = self.results.get(key)
            if earlier is not None:
                self.report.skip("plusieurs valeurs pour une même période (la plus récente est gardée)", file, line,
                                 " / ".join(key))
                if earlier[0] > updated:
                    continue
            self.results[key] = (updated, self.result_row(structure_id, indicator_id, period, decimal_text(value),
                                                          updated))
            if newest is None or updated > newest:
                newest = updated
        if newest is not None:
            self.newest = max(self.newest or dt.date.min, dt.date.fromisoformat(newest))

    def _result_indicator(self, row: dict[str, str], frequencies: dict[str, str], default_frequency: str,
                          where: tuple[str, int, str]) -> tuple[str, str] | str:
        """The indicator id and frequency of a result row, or why its rows are set aside."""
        code, source_frequency = row["indicator_code"], row.get("frequency", "")
        declared = self.mapping.get("indicators", {}).get(slugify(code), {}).get("frequency")
        frequency = declared or frequencies.get(normalize_header(source_frequency))
        if frequency is None and source_frequency:
            return "fréquence sans équivalent (mensuelle, trimestrielle ou annuelle)"
        indicator_id = self.indicator(code, row, frequency or default_frequency, where)
        if indicator_id is None:
            return "unité sans équivalent dans le schéma du programme"
        return indicator_id, self.indicators[indicator_id]["frequency"]

    # experiences -------------------------------------------------------------------------------

    def read_experiences(self, table: SourceTable) -> None:
        file = table.shown
        published_states = {normalize_header(s) for s in self.mapping.get("published_states", [])}
        by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for structure in (self.structures or self.known_structures).values():
            for name in self.aliases.get(structure["id"], {normalize_header(structure["name"] or "")}):
                by_name[name].append(structure)
        for line, row in table.rows():
            self.report.row_read(file)
            if row.get("state") and normalize_header(row["state"]) not in published_states:
                self.report.skip("expérience non publiée", file, line, f"{row['id']} : {row['state']}")
                continue
            structure_id = self._experience_structure(row, by_name)
            if structure_id is None:
                self.report.unmatched_reference(
                    "expérience dont la structure n'a pu être identifiée (nom, typologie et département)",
                    file, line, f"{row['id']} : « {row['structure']} »")
                continue
            published = date(row["published"], (file, line, table.names["published"]))
            identifier = structure_code(row["id"])
            self.experiences.append({
                "id": identifier if identifier.startswith("EXP") else f"EXP-{identifier}",
                "structure_id": structure_id, "published_on": published,
                "title": text(row["title"], short=True), "text": text(row["text"]),
                "answer": text(row.get("answer", "")) or None,
            })

    def _experience_structure(self, row: dict[str, str], by_name: dict[str, list[dict[str, Any]]]) -> str | None:
        candidates = by_name.get(normalize_header(row["structure"]), [])
        typology = normalize_header(row.get("typology", ""))
        if typology:
            candidates = [s for s in candidates if normalize_header(s.get("typology") or "") == typology]
        departement = self.departement_by_name.get(normalize_header(row.get("departement", "")))
        if departement:
            candidates = [s for s in candidates if s.get("departement_code") == departement]
        return candidates[0]["id"] if len(candidates) == 1 else None

    # the package ---------------------------------------------------------------------------------

    def imported(self, covered: tuple[str, ...]) -> Imported:
        structures = list(self.structures.values())
        known = {s["id"] for s in structures} | set(self.known_structures)
        for structure in structures:
            if structure.get("parent_id") and structure["parent_id"] not in known:
                file, line = self.where[structure["id"]]
                self.report.unmatched_reference("structure parente inconnue ou inactive (rattachement laissé vide)",
                                                file, line, f"{structure['id']} → {structure['parent_id']}")
                structure["parent_id"] = None
        # An indicator published by structures of several networks, or of another network than the
        # one the indicators export names, is common to every network (the validator's rule).
        networks_of: dict[str, set[str]] = defaultdict(set)
        structures_by_id = {**self.known_structures, **self.structures}
        for (structure_id, indicator_id, _period) in self.results:
            networks_of[indicator_id].add(structures_by_id[structure_id]["network_id"])
        for indicator_id, networks in sorted(networks_of.items()):
            own = self.indicators[indicator_id].get("network_id")
            if own and networks != {own}:
                self.indicators[indicator_id]["network_id"] = None
                self.report.note(f"indicateur {indicator_id} : rattaché au réseau {own} par l'export des indicateurs "
                                 f"mais publié par : {', '.join(sorted(networks))} ; il devient commun à tous les "
                                 "réseaux (network_id vide).")
        if self.abroad:
            self.report.note(f"{self.abroad} structure(s) à l'étranger : importées sans code postal ni code Insee.")
        tables: dict[str, list[Any]] = {
            **geography_tables(self.geo),
            "networks": list(self.networks.values()) if self.structures else list(self.known_networks.values()),
            "structures": structures,
            "indicators": [i for i in self.indicators.values()],
            "results": [row for _updated, row in self.results.values()],  # text tuples, in column order
            "experiences": self.experiences,
        }
        return Imported(tables, dict(self.mapping["package"]), covered, self.newest)
