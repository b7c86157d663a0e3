"""The columns of the per-page downloads: one definition drives the CSV header, the XLSX sheets, the
"À propos" sheet, the data dictionary on the data page and the published Table Schemas.

Column names reuse the package's field names (`structure_id`, `value`…) so a file downloaded from a
page joins with the full package without renaming.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Column:
    name: str
    title: str  # French, shown to people
    type: str  # Table Schema type
    description: str
    width: int = 14  # XLSX column width, in characters


RESULT_COLUMNS: tuple[Column, ...] = (
    Column(
        "structure_id", "Code de la structure", "string",
        "Code stable de la structure (colonne id de structures.csv).",
        16,
    ),
    Column("structure_name", "Structure", "string", "Nom de la structure tel qu'affiché au public.", 36),
    Column("network_id", "Code du réseau", "string", "Identifiant du réseau (colonne id de networks.csv).", 16),
    Column("network_name", "Réseau", "string", "Nom complet du réseau.", 28),
    Column(
        "departement_code", "Code département", "string",
        "Département de la structure ; vide pour une structure nationale.",
        10,
    ),
    Column("region_code", "Code région", "string", "Région de la structure ; vide pour une structure nationale.", 10),
    Column(
        "indicator_id", "Code de l'indicateur", "string",
        "Identifiant de l'indicateur (colonne id de indicators.csv).",
        18,
    ),
    Column("indicator_label", "Indicateur", "string", "Libellé de l'indicateur affiché au public.", 36),
    Column(
        "unit", "Unité", "string",
        "percent (%), days (jours), minutes, score_10 (note sur 10) ou points (score de -100 à +100).",
        10,
    ),
    Column("period", "Période", "string", "Période ISO : 2025 (année), 2025-Q3 (trimestre) ou 2025-07 (mois).", 10),
    Column(
        "value", "Valeur", "number",
        "Valeur publiée, dans l'unité de l'indicateur, sans arrondi ; "
        "vide si le résultat manque (voir missing_reason).",
        10,
    ),
    Column(
        "sample_size", "Nombre de réponses", "integer",
        "Taille de l'échantillon de l'enquête (indicateurs de qualité perçue).",
        10,
    ),
    Column(
        "ci_low", "Borne basse de l'intervalle de confiance", "number",
        "Borne basse de l'intervalle de confiance à 95 %, quand il est calculé.",
        10,
    ),
    Column(
        "ci_high", "Borne haute de l'intervalle de confiance", "number",
        "Borne haute de l'intervalle de confiance à 95 %, quand il est calculé.",
        10,
    ),
    Column(
        "status", "Statut", "string",
        "final (définitif), provisional (provisoire) ou revised (corrigé après publication).",
        10,
    ),
    Column("missing_reason", "Motif d'absence", "string", "Pourquoi la valeur manque, quand elle manque.", 28),
    Column("updated_on", "Mis à jour le", "date", "Date de dernière mise à jour du résultat (AAAA-MM-JJ).", 12),
    Column("note", "Note", "string", "Précision utile à la lecture du résultat.", 36),
)

AGGREGATE_COLUMNS: tuple[Column, ...] = (
    Column(
        "scope", "Échelle", "string",
        "network : valeur d'un réseau ; national : valeur de l'ensemble des structures.",
        10,
    ),
    Column("network_id", "Code du réseau", "string", "Réseau concerné ; vide pour une valeur nationale.", 16),
    Column("network_name", "Réseau", "string", "Nom complet du réseau ; vide pour une valeur nationale.", 28),
    Column("indicator_id", "Code de l'indicateur", "string", "Identifiant de l'indicateur.", 18),
    Column("indicator_label", "Indicateur", "string", "Libellé de l'indicateur affiché au public.", 36),
    Column("unit", "Unité", "string", "Unité de l'indicateur (voir la colonne unit des résultats).", 10),
    Column("period", "Période", "string", "Période ISO : 2025, 2025-Q3 ou 2025-07.", 10),
    Column(
        "value", "Valeur", "number",
        "Valeur calculée par le site à partir des résultats des structures, sans arrondi.",
        10,
    ),
    Column(
        "structure_count", "Nombre de structures", "integer",
        "Nombre de structures dont la valeur entre dans le calcul.",
        10,
    ),
    Column(
        "method", "Méthode", "string",
        "median : médiane des structures ; weighted_mean : moyenne pondérée par le nombre de réponses.",
        14,
    ),
)


def table_schema(columns: tuple[Column, ...], description: str) -> dict[str, Any]:
    """A Frictionless Table Schema for a download, so tools can type its columns."""
    return {
        "description": description,
        "fields": [
            {"name": c.name, "title": c.title, "type": c.type, "description": c.description} for c in columns
        ],
        "missingValues": [""],
    }
