"""A publication build needs the site's real public address (issue #20, "For journalists").

Posters' QR codes, citations, badges and the API print the public address: `make publish` with no
SITEURL, or with the placeholder, must stop with a French message and publish nothing.
"""

from __future__ import annotations

from pathlib import Path

import build as build_script
import pytest
from support.paths import GOOD_FIXTURE


def publish(output: Path) -> int:
    return build_script.main(["--settings", "publishconf.py", "--data", str(GOOD_FIXTURE),
                              "--output", str(output), "--quiet", "--force"])


@pytest.mark.parametrize("address", ["", "https://example.org/resultats", "https://www.example.com/site"])
def test_publication_refuses_a_missing_or_placeholder_address(
    address: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SITEURL", address)
    output = tmp_path / "output"
    assert publish(output) == 1
    error = capsys.readouterr().err
    assert "Publication refusée : l'adresse publique du site est" in error
    assert "SITEURL=https://" in error and "SITE_URL" in error
    assert not output.exists()


def test_publication_with_the_real_address_uses_it_everywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITEURL", "https://resultats.exemple.gouv.fr/")
    output = tmp_path / "output"
    assert publish(output) == 0
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://resultats.exemple.gouv.fr/services/" in sitemap
    assert "Sitemap: https://resultats.exemple.gouv.fr/sitemap.xml" in (output / "robots.txt").read_text()
    published = "\n".join(p.read_text(encoding="utf-8") for p in output.rglob("*.html"))
    assert "example.org/resultats" not in published  # the placeholder (the fixture's own links may use example.org)
