"""Label status rules, badge drawing and QR codes, without building a site."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from results.badges import (
    EXPIRED_COLOURS,
    INK,
    LEVEL_COLOURS,
    badge_file,
    badge_svg,
    embed_snippet,
)
from results.i18n.formats import Formats
from results.labels import NO_LABEL, LabelStatus, label_status
from results.model import Label
from results.qr import QUIET_ZONE, qr_matrix, qr_svg

AS_OF = dt.date(2026, 11, 15)
SVG = "{http://www.w3.org/2000/svg}"


def label(level: str, awarded: str, until: str, structure: str = "S1") -> Label:
    return Label(structure, level, dt.date.fromisoformat(awarded), dt.date.fromisoformat(until), "AFNOR Certification")


# -- status at the "as of" date -------------------------------------------------------------------
def test_a_label_is_current_from_its_award_to_its_last_valid_day_included() -> None:
    assert label_status([label("or", "2026-11-15", "2029-11-15")], AS_OF).state == "current"
    assert label_status([label("or", "2023-11-15", "2026-11-15")], AS_OF).state == "current"
    assert label_status([label("or", "2023-11-14", "2026-11-14")], AS_OF).state == "expired"


def test_a_label_awarded_after_the_as_of_date_does_not_exist_yet() -> None:
    assert label_status([label("or", "2026-12-01", "2029-12-01")], AS_OF) is NO_LABEL
    assert label_status([], AS_OF) is NO_LABEL


def test_renewal_and_upgrade_the_most_recent_award_wins() -> None:
    old = label("bronze", "2021-03-01", "2024-03-01")
    argent = label("argent", "2024-01-10", "2027-01-10")
    upgrade = label("or", "2026-06-01", "2029-06-01")
    status = label_status([upgrade, old, argent], AS_OF)
    assert status == LabelStatus("current", upgrade)


def test_an_expired_structure_reports_its_last_label_with_its_dates() -> None:
    first = label("bronze", "2018-01-01", "2021-01-01")
    last = label("argent", "2021-02-01", "2024-02-01")
    status = label_status([last, first], AS_OF)
    assert status.state == "expired" and status.label == last and not status.is_current


def test_the_status_depends_on_the_data_date_not_the_wall_clock() -> None:
    labels = [label("or", "2020-01-01", "2023-01-01")]
    assert label_status(labels, dt.date(2022, 6, 1)).state == "current"
    assert label_status(labels, dt.date(2024, 6, 1)).state == "expired"


# -- badge ----------------------------------------------------------------------------------------
def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("background", [colours[0] for colours in LEVEL_COLOURS] + [EXPIRED_COLOURS[0]])
def test_badge_text_contrast_is_at_least_aa(background: str) -> None:
    assert contrast(INK, background) >= 4.5


@pytest.mark.parametrize("emblem", [colours[1] for colours in LEVEL_COLOURS] + [EXPIRED_COLOURS[1]])
def test_white_stars_stand_out_on_the_emblem(emblem: str) -> None:
    assert contrast("#ffffff", emblem) >= 3  # non-text graphics (WCAG 1.4.11)


LEVELS = [("bronze", 1, "Bronze"), ("argent", 2, "Argent"), ("or", 3, "Or")]
FRENCH, ENGLISH = Formats("fr_FR"), Formats("en_GB")


@pytest.mark.parametrize(("level", "stars", "word"), LEVELS)
def test_badge_writes_the_level_and_validity_and_has_an_accessible_name(level: str, stars: int, word: str) -> None:
    status = LabelStatus("current", label(level, "2025-03-12", "2028-03-12"))
    root = ET.fromstring(badge_file(status, "Services Publics+", FRENCH).split("\n", 1)[1])
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and root.get("aria-labelledby") == title.get("id")
    assert f"niveau {word.lower()}" in title.text and "12 mars 2028" in title.text
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert f"Niveau {word}" in texts and "Valable jusqu'au 12/03/2028" in texts
    assert len(root.findall(f"{SVG}polygon")) == stars  # the level is also told by the number of stars
    assert not any(element.get("style") for element in root.iter())


def test_an_expired_badge_says_so_and_drops_the_level_colours() -> None:
    status = LabelStatus("expired", label("or", "2023-06-01", "2026-06-01"))
    svg = str(badge_svg(status, "Services Publics+", FRENCH))
    assert "Niveau Or : expiré" in svg and "depuis le 02/06/2026" in svg
    assert LEVEL_COLOURS[0][0] not in svg and 'stroke-dasharray="6 4"' in svg


def test_an_english_badge_speaks_english() -> None:
    status = LabelStatus("current", label("or", "2025-03-12", "2028-03-12"))
    svg = str(badge_svg(status, "Services Publics+", ENGLISH))
    assert "Gold level" in svg and "Valid until 12/03/2028" in svg and "valid until 12 March 2028" in svg
    assert "Niveau" not in svg and "mars" not in svg


def test_badge_and_snippet_escape_data() -> None:
    status = LabelStatus("current", label("or", "2025-03-12", "2028-03-12"))
    svg = str(badge_svg(status, 'Q&A "<b>"', FRENCH))
    assert "<b>" not in svg and "Q&amp;A" in svg
    ET.fromstring(svg)  # still well-formed XML
    snippet = embed_snippet("https://x.test/b.svg?a=1&b=2", "https://x.test/p/", 'Label "or" <x>', ("260", "80"),
                            FRENCH)
    assert 'alt="Label &quot;or&quot; &lt;x&gt;"' in snippet and "a=1&amp;b=2" in snippet


def test_public_addresses_prefer_an_absolute_siteurl() -> None:
    from results.pages import Urls

    public = "https://example.org/resultats/"
    assert Urls({"SITEURL": ""}, (), public).public("services/a/") == "https://example.org/resultats/services/a/"
    assert Urls({"SITEURL": "https://resultats.example.gouv.fr"}, (), public).public_base == \
        "https://resultats.example.gouv.fr"
    assert Urls({"SITEURL": "../.."}, (), public).public_base == "https://example.org/resultats"


# -- QR code --------------------------------------------------------------------------------------
def rasterise_path(svg: str, scale: int = 8) -> Image.Image:
    """Draw the QR SVG with resvg (vl-convert's renderer, a real SVG engine), `scale` pixels a module,
    black or white: checks the SVG as a browser or printer reads it, not just the matrix."""
    import io

    import vl_convert

    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    sized = re.sub(r'width="\d+" height="\d+"', f'width="{size * scale}" height="{size * scale}"', svg, count=1)
    image = Image.open(io.BytesIO(vl_convert.svg_to_png(sized, scale=1))).convert("L")
    assert image.size == (size * scale, size * scale)
    return image.point(lambda level: 0 if level < 128 else 255)


@pytest.mark.parametrize("url", [
    "https://example.org/resultats/services/caf-de-paris/",
    "https://resultats.example.gouv.fr/services/agence-france-travail-de-saint-quentin-en-yvelines-guyancourt/",
])
def test_qr_svg_decodes_to_its_url(url: str) -> None:
    svg = str(qr_svg(url, "QR code"))
    assert "style=" not in svg and 'role="img"' in svg
    decoded = zxingcpp.read_barcodes(rasterise_path(svg))
    assert [result.text for result in decoded] == [url]


def test_qr_path_draws_exactly_the_matrix_with_a_quiet_zone() -> None:
    url = "https://example.org/resultats/services/caf-de-paris/"
    matrix = qr_matrix(url)
    image = rasterise_path(str(qr_svg(url, "QR")), scale=4)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):  # every pixel of every module: edges included, no overlap
            for dx in range(4):
                for dy in range(4):
                    pixel = image.getpixel(((x + QUIET_ZONE) * 4 + dx, (y + QUIET_ZONE) * 4 + dy))
                    assert (pixel == 0) == dark, (x, y, dx, dy)
    assert all(image.getpixel((x, 0)) == 255 for x in range(image.width))


def test_a_cached_qr_code_decodes_to_its_url_and_a_damaged_entry_is_drawn_again(tmp_path: Path) -> None:
    """The chart cache keeps each drawn code: the second build reads it; a cut entry is not trusted."""
    url = "https://example.org/resultats/services/caf-de-paris/"
    drawn = str(qr_svg(url, "QR"))
    assert str(qr_svg(url, "QR", cache=tmp_path)) == drawn  # drawn, then kept
    (entry,) = tmp_path.rglob("*.txt")
    assert str(qr_svg(url, "QR", cache=tmp_path)) == drawn  # read back
    entry.write_text(entry.read_text(encoding="utf-8").rsplit("m", 1)[0], encoding="utf-8")  # cut after a run
    read = str(qr_svg(url, "QR", cache=tmp_path))
    assert read == drawn and [result.text for result in zxingcpp.read_barcodes(rasterise_path(read))] == [url]


# -- poster figures -------------------------------------------------------------------------------
def test_poster_figures_are_the_same_whether_the_structure_page_was_written_first_or_not() -> None:
    from labelcheck import LABELS_FIXTURE
    from results.load import load_catalog
    from results.poster import PosterSection
    from results.sections import Site

    catalog = load_catalog(LABELS_FIXTURE)
    site = Site.of(catalog, {"SITEURL": ""})
    section = PosterSection(site)
    structure, other = catalog.structures["CAF-75"], catalog.structures["CAF-69"]
    poster, page = site.urls.page("POSTER", structure), site.urls.page("STRUCTURE", structure)
    cold = section.extend(poster, {"structure": structure})  # its page carried over: figures computed here
    section.extend(site.urls.page("POSTER", other), {"structure": other})  # another structure in between
    values = site.views.structure(structure)
    section.extend(page, values)
    warm = section.extend(poster, {"structure": structure})
    assert cold["poster_figures"] == warm["poster_figures"] and len(cold["poster_figures"]) == 2
    assert cold["qr_code"] == warm["qr_code"]
    # Facts once: the poster written after its page shows the page's own objects, not a second conversion.
    assert [line.latest for line in warm["poster_figures"]] == [f.latest for f in values["figures"]]
    pairs = list(zip(warm["poster_figures"], values["figures"], strict=True))
    assert all(line.latest is figures.latest for line, figures in pairs)
    pairs = list(zip(cold["poster_figures"], values["figures"], strict=True))
    assert not any(line.latest is figures.latest for line, figures in pairs)


def test_a_structure_chart_page_and_poster_share_one_conversion_of_its_results() -> None:
    """`StructureFigures`: figures asked for ahead (a chart batch) are the ones its page and poster get;
    once the next structure's page comes, the previous one's are let go (computed anew if asked again)."""
    from labelcheck import LABELS_FIXTURE
    from results.load import load_catalog
    from results.sections import Site

    catalog = load_catalog(LABELS_FIXTURE)
    store = Site.of(catalog, {"SITEURL": ""}).views.structure_figures
    first, second = catalog.structures["CAF-75"], catalog.structures["CAF-69"]
    for_chart = store.ahead(first)
    store.ahead(second)
    assert store.of(first) is for_chart and store.of(first) is for_chart  # its page, then its poster
    assert [f.indicator.id for f in for_chart] and all(f.history for f in for_chart)
    assert store.ahead(first) is for_chart  # a chart asked while its page is written: no second conversion
    assert store.of(second) is not None
    again = store.of(first)
    assert again is not for_chart and again == for_chart  # let go, recomputed: same figures, new objects
