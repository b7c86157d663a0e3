"""Users' voice on structure and network pages: experiences newest first with their answers, the
actions they prompted, the feedback link, escaping of user text and folding of long texts."""

from __future__ import annotations

import re
import statistics
from datetime import date
from pathlib import Path

import pytest
from monitorcheck import FIXTURE, PackageFacts, days, share
from support.pages import visible_text
from support.site import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURE, tmp_path_factory.mktemp("voice") / "output")


@pytest.fixture(scope="module")
def facts() -> PackageFacts:
    return PackageFacts(FIXTURE)


def structure_page(site: Path, facts: PackageFacts, structure_id: str) -> str:
    return (site / "services" / facts.structures[structure_id]["slug"] / "index.html").read_text("utf-8")


def test_experiences_are_listed_newest_first_with_answer_or_awaiting(site: Path, facts: PackageFacts) -> None:
    for structure_id in facts.structures:
        source = structure_page(site, facts, structure_id)
        mine = sorted((e for e in facts.experiences if e["structure_id"] == structure_id),
                      key=lambda e: e["published_on"], reverse=True)
        anchors = re.findall(r'<article class="experience" id="experience-([a-z0-9-]+)"', source)
        assert anchors == [e["id"].lower() for e in mine]
        assert source.count("En attente de réponse") == sum(1 for e in mine if not e["answer"])
        for experience in mine:
            block = source.split(f'id="experience-{experience["id"].lower()}"', 1)[1].split("</article>", 1)[0]
            text = visible_text(block)
            if experience["answer"]:
                assert "Réponse du service" in text and visible_text(experience["answer"]) in text
            else:
                assert "En attente de réponse" in text and "Réponse du service" not in text


def test_user_text_is_escaped_never_executed(site: Path, facts: PackageFacts) -> None:
    source = structure_page(site, facts, "ALPHA-PARIS")
    assert "<script>alert(1)</script>" not in source
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&amp; rien ne se passe" in source
    for page in site.rglob("*.html"):
        assert "<script>alert" not in page.read_text("utf-8"), page


def test_long_text_is_folded_in_details_without_javascript(site: Path, facts: PackageFacts) -> None:
    source = structure_page(site, facts, "ALPHA-PARIS")
    block = source.split('id="experience-exp-a3"', 1)[1].split("</article>", 1)[0]
    assert '<details class="fold">' in block
    summary = visible_text(block.split("<summary>", 1)[1].split("</summary>", 1)[0])
    assert summary.startswith("Je me suis présentée trois fois") and "Lire la suite du témoignage" in summary
    body = visible_text(block.split("</summary>", 1)[1])
    assert "il aurait fallu commencer par là." in body  # the full text is in the page
    short = source.split('id="experience-exp-a1"', 1)[1].split("</article>", 1)[0]
    assert "<details" not in short


def test_feedback_link_is_built_from_the_network_template(site: Path, facts: PackageFacts) -> None:
    for structure_id, structure in facts.structures.items():
        source = structure_page(site, facts, structure_id)
        template = facts.networks[structure["network_id"]]["feedback_url_template"]
        if template:
            expected = template.replace("{structure_id}", structure_id).replace("&", "&amp;")
            assert f'href="{expected}"' in source and "Donner mon avis" in source
        else:
            assert "Donner mon avis" not in source


def test_actions_link_to_the_experience_or_indicator_that_prompted_them(site: Path, facts: PackageFacts) -> None:
    for action in facts.actions:
        source = structure_page(site, facts, action["structure_id"])
        block = source.split(f'id="action-{action["id"].lower()}"', 1)[1].split("</article>", 1)[0]
        assert action["title"].replace("'", "&#39;") in block
        if action["experience_id"]:
            anchor = f"experience-{action['experience_id'].lower()}"
            assert f'href="#{anchor}"' in block and f'id="{anchor}"' in source
        if action["indicator_id"]:
            assert f'indicateurs/{action["indicator_id"]}/' in block
    status = visible_text(structure_page(site, facts, "BETA-PARIS"))
    assert "Vous nous avez dit, nous avons fait" in status and "État : en cours" in status


def test_network_voice_figures_match_the_csvs(site: Path, facts: PackageFacts) -> None:
    for network_id, network in facts.networks.items():
        ids = facts.of_network(network_id)
        mine = [e for e in facts.experiences if e["structure_id"] in ids]
        answered = [e for e in mine if e["answer"]]
        delays = [(date.fromisoformat(e["answered_on"]) - date.fromisoformat(e["published_on"])).days
                  for e in answered]
        text = visible_text((site / "reseaux" / network["id"] / "index.html").read_text("utf-8"))
        assert f"Expériences d'usagers publiées {len(mine)}" in text
        if mine:
            assert f"{share(len(answered), len(mine))} ({len(answered)} sur {len(mine)})" in text
        if delays:
            assert f"Délai médian de réponse {days(statistics.median(delays))}" in text
        for action in (a for a in facts.actions if a["structure_id"] in ids):
            assert visible_text(action["title"]) in text


def test_structure_without_experience_says_so(site: Path, facts: PackageFacts) -> None:
    text = visible_text(structure_page(site, facts, "ALPHA-LYON"))
    assert "Aucune expérience d'usager n'a encore été publiée" in text
    assert "Aucune action d'amélioration n'a encore été publiée" in text
