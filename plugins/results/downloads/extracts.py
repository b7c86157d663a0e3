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
from ..i18n.formats import N_, Formats
from .about import ABOUT_SHEET, AboutSheets, AboutText, Provenance
from .archive import deterministic_zip
from .columns import AGGREGATE_COLUMNS, INDICATOR_FILE, DocumentedColumns, ExtractKind
from .encoding import Encoded
from .rows import EncodedResults, csv_text
from .xlsx import Sheet, workbook_bytes

RESULTS_SHEET = "Résultats"
AGGREGATES_SHEET = "Valeurs agrégées"
FORMAT_LABELS = {"csv": "CSV", "xlsx": "Excel (XLSX)", "json": "JSON (API)", "zip": N_("CSV compressé (zip)")}
AGGREGATES_SCOPE = N_("Valeurs calculées par le site à partir des résultats des structures, pour toutes les périodes.")
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
    # The language of the page that links it (the file is the same in every language, its link's words
    # are not): `CSV, 12 ko` on a French page, `CSV, 12 kB` on an English one. None: French.
    formats: Formats | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        """What the link says: `CSV, 12 ko`, `CSV 2025, 16 Mo` (`CSV, 12 kB` in English)."""
        caption = f" {self.caption}" if self.caption else ""
        name = FORMAT_LABELS[self.format]
        if self.formats is None:
            return f"{name}{caption}, {file_size(self.size)}"
        return f"{self.formats.gettext(name)}{caption}, {file_size(self.size, self.formats.language)}"

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
    kind: ExtractKind  # which columns its result file has (columns.py: a page's own record is not repeated)
    aggregates: list[tuple[Encoded, ...]] | None = None
    aggregates_url: str = ""  # file URL pattern with `{ext}`
    aggregates_title: str = ""
    extra: tuple[DownloadGroup, ...] = field(default_factory=tuple)
    spreadsheet: bool = True  # also as XLSX (not per structure: see the README's "Fichiers publiés")
    # Title, scope and page in each language of the build, for the workbook's "about" sheets (one per
    # language, in the order of `ExtractWriter.about`); empty: this run's `title`, `scope`, `page_url`.
    about: tuple[AboutText, ...] = ()


class ExtractWriter:
    """Writes page extracts under the output folder; one instance per build."""

    def __init__(self, encoded: EncodedResults, provenance: Provenance, output: Path,
                 columns: DocumentedColumns, write: bool = True, languages: tuple[Provenance, ...] = ()) -> None:
        self.encoded = encoded
        # False in the runs of the site's other languages: the first run wrote these language-neutral
        # files into the same folder, and their pages link to them (plugins/results/i18n/sites.py).
        self.writes_files = write
        self.provenance = provenance
        self.columns = columns  # described from the package's descriptor, for the "À propos" sheet
        self.output = output
        self.day: dt.date = provenance.info.as_of
        # One "about" sheet per language of the build (`languages`, in order), or this run's only.
        self.about = AboutSheets(languages or (provenance,))
        self._folders: set[Path] = set()  # already created: one mkdir per folder, not per file
        self.files_written = 0
        self.bytes_written = 0
        self.urls: list[str] = []  # written since the section last took them (the files of one page)

    def write_file(self, url: str, content: bytes) -> Download:
        path = confined_path(self.output, url)
        formats = self.provenance.formats
        if not self.writes_files:
            size = path.stat().st_size if path.is_file() else len(content)
            return Download(url.rsplit(".", 1)[-1], url, size, formats=formats)
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.write_bytes(content)
        self.urls.append(url)
        self.files_written += 1
        self.bytes_written += len(content)
        return Download(url.rsplit(".", 1)[-1], url, len(content), formats=formats)

    def history_zip(self, title: str, description: str, url: str, positions: np.ndarray) -> DownloadGroup:
        """Every period of every structure of an indicator: one CSV (the page extracts' columns) in a zip.

        Zipped because the label columns repeat on every row: at national scale an indicator's CSV
        weighs up to 97 MB and its zip 5 MB; pandas reads the zip directly (`read_csv` infers it from
        the `.zip` suffix), and the zip is dated from the data, so a rebuild writes the same bytes.
        """
        kind = INDICATOR_FILE  # the same columns as the indicator's latest values
        table = csv_text(kind.columns, self.encoded.cells(positions, kind.names, "csv"))
        inner = url.rsplit("/", 1)[-1].format(ext="csv")
        buffer = io.BytesIO()
        deterministic_zip(buffer, [(inner, table)], self.day)
        return DownloadGroup(title, description, (self.write_file(url.format(ext="zip"), buffer.getvalue()),))

    def write(self, extract: PageExtract) -> list[DownloadGroup]:
        encoded, positions, kind = self.encoded, extract.positions, extract.kind
        csv_file = self.write_file(
            extract.url.format(ext="csv"), csv_text(kind.columns, encoded.cells(positions, kind.names, "csv"))
        )
        groups = []
        _ = self.provenance.formats.gettext
        if extract.aggregates is not None:
            aggregates_csv = self.write_file(
                extract.aggregates_url.format(ext="csv"),
                csv_text(AGGREGATE_COLUMNS, [tuple(cell.csv for cell in row) for row in extract.aggregates]),
            )
            groups.append(DownloadGroup(
                extract.aggregates_title, _(AGGREGATES_SCOPE),
                (aggregates_csv,),
            ))
        description = extract.scope
        if not extract.spreadsheet:
            return [DownloadGroup(extract.title, description, (csv_file,)), *groups, *extract.extra]
        widths = tuple(column.width for column in kind.columns)
        sheets = [Sheet(RESULTS_SHEET, kind.names, encoded.cells(positions, kind.names, "xml"), widths)]
        tables = [(RESULTS_SHEET, self.columns.of_kind(kind))]
        if extract.aggregates is not None:
            names = [column.name for column in AGGREGATE_COLUMNS]
            xml_rows = [tuple(cell.xml for cell in row) for row in extract.aggregates]
            sheets.append(Sheet(AGGREGATES_SHEET, names, xml_rows, tuple(c.width for c in AGGREGATE_COLUMNS)))
            tables.append((AGGREGATES_SHEET, self.columns.aggregates))
        texts = extract.about or (AboutText(extract.title, extract.scope, extract.page_url),)
        sheets.extend(self.about.sheets(texts, tables))
        xlsx_file = self.write_file(
            extract.url.format(ext="xlsx"),
            workbook_bytes(sheets, extract.title, self.provenance.publisher, self.day),
        )
        if extract.aggregates is not None:
            also = _("Le fichier Excel contient aussi la feuille « {sheet} ».")
            description += " " + also.format(sheet=AGGREGATES_SHEET)
        # the page's language's own "about" sheet: every workbook has one per language of the build
        about = _("La feuille « {sheet} » du fichier Excel dit la source, la licence et le sens de chaque colonne.")
        description += " " + about.format(sheet=_(ABOUT_SHEET))
        return [DownloadGroup(extract.title, description, (csv_file, xlsx_file)), *groups, *extract.extra]
