"""Read one source CSV whatever its encoding, BOM and delimiter, matching columns by header name.

Exports drift: a portal adds a column, an older copy orders them differently, a BOM ends up inside
the first quoted, re-quoted header cell (the portal's structures export), a spreadsheet re-saves it in
Windows-1252 with semicolons. So nothing here trusts a position: each *role* a source needs (its
structure code, its value…) is found by one of the header names its mapping declares, compared
without case, accents of spacing or stray quotes. What was detected is kept (`SourceFormat`) and
printed in the import report, so a maintainer sees how the file was read.
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SourceError

DELIMITERS = (";", ",", "\t", "|")
DELIMITER_NAMES = {";": "point-virgule", ",": "virgule", "\t": "tabulation", "|": "barre verticale"}
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig", "UTF-8 avec BOM"), (b"\xff\xfe", "utf-16", "UTF-16 (LE)"),
         (b"\xfe\xff", "utf-16", "UTF-16 (BE)"))
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SourceFormat:
    """How a file was read: its encoding, whether it had a BOM (and where), its delimiter."""

    encoding: str
    encoding_label: str
    delimiter: str
    bom_in_header: bool = False

    def describe(self) -> str:
        bom = ", BOM dans le premier en-tête" if self.bom_in_header else ""
        return f"{self.encoding_label}, séparateur {DELIMITER_NAMES[self.delimiter]}{bom}"


@dataclass
class SourceTable:
    """A source file ready to read: its roles found by header name, its rows as {role: text}."""

    path: Path
    shown: str
    format: SourceFormat
    header: list[str]
    positions: dict[str, int]  # role → column index, found by name
    names: dict[str, str]  # role → header name as written in the file (for messages)
    ignored: list[str] = field(default_factory=list)  # header names no role uses

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, {role: cell}) for each record, streamed from disk (an export of 1.5 million rows
        is never held whole); a record of the wrong width is a located error."""
        width = len(self.header)
        positions = tuple(self.positions.items())
        with self.path.open(encoding=self.format.encoding, newline="") as handle:
            reader = csv.reader(handle, delimiter=self.format.delimiter)
            next(reader, None)
            start = reader.line_num + 1
            for cells in reader:
                line, start = start, reader.line_num + 1
                if len(cells) != width:
                    if not cells or all(not c.strip() for c in cells):
                        continue
                    raise self._width_error(line, cells)
                yield line, {role: cells[index].strip() for role, index in positions}

    def _width_error(self, line: int, cells: list[str]) -> SourceError:
        delimiter = DELIMITER_NAMES[self.format.delimiter]
        column = self.header[min(len(cells), len(self.header) - 1)]
        other = [d for d in DELIMITERS if d != self.format.delimiter and d in self.delimiter_probe(line)]
        hint = ""
        if other:
            hint = f" : cette ligne semble séparée par « {other[0]} » au lieu de « {self.format.delimiter} »"
        return SourceError(
            self.shown, line, column,
            f"{len(cells)} cellule(s) au lieu des {len(self.header)} de l'en-tête (séparateur attendu : "
            f"{delimiter}){hint}.",
            "Réexportez le fichier avec un seul séparateur, ou mettez entre guillemets les cellules qui le "
            "contiennent.",
        )

    def delimiter_probe(self, line: int) -> str:
        """The physical line `line` of the file (only read to word an error)."""
        with self.path.open(encoding=self.format.encoding, newline="") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    return text
        return ""


def normalize_header(name: str) -> str:
    """A header as two spellings of it share: no BOM, no stray quotes, no accents, one case, single spaces
    (the portal's first header, a BOM and doubled quotes around `Code SP+ de la structure`, reads as
    `code sp+ de la structure`)."""
    text = name.replace("\ufeff", "").strip()
    while len(text) >= 1 and (text[0] in "\"' " or text[-1] in "\"' "):
        text = text.strip("\"' ")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).casefold()


def detect_encoding(path: Path, shown: str) -> tuple[str, str]:
    """The file's Python codec and a French label: a BOM first, then UTF-8 (checked over the whole
    file, chunk by chunk), then Windows-1252, the encoding a French spreadsheet re-saves in."""
    with path.open("rb") as handle:
        head = handle.read(4)
        for bom, codec, label in _BOMS:
            if head.startswith(bom):
                return codec, label
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := handle.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8", "UTF-8"
        except UnicodeDecodeError:
            pass
    data = path.read_bytes()
    try:
        data.decode("cp1252")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError(shown, line, None, "ni UTF-8 ni Windows-1252 : encodage inconnu.",
                          "Réexportez le fichier en UTF-8.") from None
    return "cp1252", "Windows-1252 (converti en UTF-8)"


def open_source(path: Path, roles: Mapping[str, Sequence[str]], required: Sequence[str],
                shown: str = "") -> SourceTable:
    """Find each role's column by name; a required role without its column is a located error.

    The delimiter is the candidate under which the header names the most declared columns (then the
    one giving the most cells): a comma file and a semicolon file of the same export both read.
    """
    shown = shown or path.name
    if not path.is_file():
        raise SourceError(shown, None, None, "fichier introuvable.", "Vérifiez le chemin donné à l'importeur.")
    codec, label = detect_encoding(path, shown)
    with path.open(encoding=codec, newline="") as handle:
        first = handle.readline().lstrip("\ufeff").rstrip("\r\n")
    if not first.strip():
        raise SourceError(shown, 1, None, "fichier vide ou sans ligne d'en-tête.",
                          "Réexportez le fichier avec ses en-têtes.")
    wanted = {normalize_header(name): role for role, names in roles.items() for name in names}
    best: tuple[int, int, str, list[str]] | None = None
    for delimiter in DELIMITERS:
        header = next(csv.reader([first], delimiter=delimiter))
        matched = sum(1 for cell in header if normalize_header(cell) in wanted)
        candidate = (matched, len(header), delimiter, header)
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    assert best is not None
    _matched, _width, delimiter, header = best
    positions: dict[str, int] = {}
    names: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        role = wanted.get(normalize_header(cell))
        if role is None:
            ignored.append(cell.replace("\ufeff", "").strip('"'))
            continue
        if role in positions:
            raise SourceError(shown, 1, cell, f"deux colonnes pour le même contenu (« {names[role]} » et « {cell} »).",
                              "Supprimez l'une des deux colonnes.")
        positions[role], names[role] = index, cell.replace("\ufeff", "").strip('" ')
    for role in required:
        if role not in positions:
            accepted = " ou ".join(f"« {name} »" for name in roles[role])
            raise _with_score(len(positions), SourceError(
                shown, 1, roles[role][0],
                f"colonne obligatoire absente (attendue : {accepted} ; séparateur lu : "
                f"{DELIMITER_NAMES[delimiter]}).",
                "Vérifiez que le fichier est bien un export de ce type, complet, ou déclarez le nom de la colonne "
                "dans le fichier de correspondance (--mapping).",
            ))
    source_format = SourceFormat(codec, label, delimiter, bom_in_header="\ufeff" in first)
    return SourceTable(path, shown, source_format, header, positions, names, ignored)


def _with_score(matched: int, error: SourceError) -> SourceError:
    """Remember how many columns the header did match: of several file kinds, the closest one's
    missing column is the one worth naming."""
    error.matched = matched
    return error
