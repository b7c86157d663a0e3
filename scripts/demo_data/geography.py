"""Real French geography copied into the repository (COG 2016+ régions, 101 départements, towns).

The generator never reads outside the repository: names and codes of régions and départements come
from the Baromètre des résultats de l'action publique (Etalab / DINUM, Licence Ouverte 2.0); the
département → région mapping, the towns, their postcodes, INSEE codes and approximate coordinates
were written by hand from the Code officiel géographique.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REFERENCE = Path(__file__).with_name("reference")
VOWELS = tuple("AEIOUYÂÉÈÊÎÔ")
ELIDED_H = ("Hyères", "Hérouville-Saint-Clair")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    capital_departement: str


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    region_code: str
    of_name: str  # "de l'Ain", "du Nord": how French names a service of the département


@dataclass(frozen=True)
class Town:
    """One place a site can stand in: a commune, or a district of a large one (its own postcode)."""

    departement_code: str
    commune: str
    district: str
    postcode: str
    commune_code: str
    latitude: float
    longitude: float
    is_prefecture: bool
    place: str  # how the place is named in a site's name: "Toulouse Mirail", "Saint-Denis (La Réunion)"
    town_name: str  # the commune as named in a site's name, without the district


class Geography:
    """Régions, départements and towns in file order, with lookups by code."""

    def __init__(self, regions: list[Region], departements: list[Departement], towns: list[Town]) -> None:
        self.regions = tuple(regions)
        self.departements = tuple(departements)
        self.towns = tuple(towns)
        self._regions = {r.code: r for r in regions}
        self._departements = {d.code: d for d in departements}
        self._prefectures = {t.departement_code: t for t in towns if t.is_prefecture}

    def departement(self, code: str) -> Departement:
        return self._departements[code]

    def region(self, code: str) -> Region:
        return self._regions[code]

    def prefecture(self, departement_code: str) -> Town:
        return self._prefectures[departement_code]

    def departements_of(self, region_code: str) -> list[Departement]:
        return [d for d in self.departements if d.region_code == region_code]


def _read(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def load_geography() -> Geography:
    """Read the reference tables once; they are small and immutable."""
    regions = [Region(r["code"], r["name"], r["capital_departement"]) for r in _read("regions.csv")]
    departements = [
        Departement(d["code"], d["name"], d["region_code"], d["of_name"]) for d in _read("departements.csv")
    ]
    names = {d.code: d.name for d in departements}
    rows = _read("communes.csv")
    homonyms = Counter(name for name, _ in {(r["commune"], r["departement_code"]) for r in rows})
    towns = []
    for row in rows:
        town_name = row["commune"]
        if homonyms[town_name] > 1:  # Saint-Denis exists in Seine-Saint-Denis and in La Réunion
            town_name = f"{town_name} ({names[row['departement_code']]})"
        place = f"{town_name} {row['district']}" if row["district"] else town_name
        towns.append(Town(
            row["departement_code"], row["commune"], row["district"], row["postcode"], row["commune_code"],
            float(row["latitude"]), float(row["longitude"]), row["prefecture"] == "1", place, town_name,
        ))
    return Geography(regions, departements, towns)


def of_place(place: str) -> str:
    """French "de" before a place name: "de Rennes", "d'Évreux", "du Havre", "des Sables-d'Olonne"."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if place.startswith(article):
            return contracted + place[len(article):]
    if place.startswith(VOWELS) or place.startswith(ELIDED_H):
        return f"d'{place}"
    return f"de {place}"
