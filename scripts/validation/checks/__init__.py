"""The programme's rules that a Frictionless schema cannot express, one check per module.

`domain_checks` is the declarative part (which rule applies to which file, with which columns);
the modules are the engine. Checks keep per-resource state, so a fresh list is built for every
resource validated. Every check is a `DomainCheck` that declares whether the fast path can screen it
(`screens`); `domain_checks` refuses anything else. `package_rules` are the rules on the descriptor's
publication metadata (`as_of`, `version`, `releases`), read against a summary of the results
(datafacts.py).
"""

from __future__ import annotations

from results.core.parts import Part, table_of

from ..addresses import reserved_slugs
from ..lookups import Lookups
from .address_owner import NETWORK_OWNER
from .base import DomainCheck, DomainError
from .confidence_interval import confidence_interval
from .date_order import date_order
from .descriptor_text import descriptor_text
from .finite_number import finite_number
from .former_slugs import former_slugs
from .formula_injection import formula_injection
from .indicator_network import indicator_network
from .iso_date import iso_date
from .missing_reason import missing_reason
from .package_rule import PackageContext, PackageRule
from .part_network import part_network
from .period_frequency import period_frequency
from .plain_number import plain_number
from .plain_text import plain_text
from .publication_dates import publication_dates
from .release_history import release_history
from .reserved_address import reserved_address
from .revised_note import revised_note
from .stale_as_of import stale_as_of
from .unique_address import unique_address
from .unit_range import unit_range
from .web_address import web_address

__all__ = ["DomainCheck", "DomainError", "PackageContext", "PackageRule", "domain_checks", "package_rules"]


def package_rules() -> list[PackageRule]:
    """The descriptor's publication rules, in the order their issues are reported."""
    return [publication_dates(), stale_as_of(), release_history(), descriptor_text()]


def domain_checks(resource: str, lookups: Lookups, *, part: Part | None = None) -> list[DomainCheck]:
    """Fresh check objects for one resource; checks whose reference file is unreadable are left out.

    The files of a split table (`results-caf`…) get the table's checks; `part`, the file's network and
    year (core/parts.py), adds the check that each row sits in its own network's file.
    """
    checks = _checks_of(table_of(resource), lookups)
    if part is not None and lookups.structure_networks is not None:
        checks.append(part_network(part=part, structure_networks=lookups.structure_networks))
    return _registered(checks)


def _registered(checks: list[DomainCheck]) -> list[DomainCheck]:
    """Refuse a plain Frictionless check: the fast path must know whether it can screen it."""
    for check in checks:
        if not isinstance(check, DomainCheck):
            raise TypeError(
                f"{type(check).__name__}: a domain check must derive from DomainCheck and declare `screens`."
            )
    return checks


def _checks_of(resource: str, lookups: Lookups) -> list[DomainCheck]:
    checks: list[DomainCheck] = [formula_injection(), finite_number(), plain_number(), iso_date(), plain_text(),
                                 web_address()]  # the last four: what the build can publish (issue #14)
    indicators, structures = lookups.indicators, lookups.structure_networks
    if resource == "results":
        checks += [confidence_interval(), missing_reason(), revised_note()]
        if indicators is not None:
            checks += [
                unit_range(indicators=indicators),
                period_frequency(indicators=indicators),
            ]
            if structures is not None:
                checks.append(indicator_network(indicators=indicators, structure_networks=structures))
    elif resource == "targets" and indicators is not None:
        checks += [
            unit_range(indicators=indicators, fields=("target",)),
            period_frequency(indicators=indicators, allow_yearly=True),
            indicator_network(indicators=indicators, structure_field=None, network_field="network_id"),
        ]
    elif resource == "actions" and indicators is not None and structures is not None:
        checks.append(indicator_network(indicators=indicators, structure_networks=structures))
    elif resource == "structures":  # stable addresses: each page and redirect has a file of its own
        checks += [former_slugs(), unique_address(), reserved_address()]
    elif resource == "networks":  # the same for a network's page, whose current address is its id
        checks += [former_slugs(slug_field="id", owner=NETWORK_OWNER),
                   unique_address(slug_field="id", owner=NETWORK_OWNER, slugs_keyed=True),
                   reserved_address(slug_field="id", owner=NETWORK_OWNER, reserved=reserved_slugs("NETWORK"))]
    elif resource == "labels":
        checks.append(date_order(start_field="awarded_on", end_field="valid_until"))
    elif resource == "experiences":
        checks.append(date_order(start_field="published_on", end_field="answered_on", strict=False))
    return checks
