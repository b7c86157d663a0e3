"""Small Services Publics+ open-data exports written by the tests, each reproducing the real files'
quirks (issue #13): a BOM inside the first re-quoted header, postcodes without their leading zero or
shorter still, INSEE codes with prefixes, a structure abroad, an inactive one, upper-case network
labels, results without a period column, indicators without code or direction, experiences naming
their structure instead of giving its code."""

from __future__ import annotations

from pathlib import Path

STRUCTURE_HEADER = [
    "Code SP+ de la structure", "Intitulé du réseau", "Intitulé de la typologie", "Intitulé de la structure",
    "Intitulé structure usager", "Description de la structure", "Identifiant de la structure",
    "Type d'identifiant", "Code SP+ structure parent", "Intitulé de la structure parente", "Adresse",
    "Compléments Adresse", "Code postal de la structure", "Ville", "PAYS", "Codes Postaux", "Départements",
    "URL du site internet", "Boîte à lettre fonctionnelle", "Clé de tracking", "Actif",
    "Code sp+ de la typologie", "INSEE Ville", "INSEE Département", "INSEE Région", "INSEE Arrondissement",
]
CAF = "Caisse d'allocations familiales"


def structure(code: str, network: str, typology: str, name: str, public: str, parent: str, postcode: str,
              town: str, country: str, active: str, commune: str, departement: str, region: str,
              district: str = "") -> list[str]:
    return [code, network, typology, name, public, "", "", "", parent, "", "1 rue de la Paix", "", postcode, town,
            country, "", "", "https://example.org", "", "", active, "T1", commune, departement, region, district]


STRUCTURES = [
    structure("SP-NAT", "CNAF", "Caisse nationale", "CNAF", "Caisse nationale des allocations familiales", "",
              "75014", "Paris", "France", "Oui", "com75056", "dep75", "reg11"),
    structure("SP-CAF04", "CNAF", CAF, "CAF 04", "CAF des Alpes-de-Haute-Provence", "SP-NAT", "4000", "Digne-les-Bains",
              "France", "Oui", "com04070", "dep04", "reg93"),
    structure("SP-CAF13", "CNAF", CAF, "CAF 13", "CAF des Bouches-du-Rhône", "SP-NAT", "13002", "Marseille",
              "France", "Oui", "", "dep13", "reg93", "arr13055-02"),
    structure("SP-POL53", "POLICE NATIONALE", "Commissariat", "Commissariat de Laval", "", "", "530", "Laval",
              "France", "Oui", "com53130", "dep53", "reg52"),
    structure("SP-FS-MA", "France services", "Espace France services", "France services Casablanca", "", "",
              "20000", "Casablanca", "Maroc", "Oui", "", "", ""),
    structure("SP-OLD", "CNAF", CAF, "CAF fermée", "", "SP-NAT", "01000", "Bourg-en-Bresse", "France", "Non",
              "com01053", "dep01", "reg84"),
]

RESULT_HEADER = ["code_sp_du_resultat", "intitule_du_reseau", "typologie", "intitule_de_la_structure",
                 "code_sp_structure", "titre_original_de_l_indicateur", "code_sp_de_l_indicateur", "valeur",
                 "date_de_mise_a_jour", "frequence"]
DECROCHE = ("CNAF", "Taux de décroché téléphonique", "IND-DECROCHE")
DELAI = ("POLICE NATIONALE", "Délai de rendez-vous", "IND-DELAI")


def result(number: int, structure_code: str, indicator: tuple[str, str, str], value: str, updated: str,
           frequency: str = "Trimestrielle") -> list[str]:
    network, title, code = indicator
    return [f"R{number}", network, "", "", structure_code, title, code, value, updated, frequency]


RESULTS = [
    result(1, "SP-CAF04", DECROCHE, "85,5", "2024-04-14"),  # → 2024-Q1
    result(2, "SP-CAF04", DECROCHE, "86.0", "2024-05-02"),  # 2024-Q1 again, updated later: this one wins
    result(3, "SP-CAF04", DECROCHE, "87.1", "2024-07-10"),  # → 2024-Q2
    result(4, "SP-CAF13", DECROCHE, "79", "2024-07-11"),
    result(5, "SP-POL53", DELAI, "12", "2024-07-01", "Mensuelle"),  # → 2024-06
    result(6, "SP-GHOST", DECROCHE, "50", "2024-07-10"),  # a structure nobody lists
]

INDICATOR_HEADER = ["reseau", "intitule_original_de_l_indicateur", "intitule_usager_de_l_indicateur",
                    "type_d_indicateur", "sources_et_methodes", "type_d_unite", "unite"]
INDICATORS = [
    ["CNAF", "Taux de décroché téléphonique", "Appels décrochés", "Performance", "Appels reçus au 3230.", "Taux", "%"],
    ["POLICE NATIONALE", "Délai de rendez-vous", "Délai pour obtenir un rendez-vous", "Performance", "", "Durée",
     "jours"],
]

EXPERIENCE_HEADER = ["ID expérience", "Etat expérience", "Date de publication", "Titre", "Description",
                     "Posté comme", "Ressenti usager", "Intitulé département usager", "Intitulé région usager",
                     "Intitulé Typologie 1", "Canaux Typologie 1", "Intitulé structure 1",
                     "Statut réponse structure 1", "Réponse structure 1"]
EXPERIENCES = [
    ["1001", "Publiée", "2024-05-03T10:12:00+02:00", "Merci pour l'accueil", "Dossier traité en une semaine.",
     "Particulier", "positif", "Alpes-de-Haute-Provence", "Provence-Alpes-Côte d'Azur", CAF, "Accueil",
     "CAF des Alpes-de-Haute-Provence", "Répondu", "Merci de votre message."],
    ["1002", "Publiée", "2024-05-04T09:00:00+02:00", "Attente", "Trop d'attente.", "Particulier", "négatif",
     "Ain", "Auvergne-Rhône-Alpes", CAF, "Téléphone", "CAF inconnue", "", ""],
    ["1003", "Modérée", "2024-05-05T09:00:00+02:00", "Hors sujet", "…", "Particulier", "neutre",
     "Alpes-de-Haute-Provence", "", CAF, "", "CAF des Alpes-de-Haute-Provence", "", ""],
]


def _line(cells: list[str]) -> str:
    return ";".join('"' + c.replace('"', '""') + '"' if (";" in c or '"' in c) else c for c in cells)


def write_exports(folder: Path, structures: list[list[str]] = STRUCTURES, results: list[list[str]] = RESULTS,
                  indicators: list[list[str]] = INDICATORS, experiences: list[list[str]] = EXPERIENCES) -> list[Path]:
    """The four exports in `folder`, `;`-separated UTF-8; the structures' first header as the portal
    writes it: a quoted cell holding a BOM and the re-quoted name."""
    folder.mkdir(parents=True, exist_ok=True)
    first = '"\ufeff""Code SP+ de la structure"""'
    files = {
        "structures.csv": ";".join([first, *STRUCTURE_HEADER[1:]]) + "\n"
        + "".join(_line(row) + "\n" for row in structures),
        "resultats.csv": _line(RESULT_HEADER) + "\n" + "".join(_line(row) + "\n" for row in results),
        "indicateurs.csv": _line(INDICATOR_HEADER) + "\n" + "".join(_line(row) + "\n" for row in indicators),
        "experiences.csv": _line(EXPERIENCE_HEADER) + "\n" + "".join(_line(row) + "\n" for row in experiences),
    }
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    return [folder / name for name in files]
