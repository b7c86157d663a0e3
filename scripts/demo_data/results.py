"""Results and targets: one row per structure × indicator × period, simulated a whole network at once.

Each value is level + trend + noise: the level depends on a structure's overall quality (shared by
its indicators) and on the indicator; survey results are drawn from a binomial (or normal) sample of
the size a structure of that kind really gets, so small sites have wide confidence intervals and
sometimes too few answers to publish. Everything is numpy arrays of shape (structures, periods):
the national scale (1.5 million rows) takes seconds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from results.core.fields import FieldMismatchError

from demo_data.catalog import Indicator, Network, network_indicators
from demo_data.periods import AS_OF, BY_FREQUENCY, LATEST_QUARTER, QUARTER_COUNT
from demo_data.writer import format_scaled

SMALL_SAMPLE = "Moins de 10 réponses : résultat non diffusé"
CLOSED = "Fermeture temporaire du site pour travaux"
GAP_REASONS = {
    "performance": ("Données non transmises dans les délais", "Incident technique du système de mesure",
                    "Indicateur en cours de fiabilisation"),
    "perceived_quality": ("Enquête suspendue pendant la période", "Données non transmises dans les délais",
                          "Changement de prestataire d'enquête"),
}
REVISION_NOTES = (
    "Valeur corrigée après publication : erreur de saisie dans l'extraction initiale.",
    "Valeur corrigée après publication : réponses en double retirées de l'enquête.",
    "Valeur corrigée après publication : périmètre de calcul rectifié.",
)
UNIT_BOUNDS = {"percent": (0, 100), "points": (-100, 100), "score_10": (0, 10), "days": (0, 1e6), "minutes": (0, 1e6)}
SCORE_SD = 1.6  # spread of one answer on a 0-10 scale
PASSIVE = 0.25  # share of answers 7 or 8 in a net score
PERIODS_PER_QUARTER = {"quarterly": 1.0, "monthly": 1 / 3, "yearly": 4.0}
GAP_RATE, CLOSURE_RATE, REVISION_RATE = 0.012, 0.01, 0.004
Z95 = 1.96


@dataclass(frozen=True)
class NetworkDraw:
    """What a network's structures share across indicators: quality, audience, publication window."""

    ids: np.ndarray
    quality: np.ndarray  # standard normal; positive is better whatever the direction
    audience: np.ndarray  # expected survey answers per quarter
    first_quarter: np.ndarray
    last_quarter: np.ndarray
    closed: np.ndarray  # (structures, quarters): site closed, every indicator missing


def draw_network(network: Network, ids: list[str], rng: np.random.Generator) -> NetworkDraw:
    """Structure-level traits; a share of structures stops publishing early (transparency gaps)."""
    n = len(ids)
    behaviour = network.behaviour
    site = network.granularity == "site"
    quality = rng.standard_normal(n)
    audience = behaviour.sample * rng.lognormal(0.0, 0.4 if site else 0.3, n)
    first = np.zeros(n, dtype=int)
    joined_late = rng.random(n) < (0.06 if site else 0.0)
    first[joined_late] = rng.integers(1, 6, int(joined_late.sum()))
    last = np.full(n, behaviour.last_quarter)
    silent = rng.random(n) >= behaviour.publishing_share
    stop_early = rng.integers(4, behaviour.last_quarter - 1, n)
    last[silent] = np.where(rng.random(n) < 0.6, behaviour.last_quarter - 1, stop_early)[silent]
    closed = (rng.random((n, QUARTER_COUNT)) < CLOSURE_RATE) & site
    return NetworkDraw(np.array(ids, dtype=object), quality, audience, first, last, closed)


def network_results(network: Network, ids: list[str], rng: np.random.Generator,
                    fields: Sequence[str]) -> list[np.ndarray]:
    """Every result row of a network as one string column per field, in the descriptor's order
    (`fields`), rows ordered by structure, then indicator, then period."""
    draw = draw_network(network, ids, rng)
    blocks = [_indicator_block(network, indicator, draw, rng) for indicator in network_indicators(network.id)]
    keep = np.concatenate([block.pop("_keep") for block in blocks], axis=1)
    if blocks and set(blocks[0]) != set(fields):
        raise FieldMismatchError(f"results : colonnes simulées {sorted(blocks[0])}, colonnes du descripteur {fields}")
    return [np.concatenate([block[field] for block in blocks], axis=1)[keep] for field in fields]


