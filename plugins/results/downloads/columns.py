"""The columns of the per-page downloads: one definition drives the CSV header, the XLSX sheets, the
"À propos" sheet, the data dictionary on the data page and the published Table Schemas.

Column names reuse the package's field names (`structure_id`, `value`…) so a file downloaded from a
page joins with the full package without renaming.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n.formats import N_


@dataclass(frozen=True)
class Column:
    name: str
    title: str  # French, shown to people (marked N_, translated where it is shown)
    type: str  # Table Schema type
    description: str
    width: int = 14  # XLSX column width, in characters


RESULT_COLUMNS: tuple[Column, ...] = (
    Column(
        "structure_id", N_("Code de la structure"), "string",
        N_("Code stable de la structure (colonne id de structures.csv)."),
        16,
    ),
    Column("structure_name", N_("Structure"), "string", N_("Nom de la structure tel qu'affiché au public."), 36),
    Column("network_id", N_("Code du réseau"), "string", N_("Identifiant du réseau (colonne id de networks.csv)."), 16),
    Column("network_name", N_("Réseau"), "string", N_("Nom complet du réseau."), 28),
    Column(
        "departement_code", N_("Code département"), "string",
        N_("Département de la structure ; vide pour une structure nationale."),
        10,
    ),
    Column("region_code", N_("Code région"), "string",
           N_("Région de la structure ; vide pour une structure nationale."), 10),
    Column(
        "indicator_id", N_("Code de l'indicateur"), "string",
        N_("Identifiant de l'indicateur (colonne id de indicators.csv)."),
        18,
    ),
    Column("indicator_label", N_("Indicateur"), "string", N_("Libellé de l'indicateur affiché au public."), 36),
    Column(
        "unit", N_("Unité"), "string",
        N_("percent (%), days (jours), minutes, score_10 (note sur 10) ou points (score de -100 à +100)."),
        10,
    ),
    Column("period", N_("Période"), "string",
           N_("Période ISO : 2025 (année), 2025-Q3 (trimestre) ou 2025-07 (mois)."), 10),
    Column(
        "value", N_("Valeur"), "number",
        N_("Valeur publiée, dans l'unité de l'indicateur, sans arrondi ; "
        "vide si le résultat manque (voir missing_reason)."),
        10,
    ),
    Column(
        "sample_size", N_("Nombre de réponses"), "integer",
        N_("Taille de l'échantillon de l'enquête (indicateurs de qualité perçue)."),
        10,
    ),
    Column(
        "ci_low", N_("Borne basse de l'intervalle de confiance"), "number",
        N_("Borne basse de l'intervalle de confiance à 95 %, quand il est calculé."),
        10,
    ),
    Column(
        "ci_high", N_("Borne haute de l'intervalle de confiance"), "number",
        N_("Borne haute de l'intervalle de confiance à 95 %, quand il est calculé."),
        10,
    ),
    Column(
        "status", N_("Statut"), "string",
        N_("final (définitif), provisional (provisoire) ou revised (corrigé après publication)."),
        10,
    ),
    Column("missing_reason", N_("Motif d'absence"), "string", N_("Pourquoi la valeur manque, quand elle manque."), 28),
    Column("updated_on", N_("Mis à jour le"), "date", N_("Date de dernière mise à jour du résultat (AAAA-MM-JJ)."), 12),
    Column("note", N_("Note"), "string", N_("Précision utile à la lecture du résultat."), 36),
)

AGGREGATE_COLUMNS: tuple[Column, ...] = (
    Column(
        "scope", N_("Échelle"), "string",
        N_("network : valeur d'un réseau ; national : valeur de l'ensemble des structures."),
        10,
    ),
    Column("network_id", N_("Code du réseau"), "string", N_("Réseau concerné ; vide pour une valeur nationale."), 16),
    Column("network_name", N_("Réseau"), "string", N_("Nom complet du réseau ; vide pour une valeur nationale."), 28),
    Column("indicator_id", N_("Code de l'indicateur"), "string", N_("Identifiant de l'indicateur."), 18),
    Column("indicator_label", N_("Indicateur"), "string", N_("Libellé de l'indicateur affiché au public."), 36),
    Column("unit", N_("Unité"), "string", N_("Unité de l'indicateur (voir la colonne unit des résultats)."), 10),
    Column("period", N_("Période"), "string", N_("Période ISO : 2025, 2025-Q3 ou 2025-07."), 10),
    Column(
        "value", N_("Valeur"), "number",
        N_("Valeur calculée par le site à partir des résultats des structures, sans arrondi."),
        10,
    ),
    Column(
        "structure_count", N_("Nombre de structures"), "integer",
        N_("Nombre de structures dont la valeur entre dans le calcul."),
        10,
    ),
    Column(
        "method", N_("Méthode"), "string",
        N_("median : médiane des structures ; weighted_mean : moyenne pondérée par le nombre de réponses."),
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
