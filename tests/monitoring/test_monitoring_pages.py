"""The programme page, its report and the territory and network blocks show the counts and rates
recomputed here from the fixture's CSVs (a transparent, a non-transparent and a late network)."""

from __future__ import annotations

from pathlib import Path

import pytest
from monitorcheck import FIXTURE, PackageFacts, days, rows_by_header, share, table_rows
from support.pages import visible_text
from support.recompute import slug
from support.site import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURE, tmp_path_factory.mktemp("monitoring") / "output")


@pytest.fixture(scope="module")
def facts() -> PackageFacts:
    return PackageFacts(FIXTURE)


def figure_cells(expected) -> list[str]:
    """The cells `figure_cells` writes, in order, for a group's expected figures."""
    return [
        str(expected.total), str(expected.published), share(expected.published, expected.total),
        *(str(expected.labels[level]) for level in ("bronze", "argent", "or")),
        str(sum(expected.labels.values())), str(expected.experiences),
        share(expected.answered, expected.experiences), days(expected.median_days),
    ]


def test_fixture_covers_the_cases_the_page_must_handle(facts: PackageFacts) -> None:
    rates = {n: facts.expected(facts.of_network(n)) for n in facts.networks}
    assert any(3 * r.published > 2 * r.total for r in rates.values())  # a transparent network
    assert any(3 * r.published == 2 * r.total for r in rates.values())  # exactly two thirds: not transparent
    assert any(e["answer"] for e in facts.experiences) and any(not e["answer"] for e in facts.experiences)


def test_programme_network_table_matches_the_csvs(site: Path, facts: PackageFacts) -> None:
    page = site / "programme" / "index.html"
    rows = rows_by_header(page, "tableau-reseaux")
    for network_id, network in facts.networks.items():
        expected = facts.expected(facts.of_network(network_id))
        row = rows[network["short_name"]]
        assert row[2:11] == figure_cells(expected)[:9], network_id
        assert row[11] == days(expected.median_days)
        late = network_id in facts.late_networks()
        transparent = 3 * expected.published > 2 * expected.total and not late
        assert row[12] == ("oui" if transparent else "non (en retard)" if late else "non"), network_id
        assert row[13] == ("en retard" if late else "à jour")
    overall = facts.expected(set(facts.structures))
    assert rows["Ensemble du programme"][2:12] == figure_cells(overall)
    transparent_count = sum(
        1 for n in facts.networks
        if 3 * facts.expected(facts.of_network(n)).published > 2 * facts.expected(facts.of_network(n)).total
        and n not in facts.late_networks()
    )
    assert rows["Ensemble du programme"][12] == f"{transparent_count} sur {len(facts.networks)}"
    assert rows["Ensemble du programme"][13] == f"{len(facts.late_networks())} en retard"


def test_exactly_two_thirds_is_not_transparent_nor_is_a_late_network(site: Path, facts: PackageFacts) -> None:
    rows = rows_by_header(site / "programme" / "index.html", "tableau-reseaux")
    assert rows["Bêta"][3:5] == ["2", "67 %"] and rows["Bêta"][12] == "non"
    assert rows["Alpha"][12] == "oui"
    assert facts.late_networks() == {"gamma"}
    # Its structures published their last period, but a late network is never counted as publishing.
    assert rows["Gamma"][4] == "0 %" and rows["Gamma"][12] == "non (en retard)"


def test_programme_territory_tables_match_the_csvs(site: Path, facts: PackageFacts) -> None:
    page = site / "programme" / "index.html"
    regions = rows_by_header(page, "tableau-regions")
    for region in facts.regions:
        assert regions[region["name"]][1:] == figure_cells(facts.expected(facts.of_region(region["code"])))
    departements = rows_by_header(page, "tableau-departements")
    for departement in facts.departements:
        header = f"{departement['name']} ({departement['code']})"
        assert departements[header][1:] == figure_cells(facts.expected(facts.of_departement(departement["code"])))


