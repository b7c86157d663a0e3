"""Canada's service standards files, written by the tests with the quirks of the real exports: a recent
file (fiscal years `2023-2024`, targets as fractions 0.8) and an older one (targets as percentages 80,
`ND` / `NA` for missing values, a fiscal year written `2021-22`)."""

from __future__ import annotations

from pathlib import Path

from importcheck import write_csv

HEADER = ["fiscal_yr", "service_id", "service_name_en", "service_name_fr", "service_standard_id",
          "service_standard_en", "service_standard_fr", "type", "channel", "channel_comments_en",
          "channel_comments_fr", "target", "volume_meeting_target", "total_volume", "performance",
          "comments_en", "comments_fr", "target_met", "owner_org", "owner_org_title"]
ESDC = ("esdc-edsc", "Employment and Social Development Canada | Emploi et Développement social Canada")
CRA = ("cra-arc", "Canada Revenue Agency | Agence du revenu du Canada")
OAS = ("1001", "Old Age Security (OAS) Benefits", "Prestations de la Sécurité de la vieillesse")
RETURNS = ("2002", "Individual income tax returns", "Déclarations de revenus des particuliers")


def standard(year: str, service: tuple[str, str, str], number: str, wording: tuple[str, str], kind: str,
             channel: str, target: str, met: str, total: str, performance: str, target_met: str,
             org: tuple[str, str]) -> list[str]:
    """One row of the export, in HEADER's order."""
    return [year, *service, number, *wording, kind, channel, "", "", target, met, total, performance, "", "",
            target_met, *org]


OAS_STANDARD = ("OAS basic benefits are paid within the first month of entitlement",
                "Les prestations de base de la SV sont versées au cours du premier mois d'admissibilité")
RETURNS_STANDARD = ("Paper returns are assessed within 8 weeks",
                    "Les déclarations papier sont traitées en 8 semaines")
RECENT = [
    standard("2023-2024", OAS, "925", OAS_STANDARD, "TML", "OTH", "0.9", "355302", "359919", "0.9872", "Y", ESDC),
    standard("2022-2023", OAS, "925", OAS_STANDARD, "TML", "OTH", "0.9", "315128", "359919", "0.8756", "N", ESDC),
    standard("2023-2024", RETURNS, "311", RETURNS_STANDARD, "TML", "MAI", "0.95", "", "1200000", "0.961", "Y",
             CRA),
]
OLDER = [
    standard("2021-22", OAS, "925", OAS_STANDARD, "TML", "OTH", "90", "290000", "320000", "0.90625", "Y", ESDC),
    standard("2021-2022", RETURNS, "311", RETURNS_STANDARD, "TML", "MAI", "80", "ND", "ND", "NA", "NA", CRA),
]


def write_standards(folder: Path, recent: list[list[str]] | None = None,
                    older: list[list[str]] | None = None) -> list[Path]:
    """The recent file (comma-separated, UTF-8 with BOM, like the portal's) and the older one."""
    return [write_csv(folder / "service_std.csv", HEADER, RECENT if recent is None else recent, prefix="\ufeff"),
            write_csv(folder / "service_std_2018-2023.csv", HEADER, OLDER if older is None else older)]
