"""Expected figures computed straight from the CSVs, without the plugin's code (for honest tests)."""

from __future__ import annotations

import re
import statistics
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from support.csvfiles import read_csv, read_table
from support.recompute import slug

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def period_key(code: str) -> tuple[int, int]:
    year, _, rest = code.partition("-")
    if not rest:
        return int(year), 12
    if rest.startswith("Q"):
        return int(year), 3 * int(rest[1])
    return int(year), int(rest)


def period_in_words(code: str) -> str:
    """`au 3e trimestre 2025`, `en juillet 2025`, `en 2025`."""
    year, _, rest = code.partition("-")
    if not rest:
        return f"en {year}"
    if rest.startswith("Q"):
        rank = "1er" if rest == "Q1" else f"{rest[1]}e"
        return f"au {rank} trimestre {year}"
    return f"en {MONTHS[int(rest) - 1]} {year}"


def previous_code(code: str) -> str:
    year, _, rest = code.partition("-")
    if not rest:
        return str(int(year) - 1)
    if rest.startswith("Q"):
        quarter = int(rest[1])
        return f"{year}-Q{quarter - 1}" if quarter > 1 else f"{int(year) - 1}-Q4"
    month = int(rest)
    return f"{year}-{month - 1:02d}" if month > 1 else f"{int(year) - 1}-12"


def french_number(value: float, decimals: int, signed: bool = False) -> str:
    # Half-up on the number as written (86.45 → 86,5), float noise dropped first, as pages round it.
    written = Decimal(repr(round(abs(value), decimals + 6)))
    rounded = float(written.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))
    text = f"{rounded:,.{decimals}f}".replace(",", " ").replace(".", ",")
    if value < 0 and rounded:
        return f"−{text}"
    return f"+{text}" if signed and rounded else text


def french_value(value: float, unit: str, decimals: int) -> str:
    number = french_number(value, decimals, signed=unit == "points")
    suffix = {"percent": " %", "days": " jours", "minutes": " min", "score_10": "/10", "points": ""}[unit]
    if unit == "days" and abs(float(number.lstrip("+−").replace(" ", "").replace(",", "."))) < 2:
        suffix = " jour"  # French plural from 2 upwards, read on the number as shown ("2,0 jours")
    return number + suffix


class PackageFacts:
    """The package's tables, read with the csv module."""

    def __init__(self, descriptor: Path) -> None:
        folder = descriptor.parent
        self.structures = {row["id"]: row for row in read_csv(folder / "structures.csv")}
        self.networks = {row["id"]: row for row in read_csv(folder / "networks.csv")}
        self.indicators = {row["id"]: row for row in read_csv(folder / "indicators.csv")}
        self.results = read_table(descriptor, "results")
        self.by_series: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.by_indicator_period: dict[tuple[str, str], list[dict[str, str]]] = {}
        for row in self.results:
            self.by_series.setdefault((row["structure_id"], row["indicator_id"]), []).append(row)
            self.by_indicator_period.setdefault((row["indicator_id"], row["period"]), []).append(row)
        self.regions = read_csv(folder / "regions.csv")
        self.departements = read_csv(folder / "departements.csv")

    def series(self, structure_id: str, indicator_id: str) -> list[dict[str, str]]:
        rows = self.by_series.get((structure_id, indicator_id), [])
        return sorted(rows, key=lambda r: period_key(r["period"]))

    def latest(self, structure_id: str, indicator_id: str) -> dict[str, str] | None:
        with_value = [r for r in self.series(structure_id, indicator_id) if r["value"]]
        return with_value[-1] if with_value else None

    def network_value(self, network_id: str, indicator_id: str, period: str) -> float | None:
        rows = [r for r in self.by_indicator_period.get((indicator_id, period), [])
                if r["value"] and self.structures[r["structure_id"]]["network_id"] == network_id]
        if not rows:
            return None
        if self.indicators[indicator_id]["aggregation"] == "weighted_mean":
            weighted = [(float(r["value"]), float(r["sample_size"])) for r in rows if r["sample_size"]]
            total = sum(n for _, n in weighted)
            if total > 0:
                return sum(v * n for v, n in weighted) / total
        return statistics.median(float(r["value"]) for r in rows)


def slug_of_departement(row: dict[str, str]) -> str:
    return slug(f"{row['code']}-{row['name']}")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def departement_value(facts: PackageFacts, departement: str, indicator_id: str, period: str) -> float | None:
    """A département's value: its structures' values aggregated as the indicator says (like networks)."""
    rows = [r for r in facts.by_indicator_period.get((indicator_id, period), [])
            if r["value"] and facts.structures[r["structure_id"]]["departement_code"] == departement]
    if not rows:
        return None
    if facts.indicators[indicator_id]["aggregation"] == "weighted_mean":
        weighted = [(float(r["value"]), float(r["sample_size"])) for r in rows if r["sample_size"]]
        total = sum(n for _, n in weighted)
        if total > 0:
            return sum(v * n for v, n in weighted) / total
    return statistics.median(float(r["value"]) for r in rows)