def test_territory_pages_carry_their_monitoring_block(site: Path, facts: PackageFacts) -> None:
    for departement in facts.departements:
        folder = slug(f"{departement['code']}-{departement['name']}")
        page = site / "territoires" / "departements" / folder / "index.html"
        expected = facts.expected(facts.of_departement(departement["code"]))
        text = visible_text(page.read_text("utf-8"))
        assert "Suivi du programme dans le département" in text
        assert f"{share(expected.published, expected.total)} ({expected.published} sur {expected.total})" in text
    page = site / "territoires" / "regions" / "auvergne-rhone-alpes" / "index.html"
    rows = rows_by_header(page, "suivi-territoire-reseaux")
    assert rows["Bêta"][2:5] == ["1", "0", "0 %"]  # Bêta Lyon has no value for the 2nd quarter
    assert rows["Gamma en retard"][1] == "mai 2026"


def test_quarterly_table_shows_the_late_network_dropping_to_zero(site: Path) -> None:
    rows = table_rows(site / "programme" / "index.html", "tableau-trimestres")
    header, body = rows[0], {row[0]: row for row in rows[1:]}
    assert header[-2:] == ["T2 2026", "T3 2026"]  # completed quarters at as_of (15 November 2026)
    assert body["Alpha"][-2:] == ["100 %", "–"]  # quarterly, 3rd quarter not due yet
    assert body["Bêta"][-2:] == ["67 %", "–"]
    assert body["Gamma"][-2:] == ["100 %", "0 %"]  # monthly, nothing after May while August was due
    assert body["Ensemble"][-2] == "88 %"  # 7 of 8 structures in the 2nd quarter


def test_network_page_says_results_are_late(site: Path) -> None:
    late = visible_text((site / "reseaux" / "gamma" / "index.html").read_text("utf-8"))
    assert "Résultats en retard." in late and "dernière période publiée : mai 2026" in late
    assert "attendu : août 2026" in late
    on_time = visible_text((site / "reseaux" / "alpha" / "index.html").read_text("utf-8"))
    assert "Résultats en retard" not in on_time
    assert "Le réseau est transparent" in on_time
    beta = visible_text((site / "reseaux" / "beta" / "index.html").read_text("utf-8"))
    assert "pas encore transparent" in beta
    assert "pas compté comme transparent tant que ses résultats sont en retard" in late


def test_network_page_monitoring_agrees_with_its_publishing_share(site: Path, facts: PackageFacts) -> None:
    """The page's own "N ont publié" sentence and the monitoring block use one definition."""
    for network_id, network in facts.networks.items():
        expected = facts.expected(facts.of_network(network_id))
        text = visible_text((site / "reseaux" / network["id"] / "index.html").read_text("utf-8"))
        if network_id in facts.late_networks():
            assert "réseau en retard : aucune n'est comptée comme publiant ses résultats" in text
        else:
            assert f"{expected.published} ont publié des résultats" in text
        assert f"{share(expected.published, expected.total)} ({expected.published} sur {expected.total})" in text


def test_report_is_printable_and_complete(site: Path) -> None:
    page = site / "programme" / "rapport" / "index.html"
    source = page.read_text("utf-8")
    assert "theme/css/report.css" in source
    assert (site / "theme" / "css" / "report.css").read_text("utf-8").count("@media print") == 1
    text = visible_text(source)
    for title in ("L'essentiel", "Situation par réseau", "Évolution par trimestre", "Situation par région",
                  "Définitions"):
        assert title in text
    assert "1 réseau en retard" in text
    assert rows_by_header(page, "rapport-tableau-reseaux").keys() >= {"Alpha", "Bêta", "Gamma"}


def test_programme_page_is_in_the_menu_and_explains_its_definitions(site: Path) -> None:
    home = (site / "index.html").read_text("utf-8")
    assert 'href="./programme/"' in home or 'href="programme/"' in home
    text = visible_text((site / "programme" / "index.html").read_text("utf-8"))
    assert "Dernière période publiée d'un réseau" in text and "plus des deux tiers" in text


def test_no_inline_script_or_style_in_monitoring_pages(site: Path) -> None:
    for page in (site / "programme").rglob("*.html"):
        source = page.read_text("utf-8")
        assert "style=" not in source and " onclick=" not in source
        assert "<script>" not in source
