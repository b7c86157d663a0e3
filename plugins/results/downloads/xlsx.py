"""A small, deterministic XLSX writer for our download tables.

Why not openpyxl: even in write-only mode it costs ~4 ms per workbook plus ~90 µs per 18-cell row
here, i.e. minutes for a national package (15 000 structures, 1.5 million rows), and it stamps the
current time into the file. Our sheets are plain tables (inline strings, numbers, one bold header
row, frozen panes), which SpreadsheetML expresses in a few fixed parts; rows arrive pre-encoded
(see `encoding`), so a workbook costs little more than zlib. Dates come from the package (`as_of`)
and zip entries are fixed, so two builds give identical bytes. openpyxl still reads the files in
the tests.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .archive import FAST_LEVEL, deterministic_zip
from .encoding import xml_escape, xml_string_tail

HEADER_STYLE = 1  # bold
WRAP_STYLE = 2  # wrapped text, top-aligned (the "À propos" sheet)
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES = (
    f'{_DECLARATION}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def row_template(width: int) -> str:
    """`str.format` pattern of one row: `{0}` is the row number, `{1}`… the cell tails."""
    cells = "".join(f'<c r="{column_letter(i)}{{0}}"{{{i + 1}}}' for i in range(width))
    return f'<row r="{{0}}">{cells}</row>'


def render_rows(width: int, rows: Iterable[Sequence[str]], first: int) -> str:
    """Rows of cell tails as XML, numbered from `first` (to pre-render rows shared by many files)."""
    template = row_template(width)
    return "".join(template.format(number, *cells) for number, cells in enumerate(rows, start=first))


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row, then rows of pre-encoded cell tails (see `encoding.Encoded.xml`),
    then optionally `tail`, rows already rendered by `render_rows` (`tail_rows` of them)."""

    name: str  # at most 31 characters, none of []:*?/\
    header: Sequence[str]
    rows: Iterable[Sequence[str]]
    widths: Sequence[int] = ()
    freeze_header: bool = True
    tail: str = ""
    tail_rows: int = 0

    def xml(self, selected: bool) -> bytes:
        width = len(self.header)
        template = row_template(width)
        header = template.format(1, *(xml_string_tail(text, HEADER_STYLE) if text else "/>" for text in self.header))
        body = [template.format(number, *cells) for number, cells in enumerate(self.rows, start=2)]
        last = f"{column_letter(width - 1)}{len(body) + 1 + self.tail_rows}"
        pane = (
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/>'
            if self.freeze_header
            else ""
        )
        tab = ' tabSelected="1"' if selected else ""
        cols = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(self.widths)
        )
        parts = [
            f'{_DECLARATION}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
            f'<dimension ref="A1:{last}"/>',
            f'<sheetViews><sheetView{tab} workbookViewId="0">{pane}</sheetView></sheetViews>',
            '<sheetFormatPr defaultRowHeight="15"/>',
            f"<cols>{cols}</cols>" if cols else "",
            "<sheetData>",
            header,
            *body,
            self.tail,
            "</sheetData></worksheet>",
        ]
        return "".join(parts).encode("utf-8")


def _core_properties(title: str, creator: str, day: dt.date) -> bytes:
    stamp = f"{day.isoformat()}T00:00:00Z"
    return (
        f"{_DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(creator)}</dc:creator>"
        "<dc:language>fr-FR</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def workbook_bytes(sheets: Sequence[Sheet], title: str, creator: str, day: dt.date) -> bytes:
    """The XLSX file: sheets in order, the first one selected; `day` dates the document."""
    count = len(sheets)
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    content_types = (
        f'{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{sheet_types}"
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )
    root_rels = (
        f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/></Relationships>'
    )
    workbook = (
        f'{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
        + "".join(
            f'<sheet name="{xml_escape(sheet.name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, sheet in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        f'{_DECLARATION}<Relationships xmlns="{_PKG_REL}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        )
        + f'<Relationship Id="rId{count + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    )
    entries = {
        "[Content_Types].xml": content_types.encode("utf-8"),
        "_rels/.rels": root_rels.encode("utf-8"),
        "docProps/core.xml": _core_properties(title, creator, day),
        "xl/workbook.xml": workbook.encode("utf-8"),
        "xl/_rels/workbook.xml.rels": workbook_rels.encode("utf-8"),
        "xl/styles.xml": _STYLES.encode("utf-8"),
    }
    for i, sheet in enumerate(sheets, start=1):
        entries[f"xl/worksheets/sheet{i}.xml"] = sheet.xml(selected=i == 1)
    buffer = io.BytesIO()
    deterministic_zip(buffer, entries.items(), day, sort=False, level=FAST_LEVEL)
    return buffer.getvalue()
