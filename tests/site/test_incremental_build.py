"""Incremental builds (scripts/build.py + plugins/results/carryover.py): a page is rendered again when
anything it shows changed — data, template, content, setting, code — and only then; every other file
of the published site keeps its bytes *and* its inode (not rewritten).

One site is built from a copy of the good fixture, with its own theme, content and settings file, so
each test changes one input, rebuilds, and looks at the published pages.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import build as build_script
import pytest
from buildcache import page_manifest
from results.carryover import read_manifest
from support.paths import GOOD_FIXTURE, ROOT
from support.site import copy_package

CHANGED = "services/caf-de-paris/index.html"  # CAF-75: its latest caf-decroche value is corrected
UNAFFECTED = "services/service-des-impots-des-particuliers-d-ajaccio/index.html"  # another network


class Site:
    """A package, theme, content and settings of one's own, built into `output` with scripts/build.py."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = copy_package(GOOD_FIXTURE, root / "package")
        self.theme = root / "theme"
        self.content = root / "content"
        self.extra_plugins = root / "extra-plugins"
        shutil.copytree(ROOT / "theme", self.theme)
        shutil.copytree(ROOT / "content", self.content)
        self.extra_plugins.mkdir()
        self.write_plugin("TAGLINE = 'La qualité de service, mesurée'\n")
        self.settings = root / "siteconf.py"
        self.write_settings("")
        self.output = root / "output"
        self.cache = root / "chart-cache"

    def write_settings(self, extra: str) -> None:
        self.settings.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
            f"THEME = {str(self.theme)!r}\n"
            f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}, {str(self.extra_plugins)!r}]\n"
            "PLUGINS = [*PLUGINS, 'tagline']\n"
            f"{extra}",
            "utf-8",
        )

    def write_plugin(self, body: str) -> None:
        """A site's own plugin: its code sets the tagline every page shows."""
        (self.extra_plugins / "tagline.py").write_text(
            f"{body}\n\ndef _set(pelican):\n    pelican.settings['SITE_TAGLINE'] = TAGLINE\n\n\n"
            "def register():\n    from pelican import signals\n    signals.initialized.connect(_set)\n",
            "utf-8",
        )

    def build(self, *extra: str) -> dict:
        args = ["--settings", str(self.settings), "--data", str(self.data), "--output", str(self.output),
                "--chart-cache", str(self.cache), "--quiet", *extra]
        assert build_script.main(args) == 0
        return read_manifest(page_manifest(self.output))

    def page(self, name: str) -> str:
        return (self.output / name).read_text("utf-8")

    def inodes(self) -> dict[str, int]:
        return {str(p.relative_to(self.output)): p.stat().st_ino for p in self.output.rglob("*") if p.is_file()}

    def replace_in(self, path: Path, old: str, new: str) -> None:
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} absent de {path}"
        path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("incremental"))
    first = site.build()
    assert first["carried"] == 0 and first["blind"] == 0  # every page of the site can be compared
    return site


def test_a_corrected_value_renders_only_the_pages_that_show_it(site: Site) -> None:
    before, inodes = site.page(UNAFFECTED), site.inodes()
    assert "91,3" in site.page(CHANGED)
    results = site.data.parent / "results" / "caf.csv"
    site.replace_in(results, "CAF-75,caf-decroche,2026-06,91.3,", "CAF-75,caf-decroche,2026-06,93.7,")

    manifest = site.build()

    rendered = set(manifest["rendered_pages"])
    assert CHANGED in rendered and "93,7" in site.page(CHANGED) and "91,3" not in site.page(CHANGED)
    assert "reseaux/caf/index.html" in rendered  # the network's table shows the value too
    assert UNAFFECTED not in rendered and manifest["carried"] > len(rendered)
    after = site.inodes()
    assert site.page(UNAFFECTED) == before and after[UNAFFECTED] == inodes[UNAFFECTED]  # not rewritten
    rewritten = {name for name, inode in after.items() if inodes.get(name) != inode}
    assert "services/caf-de-paris/resultats-caf-de-paris.csv" in rewritten  # its download has the new value
    assert not any(name.startswith("theme/") for name in rewritten)
    assert len(rewritten) < len(after) / 5


def test_a_template_change_renders_the_pages_again(site: Site) -> None:
    site.replace_in(site.theme / "templates" / "structure.html", "{% block content %}",
                    "{% block content %}<p>Gabarit modifié</p>")
    manifest = site.build()
    assert manifest["carried"] == 0
    assert "Gabarit modifié" in site.page(UNAFFECTED)


def test_a_content_page_change_is_published(site: Site) -> None:
    page = next((site.content / "pages").glob("*.md"))
    site.replace_in(page, "\n\n", "\n\nPhrase ajoutée par la rédaction.\n\n")
    manifest = site.build()
    assert manifest["carried"] == 0  # content pages are part of every page's inputs (menus, links)
    published = [p for p in site.output.rglob("*.html") if "Phrase ajoutée par la rédaction." in p.read_text("utf-8")]
    assert published


def test_a_setting_change_renders_the_pages_again(site: Site) -> None:
    site.write_settings("SITENAME = 'Résultats de nos services'\n")
    manifest = site.build()
    assert manifest["carried"] == 0
    assert "Résultats de nos services" in site.page(UNAFFECTED)


def test_a_code_change_renders_the_pages_again(site: Site) -> None:
    site.write_plugin("TAGLINE = 'Des services publics mesurés, trimestre après trimestre'\n")
    sys.modules.pop("tagline", None)  # builds run in this process: import the edited code
    manifest = site.build()
    assert manifest["carried"] == 0
    assert "trimestre après trimestre" in site.page(UNAFFECTED)


def test_nothing_changed_but_forced_renders_every_page_and_rewrites_nothing(site: Site) -> None:
    inodes = site.inodes()
    manifest = site.build("--force")
    assert manifest["carried"] == 0 and manifest["rendered"] == len(manifest["pages"])
    assert site.inodes() == inodes  # same bytes: the published files are kept as they are


def test_a_published_page_edited_by_hand_is_rendered_again(site: Site) -> None:
    target = site.output / UNAFFECTED
    original = target.read_text("utf-8")
    target.unlink()  # a new inode: the rest of the site is untouched
    target.write_text(original.replace("</main>", "<p>ajout manuel</p></main>"), "utf-8")
    results = site.data.parent / "results" / "caf.csv"
    site.replace_in(results, "CAF-75,caf-decroche,2026-06,93.7,", "CAF-75,caf-decroche,2026-06,93.9,")
    manifest = site.build()
    assert UNAFFECTED in manifest["rendered_pages"]
    assert site.page(UNAFFECTED) == original


def test_a_failed_build_keeps_the_manifest_of_the_published_site(site: Site) -> None:
    manifest_path = page_manifest(site.output)
    before = manifest_path.read_bytes()
    site.replace_in(site.theme / "templates" / "structure.html", "<p>Gabarit modifié</p>", "{% if %}")
    try:
        args = ["--settings", str(site.settings), "--data", str(site.data), "--output", str(site.output),
                "--chart-cache", str(site.cache), "--quiet"]
        assert build_script.main(args) == 1
        assert manifest_path.read_bytes() == before
        assert not any(p.name.endswith(".next.json") for p in manifest_path.parent.iterdir()
                       if p.name.startswith(manifest_path.stem))
    finally:
        site.replace_in(site.theme / "templates" / "structure.html", "{% if %}", "")
    assert os.path.exists(site.output / UNAFFECTED)
