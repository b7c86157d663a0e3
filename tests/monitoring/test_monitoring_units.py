"""Pure pieces of the users' voice and monitoring features, without Pelican."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from monitorcheck import FIXTURE
from results.feedback import VoiceIndex, feedback_url, paragraphs, text_start
from results.load import load_catalog
from results.monitoring_figures import Monitoring, Transparency, current_labels, network_delays
from results.sections import Site
from support.paths import GOOD_FIXTURE
from support.site import copy_package


@pytest.mark.parametrize(
    ("published", "total", "transparent"),
    [(3, 3, True), (2, 3, False), (3, 4, True), (201, 300, True), (200, 300, False), (0, 0, False)],
)
def test_transparent_means_strictly_more_than_two_thirds(published: int, total: int, transparent: bool) -> None:
    assert Transparency(published, total).above(Fraction(2, 3)) is transparent


def test_feedback_url_encodes_the_code_and_refuses_non_web_addresses() -> None:
    assert feedback_url("https://example.org/avis/{structure_id}", "CAF-75") == "https://example.org/avis/CAF-75"
    assert feedback_url("https://example.org/?site={structure_id}", "A B/É&") == \
        "https://example.org/?site=A%20B%2F%C3%89%26"
    assert feedback_url("javascript:alert(1)//{structure_id}", "X") == ""
    assert feedback_url("", "X") == ""


def test_text_start_cuts_on_a_word_and_paragraphs_keep_line_breaks() -> None:
    assert text_start("Court.") == "Court."
    start = text_start("mot " * 100, limit=22)
    assert start == "mot mot mot mot mot…"
    assert paragraphs("Un.\r\n\r\nDeux.\nTrois. ") == ("Un.", "Deux.", "Trois.")


def tie_package(folder: Path) -> Path:
    """The fixture plus a monthly Alpha indicator whose June 2026 ends with the 2nd quarter: a tie."""
    package = copy_package(FIXTURE, folder)
    with (package.parent / "indicators.csv").open("a", encoding="utf-8") as indicators:
        indicators.write("alpha-appels,alpha,Appels aboutis (Alpha),,performance,percent,higher,0,monthly,median,"
                         "reponse-rapide,Appels aboutis.\n")
    with (package.parent / "results" / "alpha.csv").open("a", encoding="utf-8") as results:
        results.write("ALPHA-LYON,alpha-appels,2026-06,91,,,,final,,2026-07-10,\n")
    return package


@pytest.mark.parametrize("name", ["monitoring", "good", "tie"])
def test_one_definition_of_latest_period_with_the_network_pages(name: str, tmp_path: Path) -> None:
    """Monitoring's reference period and counts equal `SiteViews.publishing_share` for every network on
    time; a late network's structures never count as publishing."""
    package = {"monitoring": FIXTURE, "good": GOOD_FIXTURE}.get(name) or tie_package(tmp_path / "tie")
    catalog = load_catalog(package)
    views = Site.of(catalog, {}).views
    monitoring = Monitoring(catalog)
    figures = monitoring.figures("network_id")
    for network in catalog.networks.values():
        period, published, total = views.publishing_share(catalog.structures_of_network(network.id))
        assert monitoring.reference_periods.get(network.id) == period
        if monitoring.delays[network.id]:
            published = 0
        assert (figures[network.id].transparency.published, figures[network.id].transparency.total) == \
            (published, total)


def test_current_labels_skip_expired_and_future_ones_and_count_a_renewal_once() -> None:
    catalog = load_catalog(FIXTURE)
    current = current_labels(catalog, catalog.info.as_of)["level"].to_dict()
    assert current == {"ALPHA-PARIS": "or", "ALPHA-LYON": "argent", "GAMMA-75": "bronze"}
    assert current_labels(catalog, dt.date(2026, 12, 1))["level"].get("BETA-LYON") == "argent"


def test_delays_name_the_late_indicator_with_last_and_expected_periods() -> None:
    delays = network_delays(Monitoring(load_catalog(FIXTURE)))
    assert delays["alpha"] == () and delays["beta"] == ()
    (delay,) = delays["gamma"]
    assert (delay.indicator_id, delay.last_period.code, delay.expected.code) == ("gamma-decroche", "2026-05", "2026-08")


def test_voice_index_groups_once_newest_first() -> None:
    index = VoiceIndex(load_catalog(FIXTURE))
    experiences, actions = index.of_structure("ALPHA-PARIS")
    assert [item.experience.id for item in experiences] == ["EXP-A2", "EXP-A1", "EXP-A3"]
    assert [item.days_to_answer for item in experiences] == [None, 3, 11]
    assert [action.id for action in experiences[0].actions] == ["ACT-A1"]
    assert [item.action.id for item in actions] == ["ACT-A1"]
    assert [item.action.id for item in index.recent_actions("gamma", 10)] == ["ACT-G1"]
    assert index.recent_actions("alpha", 0) == []