def _indicator_block(network: Network, indicator: Indicator, draw: NetworkDraw,
                     rng: np.random.Generator) -> dict[str, np.ndarray]:
    """All periods of one indicator for all structures, as string columns of shape (n, periods)."""
    periods = BY_FREQUENCY[indicator.frequency]
    n, count = len(draw.ids), len(periods)
    quarter = np.array([p.quarter_index for p in periods])
    truth = _true_values(network, indicator, draw, periods, rng)
    if indicator.is_survey:
        value, low, high, answers = _survey(indicator, truth, draw, rng)
    else:
        value = _clip(indicator, truth + rng.standard_normal((n, count)) * indicator.simulation.noise)
        low = high = answers = None

    gap = rng.random((n, count)) < GAP_RATE
    closed = draw.closed[:, quarter]
    small = answers < 10 if answers is not None else np.zeros((n, count), dtype=bool)
    missing = gap | closed | small
    reason = np.full((n, count), "", dtype=object)
    reasons = GAP_REASONS[indicator.family]
    reason[gap] = np.array(reasons, dtype=object)[rng.integers(len(reasons), size=int(gap.sum()))]
    reason[small & ~gap] = SMALL_SAMPLE
    reason[closed] = CLOSED

    status, note, updated = _status(network, indicator, periods, missing, rng)
    columns = _number_columns(indicator, value, low, high, answers, missing, gap | closed)
    columns |= {
        "structure_id": np.broadcast_to(draw.ids[:, None], (n, count)),
        "indicator_id": np.full((n, count), indicator.id, dtype=object),
        "period": np.broadcast_to(np.array([p.code for p in periods], dtype=object), (n, count)),
        "status": status, "missing_reason": reason, "updated_on": updated, "note": note,
        "_keep": (quarter >= draw.first_quarter[:, None]) & (quarter <= draw.last_quarter[:, None]),
    }
    return columns


def _true_values(network: Network, indicator: Indicator, draw: NetworkDraw, periods: tuple,
                 rng: np.random.Generator) -> np.ndarray:
    """Level (structure quality + own effect) + structure-specific trend + seasonality."""
    sim = indicator.simulation
    base = {"satisfaction": network.behaviour.satisfaction, "taux-decroche": network.behaviour.pickup}.get(
        indicator.id, sim.base)
    sign = 1.0 if indicator.direction == "higher" else -1.0
    n = len(draw.ids)
    level = base + sign * sim.spread * (0.6 * draw.quality + 0.8 * rng.standard_normal(n))
    slope = sim.slope * (1.0 + 0.5 * rng.standard_normal(n))
    time = np.array([p.time for p in periods])
    season = np.array([sim.season[p.month - 1] for p in periods]) if sim.season else np.zeros(len(periods))
    return level[:, None] + slope[:, None] * time[None, :] + season[None, :]


