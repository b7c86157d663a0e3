"""The structures that publish results, laid out at each network's real publishing granularity.

Département networks get one caisse per département in its préfecture, région networks one per région
in its chef-lieu, site networks spread their sites over real towns (several per town at national
scale, told apart by a neighbourhood), and the national network has a single structure with no place.
Each structure's page address (`slug`) is stored in the data, chosen once from its name as a
maintainer would (core's slugify, so both scales give a structure the same address) and unique across
the package; no demo structure has been renamed, so `former_slugs` stays empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from results.core.slugs import slugify

from demo_data.catalog import NETWORKS, Network
from demo_data.geography import Geography, Town, of_place
from demo_data.records import record_class
from demo_data.scales import Scale

STREETS = (
    "rue de la République", "avenue du Général-de-Gaulle", "boulevard Gambetta", "rue Victor-Hugo",
    "rue Jean-Jaurès", "avenue de la Gare", "rue Pasteur", "place de la Mairie", "rue du Maréchal-Foch",
    "boulevard de la Liberté", "rue Nationale", "avenue Jean-Moulin", "rue des Écoles", "rue de Verdun",
    "place du Marché", "rue Carnot", "rue du 8-Mai-1945", "rue Émile-Zola", "boulevard Voltaire",
    "rue de la Paix", "allée des Tilleuls", "avenue Aristide-Briand", "rue Anatole-France",
    "rue Georges-Clemenceau", "rue du Général-Leclerc", "avenue de la Libération", "rue Saint-Martin",
    "rue des Acacias", "boulevard Pierre-Mendès-France", "rue Louis-Pasteur", "square Marcel-Pagnol",
)
NEIGHBOURHOODS = (
    "Centre", "Nord", "Sud", "Est", "Ouest", "Gare", "Hôtel de Ville", "Les Halles", "Faubourg", "Port",
    "Université", "Hôpital", "Parc d'activités", "Les Jardins", "Le Parc", "La Plaine", "Les Coteaux",
    "Le Lac", "Les Prés", "Bois-Joli",
)
OVERSEAS_HEALTH_FUNDS = {"971", "972", "973", "974"}


Structure = record_class(
    "structures", "Structure",
    "A row of structures.csv: one field per column of the programme's schema (demo_data/records.py).",
)


class _Builder:
    """Holds the random generator and the geography while the structures are laid out."""

    def __init__(self, geography: Geography, rng: np.random.Generator) -> None:
        self.geo = geography
        self.rng = rng
        self.names: set[str] = {n.name for n in NETWORKS}
        self.slugs: set[str] = set()

    def located(
        self, network: Network, id: str, name: str, typology: str, town: Town, *,
        parent_id: str = "", jitter: float = 0.006, may_lack_position: bool = False,
    ) -> Structure:
        """A structure at a plausible address of `town`, with its position when known."""
        slug = self.new_slug(name)
        number = int(self.rng.integers(1, 150))
        street = STREETS[int(self.rng.integers(len(STREETS)))]
        lat, lon = town.latitude + self.rng.uniform(-jitter, jitter), town.longitude + self.rng.uniform(-jitter, jitter)
        known = not (may_lack_position and self.rng.random() < 0.06)
        departement = self.geo.departement(town.departement_code)
        return Structure(
            id=id, slug=slug, former_slugs="", network_id=network.id, parent_id=parent_id, name=name,
            typology=typology, address=f"{number} {street}", postcode=town.postcode, commune=town.commune,
            commune_code=town.commune_code, departement_code=town.departement_code,
            region_code=departement.region_code,
            latitude=round(lat, 4) if known else None, longitude=round(lon, 4) if known else None,
        )

    def new_slug(self, name: str, *, unique_name: bool = True) -> str:
        """The address a maintainer would choose for a new structure: its name, slugified, never reused.

        `unique_name=False` for the one national structure that bears its network's name (the ANTS).
        """
        slug = slugify(name)
        if (unique_name and name in self.names) or slug in self.slugs:
            raise ValueError(f"nom ou adresse de structure en double : {name} ({slug})")
        self.names.add(name)
        self.slugs.add(slug)
        return slug

    # -- one structure per département or région ----------------------------------------------------
    def per_departement(self, network: Network, name_of: Callable[[str], str], typology: str) -> list[Structure]:
        return [
            self.located(network, f"{network.id_prefix}-{d.code}", name_of(d.code), typology,
                         self.geo.prefecture(d.code), jitter=0.004)
            for d in self.geo.departements
        ]

    def per_region(self, network: Network, name_of: Callable[[str], str], typology: str,
                   prefix: str | None = None) -> list[Structure]:
        return [
            self.located(network, f"{prefix or network.id_prefix}-{r.code}", name_of(r.code), typology,
                         self.geo.prefecture(r.capital_departement), jitter=0.004)
            for r in self.geo.regions
        ]

    # -- sites spread over towns ---------------------------------------------------------------------
    def allocate(self, count: int, towns: Sequence[Town], weight: Callable[[Town], float]) -> list[tuple[Town, int]]:
        """`count` sites over `towns` in proportion to `weight` (largest remainder, random ties).

        Returns (town, rank) pairs: rank 0 is the town's first site, later ones get a neighbourhood.
        """
        weights = np.array([weight(t) for t in towns], dtype=float)
        expected = count * weights / weights.sum()
        counts = np.floor(expected).astype(int)
        order = np.lexsort((self.rng.random(len(towns)), -(expected - counts)))
        counts[order[: count - int(counts.sum())]] += 1
        return [(town, rank) for town, n in zip(towns, counts, strict=True) for rank in range(n)]

    def sites(
        self, network: Network, allocation: list[tuple[Town, int]], name_of: Callable[[str], str],
        typology: str, parent_of: Callable[[Town], str] = lambda town: "",
    ) -> list[Structure]:
        """Number sites per département (FT-75-012) in town order and name them after their place."""
        sequence: dict[str, int] = {}
        structures = []
        for town, rank in allocation:
            sequence[town.departement_code] = sequence.get(town.departement_code, 0) + 1
            place = town.place if rank == 0 else f"{town.place} {neighbourhood(town, rank)}"
            structure_id = f"{network.id_prefix}-{town.departement_code}-{sequence[town.departement_code]:03d}"
            structures.append(self.located(network, structure_id, name_of(place), typology, town,
                                           parent_id=parent_of(town), may_lack_position=True))
        return structures


def neighbourhood(town: Town, rank: int) -> str:
    """Tell apart the sites of one town: "Nord", "Gare"…, then "secteur 23" once the list runs out."""
    names = [n for n in NEIGHBOURHOODS if n != town.district]
    return names[rank - 1] if rank <= len(names) else f"secteur {rank}"


def _town_weight(prefecture: float, district: float, other: float) -> Callable[[Town], float]:
    return lambda t: prefecture if t.is_prefecture else district if t.district else other


def _one_town_per_commune(towns: Sequence[Town]) -> list[Town]:
    """The préfecture entry of a commune split in districts, otherwise its first entry."""
    chosen: dict[tuple[str, str], Town] = {}
    for town in towns:
        key = (town.departement_code, town.commune)
        if key not in chosen or town.is_prefecture:
            chosen[key] = town
    return list(chosen.values())


def build_structures(geo: Geography, scale: Scale, rng: np.random.Generator) -> list[Structure]:
    """Every structure of every network, parents before their sites, in network order."""
    b = _Builder(geo, rng)
    networks = {n.id: n for n in NETWORKS}
    dep = geo.departement
    structures: list[Structure] = []

    structures += b.per_departement(networks["caf"], lambda c: f"CAF {dep(c).of_name}", "Caisse départementale")
    structures += b.per_departement(networks["assurance-maladie"], _health_fund_name(geo), "Caisse primaire")
    structures += b.per_region(networks["urssaf"], lambda c: f"Urssaf {geo.region(c).name}", "Urssaf régionale")
    structures += b.per_region(networks["assurance-retraite"], _pension_fund_name(geo), "Caisse régionale")
    structures += _france_travail(b, networks["france-travail"], scale)
    structures += _finances_publiques(b, networks["finances-publiques"], scale)

    police = networks["police-nationale"]
    allocation = b.allocate(scale.police, geo.towns, _town_weight(1.5, 1, 1))
    structures += b.sites(police, allocation, lambda p: f"Commissariat de police {of_place(p)}", "Commissariat")

    services = networks["france-services"]
    allocation = b.allocate(scale.france_services, geo.towns, _town_weight(0.3, 0.5, 1))
    structures += b.sites(services, allocation, lambda p: f"France Services {p}", "Espace France Services")

    structures += b.per_departement(networks["prefectures"], _prefecture_name(geo), "Préfecture")
    ants = networks["titres-securises"]
    ants_name = "Agence nationale des titres sécurisés"
    structures.append(Structure(id="ANTS", slug=b.new_slug(ants_name, unique_name=False), network_id=ants.id,
                                name=ants_name, typology="Agence nationale"))  # national: no place
    structures += _justice(b, networks["justice"], scale)
    return structures


def _health_fund_name(geo: Geography) -> Callable[[str], str]:
    def name(code: str) -> str:
        if code == "976":
            return "Caisse de sécurité sociale de Mayotte"
        prefix = "CGSS" if code in OVERSEAS_HEALTH_FUNDS else "CPAM"
        return f"{prefix} {geo.departement(code).of_name}"
    return name


def _pension_fund_name(geo: Geography) -> Callable[[str], str]:
    def name(code: str) -> str:
        region = geo.region(code)
        if code == "11" or len(geo.departements_of(code)) == 1:  # Île-de-France and overseas
            return f"Assurance retraite {region.name}"
        return f"Carsat {region.name}"
    return name


def _prefecture_name(geo: Geography) -> Callable[[str], str]:
    def name(code: str) -> str:
        return "Préfecture de police de Paris" if code == "75" else f"Préfecture {geo.departement(code).of_name}"
    return name


def _france_travail(b: _Builder, network: Network, scale: Scale) -> list[Structure]:
    """Regional directions, then agencies attached to the direction of their région."""
    directions = b.per_region(network, lambda c: f"Direction régionale France Travail {b.geo.region(c).name}",
                              "Direction régionale", prefix="FT-DR")
    allocation = b.allocate(scale.france_travail, b.geo.towns, _town_weight(2, 1, 1))
    parent = lambda town: f"FT-DR-{b.geo.departement(town.departement_code).region_code}"  # noqa: E731
    agencies = b.sites(network, allocation, lambda p: f"Agence France Travail {p}", "Agence", parent)
    return directions + agencies


def _finances_publiques(b: _Builder, network: Network, scale: Scale) -> list[Structure]:
    """Departmental directions (all of them, or a random few at demo scale), then their SIPs."""
    codes = [d.code for d in b.geo.departements]
    if scale.tax_departements < len(codes):
        codes = sorted(b.rng.choice(codes, size=scale.tax_departements, replace=False).tolist(),
                       key=codes.index)
    directions = [
        b.located(network, f"DDFIP-{code}",
                  f"Direction départementale des finances publiques {b.geo.departement(code).of_name}",
                  "Direction départementale", b.geo.prefecture(code), jitter=0.004)
        for code in codes
    ]
    towns = [t for t in b.geo.towns if t.departement_code in set(codes)]
    allocation = b.allocate(scale.tax_offices, towns, _town_weight(2, 1, 1))
    offices = b.sites(network, allocation, lambda p: f"Service des impôts des particuliers {of_place(p)}",
                      "Service des impôts des particuliers", lambda town: f"DDFIP-{town.departement_code}")
    return directions + offices


def _justice(b: _Builder, network: Network, scale: Scale) -> list[Structure]:
    """One tribunal per commune at most, named after the commune (never a district)."""
    towns = _one_town_per_commune(b.geo.towns)
    allocation = b.allocate(scale.courts, towns, _town_weight(3, 1, 1))
    if any(rank for _, rank in allocation):
        raise ValueError("plus de tribunaux demandés que de communes disponibles")
    structures = []
    sequence: dict[str, int] = {}
    for town, _ in allocation:
        sequence[town.departement_code] = sequence.get(town.departement_code, 0) + 1
        structure_id = f"{network.id_prefix}-{town.departement_code}-{sequence[town.departement_code]:03d}"
        structures.append(b.located(network, structure_id, f"Tribunal judiciaire {of_place(town.town_name)}",
                                    "Tribunal judiciaire", town, may_lack_position=True))
    return structures
