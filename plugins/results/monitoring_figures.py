"""Programme monitoring figures: transparency, labels, users' voice and late results, for any grouping.

Pure pandas over the catalog, computed once per build: the structures become one small frame (id →
network, région, département) and every figure is a groupby over it, so the programme page, the 130
territory pages and the network pages cost one pass over the 1.5 M result rows, not one per page.

Definitions (also explained on the programme page):
- the *reference period* of a network is the most recent period for which at least one of its
  structures published a value (the same rule as `SiteViews.publishing_share`);
- a structure *published* when it has a value for a period ending on its network's reference period
  end and its network is not late (`network_delays`): a late network's structures never count as
  publishing; the *transparency rate* of a group is the share of its structures that published;
- a label is *current* at a date when `awarded_on ≤ date ≤ valid_until`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from .core.periods import Period, expected_latest_period
from .feedback import NO_EXPERIENCES, ExperienceFigures, experience_figures, experience_frame
from .figures import latest_period
from .model import Catalog

GROUP_COLUMNS = ("network_id", "region_code", "departement_code")


@dataclass(frozen=True)
class Transparency:
    """How many of a group's structures published results for their network's reference period."""

    published: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.published / self.total if self.total else None

    def above(self, threshold: Fraction) -> bool:
        """Strictly above the threshold (exact arithmetic: 2 of 3 is not above two thirds)."""
        return bool(self.total) and Fraction(self.published, self.total) > threshold


@dataclass(frozen=True)
class LabelCounts:
    """Labelled structures by level (a structure counts once, at its most recently awarded label)."""

    by_level: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_level)

    def count(self, level: str) -> int:
        return dict(self.by_level).get(level, 0)


NO_LABELS = LabelCounts(())


@dataclass(frozen=True)
class GroupFigures:
    """Everything the monitoring says about one network, territory or the whole programme."""

    transparency: Transparency
    labels: LabelCounts
    experiences: ExperienceFigures


@dataclass(frozen=True)
class QuarterFigures:
    """One quarter of a group's evolution; `transparency` is None when nothing was due that quarter."""

    quarter: Period
    transparency: Transparency | None
    labelled: int
    experiences: ExperienceFigures


def quarter_index(day: dt.date) -> int:
    return day.year * 4 + (day.month - 1) // 3


