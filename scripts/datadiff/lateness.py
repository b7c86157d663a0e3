"""Networks that moving `as_of` makes late on the programme page, by the plugin's own rule.

The site calls a network late when its latest results are older than its indicators' frequency
allows at the package's `as_of`, after `RESULTS_STALE_GRACE_DAYS` (plugins/results/monitoring.py).
One network's publication usually moves `as_of`, and may thereby mark the others late: the
reviewer should see it before merging. The rule is imported from the plugin, never copied, and
applied to the proposed data at the old and at the new `as_of`: the difference is the effect of
moving the date alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import runpy
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Lateness:
    """Networks late at the new `as_of` but not at the old one, as the build's log words them."""

    old_as_of: dt.date | None
    new_as_of: dt.date | None
    grace_days: int
    newly_late: tuple[str, ...] = ()
    still_late: int = 0  # networks already late at the old date
    problem: str | None = None


def grace_days(settings_file: Path | None) -> int:
    """RESULTS_STALE_GRACE_DAYS from the site's settings file, else the plugin's default."""
    from results.settings import ResultsSettings

    if settings_file is not None and settings_file.is_file():
        # What Pelican does with a settings file (run it, keep its names), without importing Pelican.
        value = runpy.run_path(str(settings_file)).get("RESULTS_STALE_GRACE_DAYS")
        if value is not None:
            return int(value)
    return ResultsSettings().stale_grace_days


def lateness(head_descriptor: Path, old_as_of: str, new_as_of: str, days: int) -> Lateness:
    """Compare the late networks of the head package at `old_as_of` and at `new_as_of`.

    The head package may be invalid (the summary runs even when validation failed): anything that
    stops the plugin from loading it becomes `problem`, never an exception.
    """
    try:
        old_date, new_date = dt.date.fromisoformat(old_as_of), dt.date.fromisoformat(new_as_of)
    except ValueError:
        return Lateness(None, None, days, problem="`as_of` n'est pas une date AAAA-MM-JJ")
    from results.i18n.formats import Formats
    from results.load import load_catalog
    from results.monitoring import delay_message
    from results.monitoring_figures import Monitoring, network_delays

    try:
        catalog = load_catalog(head_descriptor)

        def delays_at(day: dt.date) -> dict[str, tuple]:
            dated = dataclasses.replace(catalog, info=dataclasses.replace(catalog.info, as_of=day))
            return {n: found for n, found in network_delays(Monitoring(dated, grace_days=days)).items() if found}

        before, after = delays_at(old_date), delays_at(new_date)
    except Exception as error:  # an invalid package must not stop the rest of the summary
        return Lateness(old_date, new_date, days, problem=f"paquet illisible par le site ({type(error).__name__})")
    newly = tuple(
        delay_message(catalog.networks[network_id], found, new_date, Formats("fr_FR"))  # the summary is French
        for network_id, found in after.items()
        if network_id not in before
    )
    return Lateness(old_date, new_date, days, newly_late=newly, still_late=len(before.keys() & after.keys()))