def _survey(indicator: Indicator, truth: np.ndarray, draw: NetworkDraw,
            rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Observed value, 95 % interval and number of answers of a survey indicator."""
    sim = indicator.simulation
    expected = draw.audience * sim.sample_share * PERIODS_PER_QUARTER[indicator.frequency]
    answers = rng.poisson(np.broadcast_to(expected[:, None], truth.shape))
    answered = np.maximum(answers, 1)
    if indicator.unit == "percent":
        satisfied = rng.binomial(answers, np.clip(truth, sim.low, sim.high) / 100)
        share = satisfied / answered
        low, high = wilson_interval(share, answered)
        return 100 * share, 100 * low, 100 * high, answers
    if indicator.unit == "points":
        return (*_net_score(truth, answers, rng), answers)
    error = SCORE_SD / np.sqrt(answered)
    value = _clip(indicator, truth + rng.standard_normal(truth.shape) * error)
    return value, value - Z95 * error, value + Z95 * error, answers


def _net_score(truth: np.ndarray, answers: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, ...]:
    """Promoters minus detractors, drawn as a multinomial with a quarter of passive answers, and its
    95 % interval from the variance of a difference of shares."""
    net = np.clip(truth, -70, 70) / 100
    promoters_p, detractors_p = (1 - PASSIVE + net) / 2, (1 - PASSIVE - net) / 2
    probabilities = np.stack([promoters_p, detractors_p, np.full(net.shape, PASSIVE)], axis=-1)
    counts = rng.multinomial(answers, probabilities)
    answered = np.maximum(answers, 1)
    promoters, detractors = counts[..., 0] / answered, counts[..., 1] / answered
    score = promoters - detractors
    error = np.sqrt(np.maximum(promoters + detractors - score**2, 0) / answered)
    return 100 * score, np.clip(100 * (score - Z95 * error), -100, 100), np.clip(100 * (score + Z95 * error), -100, 100)


def wilson_interval(share: np.ndarray, answers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval: stays inside [0, 1] and behaves with small samples and 100 %."""
    z2 = Z95 * Z95
    denominator = 1 + z2 / answers
    centre = (share + z2 / (2 * answers)) / denominator
    half = Z95 * np.sqrt(share * (1 - share) / answers + z2 / (4 * answers * answers)) / denominator
    return np.clip(centre - half, 0, 1), np.clip(centre + half, 0, 1)


def _clip(indicator: Indicator, values: np.ndarray) -> np.ndarray:
    return np.clip(values, indicator.simulation.low, indicator.simulation.high)


def _number_columns(indicator: Indicator, value: np.ndarray, low: np.ndarray | None, high: np.ndarray | None,
                    answers: np.ndarray | None, missing: np.ndarray, unasked: np.ndarray) -> dict[str, np.ndarray]:
    """Round to the indicator's decimals and keep ci_low ≤ value ≤ ci_high after rounding."""
    factor = 10**indicator.decimals
    floor, ceiling = (bound * factor for bound in UNIT_BOUNDS[indicator.unit])
    scaled = np.rint(value * factor).astype(np.int64)
    texts = format_scaled(scaled, indicator.decimals)
    texts[missing] = ""
    empty = np.full(value.shape, "", dtype=object)
    if low is None or high is None or answers is None:
        return {"value": texts, "sample_size": empty, "ci_low": empty, "ci_high": empty}
    low_scaled = np.minimum(np.clip(np.floor(low * factor), floor, ceiling).astype(np.int64), scaled)
    high_scaled = np.maximum(np.clip(np.ceil(high * factor), floor, ceiling).astype(np.int64), scaled)
    low_texts = format_scaled(low_scaled, indicator.decimals)
    high_texts = format_scaled(high_scaled, indicator.decimals)
    low_texts[missing] = ""
    high_texts[missing] = ""
    sample = format_scaled(answers.astype(np.int64), 0)
    sample[unasked] = ""
    return {"value": texts, "sample_size": sample, "ci_low": low_texts, "ci_high": high_texts}


def _status(network: Network, indicator: Indicator, periods: tuple, missing: np.ndarray,
            rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Final by default, provisional for the latest quarter of some networks, a few revised later."""
    shape = missing.shape
    quarter = np.array([p.quarter_index for p in periods])
    status = np.full(shape, "final", dtype=object)
    if network.behaviour.provisional_latest:
        status[:, quarter == LATEST_QUARTER] = "provisional"
    revised = ~missing & (quarter <= LATEST_QUARTER - 3) & (rng.random(shape) < REVISION_RATE)
    status[revised] = "revised"
    note = np.full(shape, "", dtype=object)
    note[revised] = np.array(REVISION_NOTES, dtype=object)[rng.integers(len(REVISION_NOTES), size=int(revised.sum()))]
    ends = np.array([p.end for p in periods], dtype="datetime64[D]")
    lag = network.behaviour.lag_days * (2 if indicator.frequency == "yearly" else 1)
    delay = lag + rng.integers(0, 12, shape) + np.where(revised, rng.integers(60, 240, shape), 0)
    updated = np.minimum(ends[None, :] + delay, np.datetime64(AS_OF, "D"))
    days, inverse = np.unique(updated, return_inverse=True)  # a few hundred distinct dates
    return status, note, np.datetime_as_string(days, unit="D").astype(object)[inverse].reshape(shape)


def target_rows(networks: tuple[Network, ...]) -> Iterator[dict[str, str]]:
    """Yearly targets for 2025 and 2026: satisfaction everywhere, plus each network's first deadline."""
    for network in networks:
        indicators = network_indicators(network.id)
        deadline = next((i for i in indicators if i.commitment_id == "delais-annonces"), None)
        for indicator in (i for i in (indicators[0], deadline) if i is not None):
            for step, year in enumerate(("2025", "2026"), start=1):
                yield {"network_id": network.id, "indicator_id": indicator.id, "period": year,
                       "target": _target(network, indicator, step)}


def _target(network: Network, indicator: Indicator, step: int) -> str:
    """A little better than the simulated level each year, rounded the way targets are announced."""
    sim = indicator.simulation
    base = network.behaviour.satisfaction if indicator.id == "satisfaction" else sim.base
    if indicator.direction == "higher":
        target = min(base + step * max(4 * sim.slope, 1.5), 98 if indicator.unit == "percent" else sim.high)
    else:
        target = max(base - step * max(4 * abs(sim.slope), 0.06 * base), sim.low)
    digits = 1 if indicator.unit == "score_10" else 0
    return format_scaled(np.array([round(target * 10**digits)], dtype=np.int64), digits)[0]
