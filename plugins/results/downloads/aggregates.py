"""Network and national values computed by the site (`figures.Aggregates`), as download rows.

They are numbers the pages show (network value, national value) but not rows of the package, so
they get their own small table (`AGGREGATE_COLUMNS`) in the network and indicator downloads and
one site-wide file.
"""

from __future__ import annotations

import pandas as pd

from ..model import Catalog
from ..views import SiteViews
from .encoding import Encoded, encode_number, encode_text


def _rows(frame: pd.DataFrame, catalog: Catalog, scope: str) -> list[tuple[tuple[int, object], tuple[Encoded, ...]]]:
    order = {indicator_id: rank for rank, indicator_id in enumerate(catalog.indicators)}
    rows = []
    for row in frame.itertuples(index=False):
        indicator = catalog.indicators[row.indicator_id]
        network_id = getattr(row, "network_id", "")
        network = catalog.networks.get(network_id)
        cells = (
            encode_text(scope),
            encode_text(network_id),
            encode_text(network.name if network else ""),
            encode_text(indicator.id),
            encode_text(indicator.label),
            encode_text(indicator.unit),
            encode_text(row.period),
            encode_number(row.value),
            encode_number(row.count),
            encode_text(row.method),
        )
        rows.append(((order[indicator.id], network_id, row.period_key, row.period), cells))
    return rows


def aggregate_rows(
    views: SiteViews, network_id: str | None = None, indicator_id: str | None = None
) -> list[tuple[Encoded, ...]]:
    """National then network values, filtered to one network or one indicator (or all of them),
    ordered by indicator (package order), network and period."""
    aggregates, catalog = views.aggregates, views.catalog
    national = aggregates.national_frame
    networks = aggregates.network_frame
    if indicator_id is not None:
        national = national[national["indicator_id"] == indicator_id]
        networks = networks[networks["indicator_id"] == indicator_id]
    if network_id is not None:
        national = national.iloc[0:0]
        networks = networks[networks["network_id"] == network_id]
    keyed = _rows(national, catalog, "national") + _rows(networks, catalog, "network")
    keyed.sort(key=lambda item: item[0])
    return [cells for _, cells in keyed]
