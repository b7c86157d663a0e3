"""Expected monitoring figures recomputed straight from a package's CSVs (no plugin code), and a small
HTML table reader, so the tests compare the pages with an independent count."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from support.csvfiles import read_csv, read_table
from support.pages import normalise
from support.paths import MONITORING_FIXTURE as FIXTURE  # noqa: F401  (the monitoring tests import it from here)
from support.recompute import period_end


def share(part: int, whole: int) -> str:
    """The site's rounding of a share: half away from zero, no decimals, `67 %`."""
    return f"{int(100 * part / whole + 0.5)} %" if whole else "–"


def days(value: float | None) -> str:
    if value is None:
        return "–"
    rounded = int(value + 0.5)
    return f"{rounded} jour" if rounded < 2 else f"{rounded} jours"


@dataclass
class Expected:
    published: int
    total: int
    labels: dict[str, int]
    experiences: int
    answered: int
    median_days: float | None


class PackageFacts:
    """What the monitoring pages must say, computed from the CSVs with plain Python."""

    def __init__(self, descriptor: Path) -> None:
        folder = descriptor.parent
        self.as_of = dt.date.fromisoformat(json.loads(descriptor.read_text("utf-8"))["as_of"])
        self.networks = {n["id"]: n for n in read_csv(folder / "networks.csv")}
        self.structures = {s["id"]: s for s in read_csv(folder / "structures.csv")}
        self.results = read_table(descriptor, "results")
        self.labels = read_csv(folder / "labels.csv")
        self.experiences = read_csv(folder / "experiences.csv")
        self.actions = read_csv(folder / "actions.csv")
        self.regions = read_csv(folder / "regions.csv")
        self.departements = read_csv(folder / "departements.csv")
        network_of = {sid: s["network_id"] for sid, s in self.structures.items()}
        self.reference: dict[str, dt.date] = {}
        for row in self.results:
            if row["value"]:
                network = network_of[row["structure_id"]]
                self.reference[network] = max(self.reference.get(network, dt.date.min), period_end(row["period"]))
        self.publishing = {
            row["structure_id"] for row in self.results
            if row["value"] and period_end(row["period"]) == self.reference[network_of[row["structure_id"]]]
        }
        late = self.late_networks()
        self.publishing = {sid for sid in self.publishing if network_of[sid] not in late}  # late: never publishing

    def late_networks(self, grace_days: int = 75) -> set[str]:
        """Networks with an indicator whose last value is older than its last period ended by
        `as_of - grace_days` (periods of its own frequency)."""
        cutoff = self.as_of - dt.timedelta(days=grace_days)
        network_of = {sid: s["network_id"] for sid, s in self.structures.items()}
        last: dict[tuple[str, str], dt.date] = {}
        kind: dict[tuple[str, str], str] = {}
        for row in self.results:
            key = (network_of[row["structure_id"]], row["indicator_id"])
            kind[key] = "quarter" if "-Q" in row["period"] else ("month" if "-" in row["period"] else "year")
            if row["value"]:
                last[key] = max(last.get(key, dt.date.min), period_end(row["period"]))
        late = set()
        for key, period_kind in kind.items():
            if period_kind == "year":
                due = dt.date(cutoff.year - (0 if cutoff >= dt.date(cutoff.year, 12, 31) else 1), 12, 31)
            else:
                step = 3 if period_kind == "quarter" else 1
                month = cutoff.month - (cutoff.month - 1) % step + step - 1  # last month of cutoff's period
                end = period_end(f"{cutoff.year}-{month:02d}")
                if end > cutoff:  # that period is not over yet: the one before is due
                    first = dt.date(cutoff.year, month - step + 1, 1)
                    end = first - dt.timedelta(days=1)
                due = end
            if last.get(key, dt.date.min) < due:
                late.add(key[0])
        return late

    def current_level(self, structure_id: str) -> str | None:
        current = [
            label for label in self.labels
            if label["structure_id"] == structure_id
            and dt.date.fromisoformat(label["awarded_on"]) <= self.as_of <= dt.date.fromisoformat(label["valid_until"])
        ]
        return max(current, key=lambda label: label["awarded_on"])["level"] if current else None

    def expected(self, structure_ids: set[str]) -> Expected:
        levels = [self.current_level(sid) for sid in structure_ids]
        mine = [e for e in self.experiences if e["structure_id"] in structure_ids]
        answered = [e for e in mine if e["answer"].strip()]
        delays = [
            (dt.date.fromisoformat(e["answered_on"]) - dt.date.fromisoformat(e["published_on"])).days
            for e in answered if e["answered_on"]
        ]
        return Expected(
            published=len(structure_ids & self.publishing),
            total=len(structure_ids),
            labels={level: levels.count(level) for level in ("bronze", "argent", "or")},
            experiences=len(mine),
            answered=len(answered),
            median_days=statistics.median(delays) if delays else None,
        )

    def of_network(self, network_id: str) -> set[str]:
        return {sid for sid, s in self.structures.items() if s["network_id"] == network_id}

    def of_region(self, code: str) -> set[str]:
        return {sid for sid, s in self.structures.items() if s["region_code"] == code}

    def of_departement(self, code: str) -> set[str]:
        return {sid for sid, s in self.structures.items() if s["departement_code"] == code}


class TableReader(HTMLParser):
    """Rows of the table whose caption has a given id: each row a list of normalised cell texts."""

    def __init__(self, caption_id: str) -> None:
        super().__init__()
        self.caption_id = caption_id
        self.depth = 0  # > 0 while inside the wanted table
        self.in_wanted = False
        self.rows: list[list[str]] = []
        self.cell: list[str] | None = None
        self._pending_table = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "table":
            self._pending_table = True
            self.rows_of_table: list[list[str]] = []
        if tag == "caption" and values.get("id") == self.caption_id:
            self.in_wanted = True
        if tag == "tr" and self._pending_table:
            self.rows_of_table.append([])
        if tag in ("td", "th") and self._pending_table:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows_of_table[-1].append(normalise("".join(self.cell)))
            self.cell = None
        if tag == "table":
            if self.in_wanted:
                self.rows = self.rows_of_table
            self.in_wanted = False
            self._pending_table = False

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table_rows(page: Path, caption_id: str) -> list[list[str]]:
    reader = TableReader(caption_id)
    reader.feed(page.read_text("utf-8"))
    assert reader.rows, f"no table with caption #{caption_id} in {page}"
    return reader.rows


def rows_by_header(page: Path, caption_id: str) -> dict[str, list[str]]:
    """Body and footer rows keyed by their first cell (the row header)."""
    return {row[0]: row for row in table_rows(page, caption_id)[1:]}
