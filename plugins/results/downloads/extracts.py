"""The data behind one page, written as CSV (canonical) and XLSX (for French Excel), plus what the
page's download links need to say (format, size).

CSV is UTF-8 with commas, which French Excel misreads; the XLSX carries the same rows as typed cells
and an "À propos" sheet, so both audiences get a file that opens correctly.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..confine import confined_path
from ..core.sizes import file_size
from .about import AboutSheets, Provenance
from .archive import deterministic_zip
from .columns import AGGREGATE_COLUMNS, RESULT_COLUMNS, DocumentedColumns
from .encoding import Encoded
from .rows import RESULT_NAMES, EncodedResults, csv_text
from .xlsx import Sheet, workbook_bytes

RESULTS_SHEET = "Résultats"
AGGREGATES_SHEET = "Valeurs agrégées"
FORMAT_LABELS = {"csv": "CSV", "xlsx": "Excel (XLSX)", "json": "JSON (API)", "zip": "CSV compressé (zip)"}
MEDIATYPES = {
    "csv": "text/csv",
    "zip": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Download:
    """One file offered on a page."""

    format: str  # csv, xlsx, json or zip
    url: str  # site-relative
    size: int
    caption: str = ""  # tells apart the files of one group: the year of a network's yearly file
    saved_as: str = ""  # the name the browser saves it under, when the URL's last part says too little

    @property
    def label(self) -> str:
        """What the link says: `CSV, 12 ko`, `CSV 2025, 16 Mo`."""
        caption = f" {self.caption}" if self.caption else ""
        return f"{FORMAT_LABELS[self.format]}{caption}, {file_size(self.size)}"

    @property
    def mediatype(self) -> str:
        return MEDIATYPES[self.format]

    @property
    def filename(self) -> str:
        return self.saved_as or self.url.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class DownloadGroup:
    """The same data in several formats, under one title."""

    title: str
    description: str
    files: tuple[Download, ...]


@dataclass(frozen=True)
class PageExtract:
    """What one page offers: its result rows and, for networks and indicators, computed values."""

    title: str  # "Résultats de CAF de Paris"
    scope: str  # which rows, in words
    page_url: str  # absolute when known
    url: str  # file URL pattern with `{ext}`
    positions: np.ndarray
    aggregates: list[tuple[Encoded, ...]] | None = None
    aggregates_url: str = ""  # file URL pattern with `{ext}`
    aggregates_title: str = ""
    extra: tuple[DownloadGroup, ...] = field(default_factory=tuple)
    spreadsheet: bool = True  # also as XLSX (not per structure: see the README's "Fichiers publiés")


class ExtractWriter:
    """Writes page extracts under the output folder; one instance per build."""

    def __init__(self, encoded: EncodedResults, provenance: Provenance, output: Path,
                 columns: DocumentedColumns, write: bool = True) -> None:
        self.encoded = encoded
        # False in the runs of the site's other languages: the first run wrote these language-neutral
        # files into the same folder, and their pages link to them (plugins/results/i18n/sites.py).
        self.writes_files = write
        self.provenance = provenance
        self.columns = columns  # described from the package's descriptor, for the "À propos" sheet
        self.output = output
        self.day: dt.date = provenance.info.as_of
        self.widths = tuple(column.width for column in RESULT_COLUMNS)
        self.about = AboutSheets(provenance)
        self._folders: set[Path] = set()  # already created: one mkdir per folder, not per file
        self.files_written = 0
        self.bytes_written = 0
        self.urls: list[str] = []  # written since the section last took them (the files of one page)

    def write_file(self, url: str, content: bytes) -> Download:
        path = confined_path(self.output, url)
        if not self.writes_files:
            return Download(url.rsplit(".", 1)[-1], url, path.stat().st_size if path.is_file() else len(content))
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.write_bytes(content)
        self.urls.append(url)
        self.files_written += 1
        self.bytes_written += len(content)
        return Download(url.rsplit(".", 1)[-1], url, len(content))

    def history_zip(self, title: str, description: str, url: str, positions: np.ndarray) -> DownloadGroup:
        """Every period of every structure of an indicator: one CSV (the page extracts' columns) in a zip.

        Zipped because the label columns repeat on every row: at national scale an indicator's CSV
        weighs up to 97 MB and its zip 5 MB; pandas reads the zip directly (`read_csv` infers it from
        the `.zip` suffix), and the zip is dated from the data, so a rebuild writes the same bytes.
        """
        table = csv_text(RESULT_COLUMNS, self.encoded.cells(positions, RESULT_NAMES, "csv"))
        inner = url.rsplit("/", 1)[-1].format(ext="csv")
        buffer = io.BytesIO()
        deterministic_zip(buffer, [(inner, table)], self.day)
        return DownloadGroup(title, description, (self.write_file(url.format(ext="zip"), buffer.getvalue()),))

    def write(self, extract: PageExtract) -> list[DownloadGroup]:
        encoded, positions = self.encoded, extract.positions
        csv_file = self.write_file(
            extract.url.format(ext="csv"), csv_text(RESULT_COLUMNS, encoded.cells(positions, RESULT_NAMES, "csv"))
        )
        groups = []
        if extract.aggregates is not None:
            aggregates_csv = self.write_file(
                extract.aggregates_url.format(ext="csv"),
                csv_text(AGGREGATE_COLUMNS, [tuple(cell.csv for cell in row) for row in extract.aggregates]),
            )
            groups.append(DownloadGroup(
                extract.aggregates_title,
                "Valeurs calculées par le site à partir des résultats des structures, pour toutes les périodes.",
                (aggregates_csv,),
            ))
        description = extract.scope
        if not extract.spreadsheet:
            return [DownloadGroup(extract.title, description, (csv_file,)), *groups, *extract.extra]
        sheets = [Sheet(RESULTS_SHEET, RESULT_NAMES, encoded.cells(positions, RESULT_NAMES, "xml"), self.widths)]
        tables = [(RESULTS_SHEET, self.columns.results)]
        if extract.aggregates is not None:
            names = [column.name for column in AGGREGATE_COLUMNS]
            xml_rows = [tuple(cell.xml for cell in row) for row in extract.aggregates]
            sheets.append(Sheet(AGGREGATES_SHEET, names, xml_rows, tuple(c.width for c in AGGREGATE_COLUMNS)))
            tables.append((AGGREGATES_SHEET, self.columns.aggregates))
        sheets.append(self.about.sheet(extract.title, extract.scope, extract.page_url, tables))
        xlsx_file = self.write_file(
            extract.url.format(ext="xlsx"),
            workbook_bytes(sheets, extract.title, self.provenance.publisher, self.day),
        )
        if extract.aggregates is not None:
            description += f" Le fichier Excel contient aussi la feuille « {AGGREGATES_SHEET} »."
        return [DownloadGroup(extract.title, description, (csv_file, xlsx_file)), *groups, *extract.extra]