def quarter_of_index(index: int) -> Period:
    return Period(index // 4, index % 4 + 1, "quarter")


def structure_frame(catalog: Catalog) -> pd.DataFrame:
    """Structures indexed by id with their grouping keys (empty territory for national structures)."""
    frame = pd.DataFrame(
        [(s.id, s.network_id, s.region_code, s.departement_code) for s in catalog.structures.values()],
        columns=["structure_id", *GROUP_COLUMNS],
    )
    return frame.set_index("structure_id")


def result_rows(results: pd.DataFrame, structures: pd.DataFrame) -> pd.DataFrame:
    """The result rows reduced to what monitoring needs, with integer period ends and quarters.

    Mapping through categoricals touches each of the (many) rows once with numpy, never with Python.
    """
    periods = pd.Categorical(results["period"])
    parsed = [Period.parse(code) for code in periods.categories]
    ends = np.array([p.end.toordinal() for p in parsed], dtype="int64")
    quarters = np.array([quarter_index(p.end) for p in parsed], dtype="int64")
    owners = pd.Categorical(results["structure_id"])
    networks = pd.Categorical(structures["network_id"].reindex(owners.categories).fillna(""))
    return pd.DataFrame({
        "structure_id": results["structure_id"],
        "network_id": pd.Categorical.from_codes(networks.codes[owners.codes], categories=networks.categories),
        "indicator_id": results["indicator_id"],
        "period": results["period"],
        "end": ends[periods.codes],
        "quarter": quarters[periods.codes],
        "has_value": results["value"].notna(),
    })


def latest_periods(values: pd.DataFrame) -> dict[str, str]:
    """Each structure's latest period with a value; when periods end the same day, the finest one
    (`juin 2026` rather than `2e trimestre 2026`, as `figures.latest_period` names a network's)."""
    periods = values[["structure_id", "period", "end"]].drop_duplicates(["structure_id", "period"])
    starts = {code: Period.parse(code).start.toordinal() for code in periods["period"].unique()}
    periods = periods.assign(start=periods["period"].map(starts)).sort_values(["end", "start"], kind="stable")
    last = periods.groupby("structure_id", observed=True).tail(1)
    return dict(zip(last["structure_id"].astype(str), last["period"], strict=True))


def _reference_period(codes: pd.Series) -> Period:
    """Name the reference period with `figures.latest_period` itself, so that when a month and a quarter
    end the same day the network page and the monitoring pick the same one. `codes` keeps the results'
    row order, which `latest_period` follows to break that tie."""
    period = latest_period(pd.DataFrame({"period": codes.to_numpy(), "value": 1.0}))
    assert period is not None  # only called on non-empty groups
    return period


def current_labels(catalog: Catalog, day: dt.date) -> pd.DataFrame:
    """Structures holding a current label at `day`: structure_id → level of the latest award."""
    rows = [
        (label.structure_id, label.level, label.awarded_on)
        for label in catalog.labels
        if label.awarded_on <= day <= label.valid_until
    ]
    frame = pd.DataFrame(rows, columns=["structure_id", "level", "awarded_on"])
    frame = frame.sort_values(["structure_id", "awarded_on"]).drop_duplicates("structure_id", keep="last")
    return frame.set_index("structure_id")[["level"]]


class Monitoring:
    """All monitoring figures of one catalog at its `as_of` date, computed once, looked up by group."""

    def __init__(self, catalog: Catalog, quarters: int = 8, grace_days: int = 75, facts: Any = None) -> None:
        """`facts` (the build's `Facts`) lends its structure and experience frames instead of rebuilding them."""
        self.catalog = catalog
        self.as_of = catalog.info.as_of
        self.grace_days = grace_days
        self.structures = facts.structure_frame.copy() if facts is not None else structure_frame(catalog)
        self.rows = result_rows(catalog.results, self.structures)
        values = self.rows[self.rows["has_value"]]

        # Reference period and publication flag of every structure.
        reference_end = values.groupby("network_id", observed=True)["end"].max()
        codes = values["network_id"].cat.codes.to_numpy()
        reference_of_code = reference_end.reindex(values["network_id"].cat.categories).fillna(-1).to_numpy()
        at_reference = values[values["end"].to_numpy() == reference_of_code[codes]]
        self.reference_periods: dict[str, Period] = {
            network_id: _reference_period(group)
            for network_id, group in at_reference.groupby("network_id", observed=True)["period"]
        }
        self.structures["published"] = self.structures.index.isin(at_reference["structure_id"].unique())
        self.latest_periods = latest_periods(values)
        # A late network has not published the period it owes: none of its structures counts as
        # publishing, in every figure (programme, territories, home page, the network's own page).
        self.delays = network_delays(self)
        late = [network_id for network_id, delays in self.delays.items() if delays]
        self.structures.loc[self.structures["network_id"].isin(late), "published"] = False
        labels = current_labels(catalog, self.as_of)
        self.structures["label"] = labels["level"].reindex(self.structures.index)
        self.level_codes = sorted({label.level for label in catalog.labels})  # any scheme's codes
        self.experiences = (facts.experience_frame if facts is not None
                            else experience_frame(catalog.experiences, self.structures[list(GROUP_COLUMNS)]))
        self.quarters = self._quarter_range(quarters)
        self._cache: dict[tuple[str, ...], object] = {}

    # -- current figures -----------------------------------------------------------------------------
    def figures(self, *by: str) -> dict[object, GroupFigures]:
        """Figures per group: `figures("network_id")`, `figures("region_code", "network_id")`;
        `figures()` gives the whole programme under the key None."""
        key = ("figures", *by)
        if key not in self._cache:
            self._cache[key] = self._figures(list(by))
        return self._cache[key]  # type: ignore[return-value]

    def _figures(self, by: list[str]) -> dict[object, GroupFigures]:
        frame = self.structures.assign(_all=0)
        keys = by or ["_all"]
        counts = frame.groupby(keys, sort=False).agg(total=("published", "size"), published=("published", "sum"))
        levels = (
            frame[frame["label"].notna()].groupby([*keys, "label"], sort=False).size()
            if frame["label"].notna().any() else pd.Series(dtype="int64")
        )
        experiences = experience_figures(self.experiences, by)
        figures: dict[object, GroupFigures] = {}
        for group, row in counts.iterrows():
            group_key = None if not by else group
            label_key = group if isinstance(group, tuple) else (group,)
            by_level = tuple((level, int(levels.get((*label_key, level), 0))) for level in self.level_codes)
            figures[group_key] = GroupFigures(
                Transparency(int(row["published"]), int(row["total"])),
                LabelCounts(by_level),
                experiences.get(group_key, NO_EXPERIENCES),
            )
        return figures

    # -- evolution per quarter -----------------------------------------------------------------------
    def _quarter_range(self, count: int) -> list[int]:
        """The last `count` quarters completed at as_of (the quarter in progress is not reported yet)."""
        current = quarter_index(self.as_of)
        last = current if quarter_of_index(current).end == self.as_of else current - 1
        return list(range(last - count + 1, last + 1))

    def _due_quarters(self) -> list[tuple[str, int]]:
        """(network, quarter) pairs where a period of an indicator the network publishes ended and was due
        at as_of, from the first period it ever published: a quarter with no row at all there counts as
        0 % rather than "nothing due", so a network that stopped publishing shows it."""
        rows = self.rows
        first = rows.loc[rows.groupby(["network_id", "indicator_id"], observed=True)["end"].idxmin()]
        shown = set(self.quarters)
        due: set[tuple[str, int]] = set()
        for row in first.itertuples(index=False):
            indicator = self.catalog.indicators.get(row.indicator_id)
            if indicator is None or not shown:
                continue
            expected = expected_latest_period(indicator.frequency, self.as_of, self.grace_days)
            period = Period.parse(row.period)
            while period.end <= expected.end:
                if quarter_index(period.end) in shown:
                    due.add((str(row.network_id), quarter_index(period.end)))
                period = period.shifted(1)
        return sorted(due)

    def _quarter_publication(self) -> pd.DataFrame:
        """(structure, quarter) → published flag, for every quarter in which the structure's network
        had something to publish.

        A network's period for a quarter is the latest period ending in it with a value (or, when none
        has one, the latest period ending in it at all: everyone then counts as not published).
        """
        if "quarter_publication" in self._cache:
            return self._cache["quarter_publication"]  # type: ignore[return-value]
        rows = self.rows[self.rows["quarter"].isin(self.quarters)]
        values = rows[rows["has_value"]]
        due = rows.groupby(["network_id", "quarter"], observed=True)["end"].max()
        with_value = values.groupby(["network_id", "quarter"], observed=True)["end"].max()
        key = with_value.reindex(due.index).fillna(due).astype("int64").rename("key").reset_index()
        hits = values.merge(key, on=["network_id", "quarter"])
        hits = hits.loc[hits["end"] == hits["key"], ["structure_id", "quarter"]].drop_duplicates()
        hits["published"] = True
        due_quarters = pd.concat([
            key[["network_id", "quarter"]].astype({"network_id": str}),
            pd.DataFrame(self._due_quarters(), columns=["network_id", "quarter"]),
        ]).drop_duplicates()
        expected = self.structures[list(GROUP_COLUMNS)].reset_index().merge(due_quarters, on="network_id")
        expected = expected.merge(hits, on=["structure_id", "quarter"], how="left")
        expected["published"] = expected["published"].fillna(False).astype(bool)
        self._cache["quarter_publication"] = expected
        return expected

    def evolution(self, *by: str) -> dict[object, list[QuarterFigures]]:
        """Per group, one `QuarterFigures` per quarter shown (oldest first)."""
        key = ("evolution", *by)
        if key not in self._cache:
            self._cache[key] = self._evolution(list(by))
        return self._cache[key]  # type: ignore[return-value]

    def _evolution(self, by: list[str]) -> dict[object, list[QuarterFigures]]:
        keys = by or ["_all"]
        publication = self._quarter_publication().assign(_all=0)
        published = publication.groupby([*keys, "quarter"]).agg(
            total=("published", "size"), published=("published", "sum")
        )
        labelled = self._labelled_per_quarter(keys)
        experiences = self.experiences.assign(
            _all=0, quarter=[quarter_index(day) for day in self.experiences["published_on"]]
        )
        voice = experience_figures(experiences, [*keys, "quarter"]) if not experiences.empty else {}
        groups = self.figures(*by).keys()
        evolution: dict[object, list[QuarterFigures]] = {}
        for group in groups:
            prefix = (0,) if not by else (group if isinstance(group, tuple) else (group,))
            quarters = []
            for quarter in self.quarters:
                row_key = (*prefix, quarter)
                transparency = None
                if row_key in published.index:
                    row = published.loc[row_key]
                    transparency = Transparency(int(row["published"]), int(row["total"]))
                voice_key = row_key if len(row_key) > 1 else row_key[0]
                quarters.append(QuarterFigures(
                    quarter_of_index(quarter), transparency, int(labelled.get(row_key, 0)),
                    voice.get(voice_key, NO_EXPERIENCES),
                ))
            evolution[group] = quarters
        return evolution

    def _labelled_per_quarter(self, keys: list[str]) -> pd.Series:
        """Structures holding a current label on the last day of each quarter."""
        frames = []
        for quarter in self.quarters:
            labels = current_labels(self.catalog, quarter_of_index(quarter).end)
            frames.append(pd.DataFrame({"structure_id": labels.index, "quarter": quarter}))
        if not frames:
            return pd.Series(dtype="int64")
        labelled = pd.concat(frames).join(self.structures[list(GROUP_COLUMNS)], on="structure_id").assign(_all=0)
        return labelled.groupby([*keys, "quarter"]).size()


# -- late results ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delay:
    """One indicator of a network whose latest published period is older than its frequency allows."""

    indicator_id: str
    indicator_label: str
    last_period: Period | None  # None: rows exist but none has a value
    expected: Period


def network_delays(monitoring: Monitoring) -> dict[str, tuple[Delay, ...]]:
    """Per network, the indicators it publishes whose latest value is older than expected at as_of.

    An indicator a network never published at all is not checked (it may be new), but a network with
    no result row at all is late on its most frequent indicator.
    """
    catalog, rows = monitoring.catalog, monitoring.rows
    as_of, grace_days = monitoring.as_of, monitoring.grace_days
    present = rows.groupby(["network_id", "indicator_id"], observed=True).size()
    values = rows[rows["has_value"]]
    latest_rows = values.loc[values.groupby(["network_id", "indicator_id"], observed=True)["end"].idxmax()]
    latest = {(str(r.network_id), r.indicator_id): r.period for r in latest_rows.itertuples(index=False)}
    delays: dict[str, list[Delay]] = {network_id: [] for network_id in catalog.networks}
    for network_id, indicator_id in present.index:
        indicator = catalog.indicators.get(indicator_id)
        if indicator is None or str(network_id) not in delays:
            continue
        expected = expected_latest_period(indicator.frequency, as_of, grace_days)
        code = latest.get((str(network_id), indicator_id))
        last = Period.parse(code) if code else None
        if last is None or last.end < expected.end:
            delays[str(network_id)].append(Delay(indicator.id, indicator.label, last, expected))
    published_networks = {str(network_id) for network_id, _ in present.index}
    for network_id, found in delays.items():
        indicators = catalog.indicators_of_network(network_id)
        if network_id not in published_networks and indicators:
            rank = {"monthly": 0, "quarterly": 1, "yearly": 2, "fiscal_yearly": 2}
            finest = min(indicators, key=lambda i: rank[i.frequency])
            expected = expected_latest_period(finest.frequency, as_of, grace_days)
            found.append(Delay(finest.id, finest.label, None, expected))
    return {network_id: tuple(found) for network_id, found in delays.items()}
