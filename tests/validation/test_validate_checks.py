"""Each domain check on its own, both ways: Frictionless row by row, and the fast path's `screen`.

In the style of frictionless-py's own `checks` tests: a few rows, good and bad, written to a CSV with
the good fixture's schema; Frictionless validates them with only that check, and the check's
`screen` reads the same rows as the fast path does. The two must agree: the screen says "valid"
exactly when Frictionless finds none of the check's errors (a screen that says "valid" too often
would hide errors; one that says "doubt" too often would send big files row by row for nothing).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import attrs
import pyarrow as pa
import pyarrow.csv as pa_csv
import pytest
from frictionless import Checklist, Resource, Schema
from results.core.parts import Part, table_of
from support.paths import ROOT
from validation.checks import DomainCheck, domain_checks
from validation.checks.address_owner import NETWORK_OWNER
from validation.checks.confidence_interval import confidence_interval
from validation.checks.date_order import date_order
from validation.checks.finite_number import finite_number
from validation.checks.former_slugs import former_slugs
from validation.checks.formula_injection import formula_injection
from validation.checks.indicator_network import indicator_network
from validation.checks.iso_date import iso_date
from validation.checks.missing_reason import missing_reason
from validation.checks.part_network import part_network
from validation.checks.period_frequency import period_frequency
from validation.checks.plain_number import plain_number
from validation.checks.plain_text import plain_text
from validation.checks.reserved_address import reserved_address
from validation.checks.revised_note import revised_note
from validation.checks.unique_address import unique_address
from validation.checks.unit_range import unit_range
from validation.checks.web_address import web_address
from validation.frame import Frame
from validation.lookups import IndicatorInfo, Lookups, load_lookups

GOOD = ROOT / "tests" / "fixtures" / "good"
DESCRIPTOR = json.loads((GOOD / "datapackage.json").read_text(encoding="utf-8"))
LOOKUPS = load_lookups({"indicators": GOOD / "indicators.csv", "structures": GOOD / "structures.csv"})
INDICATORS, NETWORKS = LOOKUPS.indicators, LOOKUPS.structure_networks
# A fiscal-yearly indicator (Canada's service standards: April to March), beside the good fixture's.
FISCAL_INDICATORS = {**INDICATORS, "service-standard": IndicatorInfo("", "percent", "fiscal_yearly")}

# One valid row per file; each case overrides a few cells.
BASE = {
    "results": {"structure_id": "CAF-75", "indicator_id": "satisfaction", "period": "2024", "value": "81",
                "sample_size": "412", "ci_low": "77.2", "ci_high": "84.8", "status": "final",
                "missing_reason": "", "updated_on": "2025-02-10", "note": ""},
    "targets": {"network_id": "caf", "indicator_id": "caf-decroche", "period": "2026", "target": "85"},
    "labels": {"structure_id": "CAF-75", "level": "or", "awarded_on": "2024-03-12", "valid_until": "2027-03-12",
               "certifying_body": "AFNOR Certification"},
    "experiences": {"id": "EXP-0001", "structure_id": "CAF-75", "published_on": "2026-02-03", "title": "Titre",
                    "text": "Texte", "answer": "Réponse", "answered_on": "2026-02-05"},
    "networks": {"id": "caf", "name": "Caisses d'allocations familiales", "short_name": "CAF", "description": "Texte",
                 "website": "https://www.caf.fr", "granularity": "departement",
                 "feedback_url_template": "https://example.org/avis/caf/{structure_id}", "former_slugs": ""},
    "structures": {"id": "CAF-75", "slug": "caf-de-paris", "former_slugs": "", "network_id": "caf", "parent_id": "",
                   "name": "CAF de Paris", "typology": "caisse", "address": "50 rue du Docteur Finlay",
                   "postcode": "75015", "commune": "Paris", "commune_code": "75115", "departement_code": "75",
                   "region_code": "11", "latitude": "48.8473", "longitude": "2.2879"},
    "actions": {"id": "ACT-0001", "structure_id": "CAF-75", "date": "2026-05-15", "title": "Titre",
                "description": "Texte", "status": "done", "experience_id": "", "indicator_id": "caf-decroche"},
}


def _schema(resource: str) -> Schema:
    """The fixture's schema without keys: the cases are about one check, not about references."""
    descriptor = next(r for r in DESCRIPTOR["resources"] if table_of(r["name"]) == resource)["schema"]
    return Schema.from_descriptor({k: v for k, v in descriptor.items() if k not in ("foreignKeys", "primaryKey")})


