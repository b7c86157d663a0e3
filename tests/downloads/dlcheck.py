"""Helpers for the downloads tests: read the source package and the built pages independently of
the plugin (csv module, html.parser), so the tests check the plugin rather than reuse it."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import openpyxl
from support.recompute import is_formula, period_end

DOWNLOAD_SUFFIXES = (".csv", ".xlsx", ".json", ".zip")
NUMERIC_COLUMNS = ("value", "sample_size", "ci_low", "ci_high")


def by_id(rows: list[dict[str, str]], key: str = "id") -> dict[str, dict[str, str]]:
    return {row[key]: row for row in rows}


def latest_rows(results: list[dict[str, str]]) -> dict[tuple[str, str], dict[str, str]]:
    """(structure, indicator) → the row of the latest period that has a value."""
    latest: dict[tuple[str, str], dict[str, str]] = {}
    for row in results:
        if not row["value"]:
            continue
        key = (row["structure_id"], row["indicator_id"])
        if key not in latest or period_end(row["period"]) > period_end(latest[key]["period"]):
            latest[key] = row
    return latest


def same_value(ours: object, theirs: str) -> bool:
    """A numeric cell equals the source text exactly (as numbers); empty equals empty."""
    if theirs == "":
        return ours in ("", None)
    return ours not in ("", None) and float(ours) == float(theirs)


class PageLinks(HTMLParser):
    """Every <a> of a page: (href, text, attributes)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, dict[str, str | None]]] = []
        self._open: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            self.links.append((self._open.get("href") or "", "".join(self._text).strip(), self._open))
            self._open = None


def page_links(page: Path) -> list[tuple[str, str, dict[str, str | None]]]:
    parser = PageLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def resolve(output: Path, page: Path, href: str) -> Path | None:
    """The file a relative or root-relative link of `page` points to (None if it leaves the site)."""
    base = "http://site/" + page.relative_to(output).as_posix()
    target = urlparse(urljoin(base, href))
    if target.netloc != "site":
        return None
    return output / unquote(target.path.lstrip("/"))


def download_block_links(page: Path) -> list[tuple[str, str, dict[str, str | None]]]:
    """The links of the page's "Télécharger ces données" block (charts have their own CSV links)."""
    html = page.read_text(encoding="utf-8")
    start = html.find('<section class="downloads"')
    if start < 0:
        return []
    parser = PageLinks()
    parser.feed(html[start:html.find("</section>", start)])
    return parser.links


def download_links(output: Path, page: Path) -> dict[str, tuple[Path, str]]:
    """Suffix → (file, link text) for the page's download links (the first of each kind)."""
    found: dict[str, tuple[Path, str]] = {}
    for href, text, _ in download_block_links(page):
        path = resolve(output, page, href)
        if path is not None and path.suffix in DOWNLOAD_SUFFIXES:
            found.setdefault(path.suffix, (path, text))
    return found


def xlsx_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]
    finally:
        workbook.close()


def formula_cells_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row if is_formula(cell)]


def formula_cells_xlsx(path: Path) -> list[str]:
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return [
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str) and is_formula(cell)
        ]
    finally:
        workbook.close()


def zip_members(path: Path) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
        return archive.infolist()


SIZE = re.compile(
    r"(?P<format>CSV|Excel \(XLSX\)|JSON \(API\)), (?P<number>[\d\u202f]+(?:,\d)?)\s(?P<unit>octets|ko|Mo)"
)
UNITS = {"octets": 1, "ko": 1000, "Mo": 1000**2}


def size_from_label(text: str) -> tuple[str, float]:
    """`CSV, 1,3 ko` → ("CSV", 1300.0): the format and the size the link announces, in bytes."""
    match = SIZE.fullmatch(text)
    assert match, f"le lien « {text} » ne dit pas son format et sa taille"
    number = float(match["number"].replace("\u202f", "").replace(",", "."))
    return match["format"], number * UNITS[match["unit"]]