def _write(folder: Path, resource: str, changes: list[dict[str, str]]) -> Path:
    rows = [{**BASE[resource], **change} for change in changes]
    path = folder / f"{resource}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(BASE[resource]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def frictionless_errors(folder: Path, resource: str, make: Callable[[], DomainCheck]) -> list[tuple[int, str]]:
    """(row number, column) of every error the check reports when Frictionless runs it."""
    check = make()
    table = Resource(path=f"{resource}.csv", basepath=str(folder), schema=_schema(resource))
    report = table.validate(checklist=Checklist(checks=[check]))
    own = {error_class.type for error_class in check.Errors}
    return [(error.row_number, error.field_name) for error in report.tasks[0].errors if error.type in own]


def screened_valid(folder: Path, resource: str, make: Callable[[], DomainCheck]) -> bool:
    """The fast path's answer for this check on the same file (read by pyarrow, typed by Frictionless)."""
    check = make()
    table = Resource(path=f"{resource}.csv", basepath=str(folder), schema=_schema(resource))
    check.connect(table)
    names = table.schema.field_names
    arrow = pa_csv.read_csv(
        folder / f"{resource}.csv",
        parse_options=pa_csv.ParseOptions(newlines_in_values=True),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: pa.string() for name in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    frame = Frame(arrow, table.schema)
    assert all(frame.column(name).clean for name in names), "a case row must be valid for the schema"
    return check.screen(frame)


CASES: list[tuple[str, str, Callable[[], DomainCheck], list[dict[str, str]], list[tuple[int, str]]]] = [
    # (case id, file, check, rows, expected errors as (row number, column)) — issue #14's cases first
    ("plain-number/good", "results", plain_number, [{"value": "-12.5"}, {"sample_size": "0"}, {"value": ""}], []),
    ("plain-number/bad", "results", plain_number,
     [{"value": "1_000"}, {"value": "٣"}, {"sample_size": "５"}, {"value": "1e308"}, {"value": "1" + "0" * 20},
      {"value": " 5"}, {"value": ".5"}, {}],
     [(2, "value"), (3, "value"), (4, "sample_size"), (5, "value"), (6, "value"), (7, "value"), (8, "value")]),
    ("iso-date/good", "experiences", iso_date, [{}, {"answered_on": ""}], []),
    ("iso-date/bad", "experiences", iso_date,
     [{"published_on": "2024-3-12"}, {"published_on": "0001-01-01", "answered_on": "9999-12-31"}, {}],
     [(2, "published_on"), (3, "published_on"), (3, "answered_on")]),
    ("plain-text/good", "experiences", plain_text, [{"text": "Ligne 1\nLigne 2\tfin"}, {"title": "É" * 200}], []),
    ("plain-text/bad", "experiences", plain_text,
     [{"title": "A\x00B"}, {"text": "cloche\x07"}, {"answer": "\x1b[31m"}, {"text": "a\x0bb"},
      {"title": "abc\u202eevil"}, {"text": "zéro\u200blargeur"}, {"title": "x" * 201}, {}],
     [(2, "title"), (3, "text"), (4, "answer"), (5, "text"), (6, "title"), (7, "text"), (8, "title")]),
    ("web-address/good", "networks", web_address, [{}, {"website": "http://exemple.fr/a?b=c"}], []),
    ("web-address/bad", "networks", web_address,
     [{"website": "javascript:alert(1)"}, {"website": "data:text/html,x"}, {"feedback_url_template": "ftp://x/{id}"},
      {"website": "https://a b"}],
     [(2, "website"), (3, "website"), (4, "feedback_url_template"), (5, "website")]),
    # (case id, file, check, rows, expected errors as (row number, column))
    ("formula/good", "results", formula_injection, [{"note": "Accueil = rapide"}, {"note": "-3.5"}], []),
    ("formula/bad", "results", formula_injection,
     [{"note": "=HYPERLINK(1)"}, {}, {"note": "@SUM(A1)"}, {"note": "\tcaché"}],
     [(2, "note"), (4, "note"), (5, "note")]),
    ("finite/good", "results", finite_number, [{"value": "81.5"}, {"value": "", "missing_reason": "x"}], []),
    ("finite/bad", "results", finite_number, [{"value": "NaN"}, {"ci_low": "-Infinity"}],
     [(2, "value"), (3, "ci_low")]),
    ("interval/good", "results", confidence_interval,
     [{}, {"ci_low": "", "ci_high": ""}, {"value": "77.2"}, {"value": "84.8"}, {"value": "NaN"}], []),
    ("interval/bad", "results", confidence_interval,
     [{"ci_high": ""}, {"value": "90"}, {"value": "77.19"}, {"ci_low": "", "value": "70"}],
     [(2, "ci_high"), (3, "value"), (4, "value"), (5, "ci_low")]),
    ("missing/good", "results", missing_reason,
     [{}, {"value": "", "ci_low": "", "ci_high": "", "missing_reason": "Enquête non réalisée"}], []),
    ("missing/bad", "results", missing_reason, [{}, {"value": "", "ci_low": "", "ci_high": ""}],
     [(3, "missing_reason")]),
    ("revised/good", "results", revised_note,
     [{"status": "revised", "note": "Valeur corrigée le 2025-03-01 : erreur de saisie."}, {"status": "final"}], []),
    ("revised/bad", "results", revised_note, [{}, {"status": "revised"}], [(3, "note")]),
    ("range/good", "results", lambda: unit_range(indicators=INDICATORS),
     [{"value": "100", "ci_high": "100"}, {"value": "0", "ci_low": "0"}], []),
    ("range/bad", "results", lambda: unit_range(indicators=INDICATORS),
     [{"value": "100.5", "ci_high": "101"}, {}, {"value": "-1", "ci_low": "-2"}],
     [(2, "value"), (2, "ci_high"), (4, "value"), (4, "ci_low")]),
    ("range/targets/bad", "targets", lambda: unit_range(indicators=INDICATORS, fields=("target",)),
     [{"target": "85"}, {"target": "120"}], [(3, "target")]),
    ("period/good", "results", lambda: period_frequency(indicators=INDICATORS),
     [{}, {"indicator_id": "caf-decroche", "period": "2026-03", "sample_size": "", "ci_low": "", "ci_high": ""}],
     []),
    ("period/bad", "results", lambda: period_frequency(indicators=INDICATORS),
     [{"period": "2024-Q1"},
      {"indicator_id": "caf-decroche", "period": "2026-Q1", "sample_size": "", "ci_low": "", "ci_high": ""}],
     [(2, "period"), (3, "period")]),
    ("period/fiscal/good", "results", lambda: period_frequency(indicators=FISCAL_INDICATORS),
     [{"indicator_id": "service-standard", "period": "2023-2024"}], []),
    ("period/fiscal/bad", "results", lambda: period_frequency(indicators=FISCAL_INDICATORS),
     [{"indicator_id": "service-standard", "period": "2024"}, {"period": "2023-2024"}, {"period": "2023-2025"}],
     [(2, "period"), (3, "period"), (4, "period")]),
    ("period/fiscal/targets/bad", "targets", lambda: period_frequency(indicators=FISCAL_INDICATORS, allow_yearly=True),
     [{"indicator_id": "service-standard", "period": "2024"}], [(2, "period")]),
    ("period/targets/good", "targets", lambda: period_frequency(indicators=INDICATORS, allow_yearly=True),
     [{}, {"period": "2026-03"}], []),
    ("period/targets/bad", "targets", lambda: period_frequency(indicators=INDICATORS, allow_yearly=True),
     [{"period": "2026-Q1"}], [(2, "period")]),
    ("network/good", "results", lambda: indicator_network(indicators=INDICATORS, structure_networks=NETWORKS),
     [{}, {"indicator_id": "caf-decroche", "period": "2026-03", "sample_size": "", "ci_low": "", "ci_high": ""}],
     []),
    ("network/bad", "results", lambda: indicator_network(indicators=INDICATORS, structure_networks=NETWORKS),
     [{"structure_id": "FT-PARIS-19", "indicator_id": "caf-decroche", "period": "2026-03", "sample_size": "",
       "ci_low": "", "ci_high": ""}],
     [(2, "indicator_id")]),
    ("network/actions/bad", "actions",
     lambda: indicator_network(indicators=INDICATORS, structure_networks=NETWORKS),
     [{}, {"structure_id": "FT-PARIS-19"}], [(3, "indicator_id")]),
    ("network/targets/bad", "targets",
     lambda: indicator_network(indicators=INDICATORS, structure_field=None, network_field="network_id"),
     [{"network_id": "france-travail"}], [(2, "indicator_id")]),
    # Stable addresses (issue #19)
    ("former-slugs/good", "structures", former_slugs, [{"former_slugs": "caf-paris;caf-paris-15"}, {}], []),
    ("former-slugs/bad", "structures", former_slugs,
     [{"former_slugs": "CAF Paris"}, {"former_slugs": "caf-de-paris"}, {"former_slugs": "a;a"},
      {"former_slugs": "a;;b"}, {}],
     [(2, "former_slugs"), (3, "former_slugs"), (4, "former_slugs"), (5, "former_slugs")]),
    ("unique-address/good", "structures", unique_address,
     [{"id": "A", "slug": "a", "former_slugs": "a-avant"}, {"id": "B", "slug": "b"}], []),
    ("unique-address/bad", "structures", unique_address,
     [{"id": "A", "slug": "a", "former_slugs": "x"}, {"id": "B", "slug": "a"}, {"id": "C", "slug": "x"},
      {"id": "D", "slug": "d", "former_slugs": "a"}, {"id": "E", "slug": "e", "former_slugs": "x"}],
     [(3, "slug"), (4, "slug"), (5, "former_slugs"), (6, "former_slugs")]),
    ("reserved-address/good", "structures", reserved_address,
     [{"slug": "lettre"}, {"slug": "lettres-a"}, {"slug": "a-lettre-a", "former_slugs": "lettre-a-b"}], []),
    ("reserved-address/bad", "structures", reserved_address,
     [{"slug": "lettre-a"}, {"slug": "ok", "former_slugs": "lettre-0-9"}], [(2, "slug"), (3, "former_slugs")]),
    # A network's page address is its id; its former addresses redirect (issue #20: /reseaux/ants/)
    ("network-former-slugs/good", "networks", lambda: former_slugs(slug_field="id", owner=NETWORK_OWNER),
     [{"former_slugs": "allocations;caisses"}, {"id": "ants", "former_slugs": ""}], []),
    ("network-former-slugs/bad", "networks", lambda: former_slugs(slug_field="id", owner=NETWORK_OWNER),
     [{"former_slugs": "CAF"}, {"former_slugs": "caf"}, {"former_slugs": "a;a"}],
     [(2, "former_slugs"), (3, "former_slugs"), (4, "former_slugs")]),
    ("network-unique-address/good", "networks",
     lambda: unique_address(slug_field="id", owner=NETWORK_OWNER, slugs_keyed=True),
     [{"id": "titres-securises", "former_slugs": "ants"}, {"id": "finances-publiques", "former_slugs": "dgfip"},
      {"id": "caf"}, {"id": "caf"}], []),  # two equal ids: the primary key's error, not this one's
    ("network-unique-address/bad", "networks",
     lambda: unique_address(slug_field="id", owner=NETWORK_OWNER, slugs_keyed=True),
     [{"id": "titres-securises", "former_slugs": "ants"}, {"id": "justice", "former_slugs": "ants"},
      {"id": "police", "former_slugs": "titres-securises"}, {"id": "dgfip"},
      {"id": "finances", "former_slugs": "dgfip"}],
     [(3, "former_slugs"), (4, "former_slugs"), (6, "former_slugs")]),
    ("network-reserved-address/bad", "networks",
     lambda: reserved_address(slug_field="id", owner=NETWORK_OWNER, reserved={"carte": ("reseaux/carte/", "la carte")}),
     [{"id": "caf", "former_slugs": "carte"}, {"id": "ok"}], [(2, "former_slugs")]),
    ("part/good", "results", lambda: part_network(part=Part("results", "caf"), structure_networks=NETWORKS),
     [{}, {"structure_id": "CAF-69", "period": "2026-Q1"}], []),
    ("part/bad", "results", lambda: part_network(part=Part("results", "caf"), structure_networks=NETWORKS),
     [{}, {"structure_id": "FT-PARIS-19"}], [(3, "structure_id")]),
    ("part/year/good", "results", lambda: part_network(part=Part("results", "caf", 2024), structure_networks=NETWORKS),
     [{}, {"period": "2024-Q3"}], []),
    ("part/year/bad", "results", lambda: part_network(part=Part("results", "caf", 2025), structure_networks=NETWORKS),
     [{"period": "2025"}, {}], [(3, "period")]),
    ("dates/good", "labels", lambda: date_order(start_field="awarded_on", end_field="valid_until"),
     [{}, {"valid_until": "2024-03-13"}], []),
    ("dates/bad", "labels", lambda: date_order(start_field="awarded_on", end_field="valid_until"),
     [{"valid_until": "2024-03-12"}, {"valid_until": "2023-01-01"}], [(2, "valid_until"), (3, "valid_until")]),
    ("dates/lenient/good", "experiences",
     lambda: date_order(start_field="published_on", end_field="answered_on", strict=False),
     [{"answered_on": "2026-02-03"}, {"answered_on": ""}], []),
    ("dates/lenient/bad", "experiences",
     lambda: date_order(start_field="published_on", end_field="answered_on", strict=False),
     [{"answered_on": "2026-02-02"}], [(2, "answered_on")]),
]


@pytest.mark.parametrize(
    ("resource", "make", "rows", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_fast_path_and_frictionless_agree(
    tmp_path: Path, resource: str, make: Callable[[], DomainCheck], rows: list[dict[str, str]],
    expected: list[tuple[int, str]],
) -> None:
    _write(tmp_path, resource, rows)
    found = frictionless_errors(tmp_path, resource, make)
    assert sorted(found) == sorted(expected)
    assert screened_valid(tmp_path, resource, make) is (not found)


def test_every_registered_check_has_a_case() -> None:
    """A new check must come with its good and bad rows here."""
    registered = {
        type(check)
        for resource in ("results", "targets", "labels", "experiences", "actions", "structures", "networks")
        for check in domain_checks(resource, LOOKUPS)
    } | {type(check) for check in domain_checks("results-caf", LOOKUPS, part=Part("results", "caf"))}
    covered = {type(case[2]()) for case in CASES}
    assert registered <= covered, sorted(check.__name__ for check in registered - covered)


def test_a_check_that_does_not_declare_its_screen_fails_at_import() -> None:
    with pytest.raises(TypeError, match="screens = True"):

        @attrs.define(kw_only=True, repr=False)
        class undeclared(DomainCheck):
            type = "undeclared"

    with pytest.raises(TypeError, match="defines no `screen`"):

        @attrs.define(kw_only=True, repr=False)
        class no_screen(DomainCheck):
            type = "no-screen"
            screens = True


def test_unused_lookups_still_build_the_checks() -> None:
    assert [check.type for check in domain_checks("results", Lookups())] == [
        "formula-injection", "non-finite-number", "plain-number", "implausible-date", "invisible-character",
        "unsafe-url", "confidence-interval", "missing-reason", "revised-without-note",
    ]
