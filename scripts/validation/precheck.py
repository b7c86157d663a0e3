"""Raw-byte checks run before Frictionless, for defects it misses or reports without a line.

Frictionless silently accepts a `;` delimiter (it sniffs the dialect), reports a non-UTF-8 file with
no line number and turns an unclosed quote into a puzzling "extra cell" far away. A UTF-8 BOM (what
Excel's "CSV UTF-8" writes) is accepted: every reader of the project skips it. Windows line endings
are accepted too, with one warning per file (git would show every line as changed).
These checks read each file once, in fixed-size chunks (bounded memory at national scale), and say
whether Frictionless can then read it meaningfully (`usable`).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from results.core.schema import OPTIONAL_TABLES

from .language import Message, pluralised
from .report import Column, Issue

OPTIONAL_RESOURCES = (*OPTIONAL_TABLES, "translations")  # a package may leave these out altogether

CHUNK_SIZE = 1 << 20
BOM = codecs.BOM_UTF8
RESAVE_UTF8 = Message(
    "Réenregistrez le fichier en UTF-8 : dans LibreOffice, « Enregistrer sous » → CSV, jeu de caractères "
    "« Unicode (UTF-8) » ; dans Excel, « CSV UTF-8 (délimité par des virgules) »."
)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What the raw scan learned about one CSV file."""

    exists: bool
    usable: bool = False
    has_bom: bool = False
    has_quotes: bool = False
    multiline_records: bool = False  # a quoted cell spans lines: records and lines differ
    lines: int = 0
    size: int = 0
    delimiters: int = 0  # delimiter bytes in the file, quoted or not: more than lines × (fields - 1) = wide rows?


@dataclass
class _Scan:
    """Mutable state of the chunked scan (kept private: callers get FileFacts)."""

    line: int = 1
    inside_quotes: bool = False
    quote_line: int = 0
    multiline: bool = False
    has_quotes: bool = False
    bad_utf8: bool = False
    crlf: bool = False
    delimiters: int = 0


def _missing_fix(resource: str) -> Message:
    """How to fix a missing file; an optional table may also simply not be declared."""
    if resource in OPTIONAL_RESOURCES:
        return Message("Ajoutez le fichier (git add) ou corrigez son chemin dans datapackage.json. Ce tableau est "
                       "facultatif : si le programme n'en a pas, retirez plutôt la ressource « {resource} » de "
                       "datapackage.json (le site n'aura alors pas les pages ni les sections qui en dépendent).",
                       resource=resource)
    return Message("Ajoutez le fichier (git add) ou corrigez son chemin dans datapackage.json.")


def inspect_file(
    path: Path,
    *,
    shown: str,
    resource: str,
    field_names: Sequence[str],
    delimiter: str = ",",
    utf8: bool = True,
) -> tuple[FileFacts, list[Issue]]:
    """Scan one CSV file; return its facts and the issues found (none means: go on with Frictionless).

    `utf8=False` (a descriptor declaring another encoding) turns the BOM and UTF-8 checks off.
    """
    if not path.is_file():
        issue = Issue(
            file=shown,
            resource=resource,
            code="missing-file",
            message=Message("Le fichier {name} déclaré par la ressource « {resource} » est introuvable.",
                            name=path.name, resource=resource),
            expected=Message("un fichier CSV à l'emplacement indiqué par « path » dans datapackage.json"),
            fix=_missing_fix(resource),
            fatal=True,
        )
        return FileFacts(exists=False), [issue]
    size = path.stat().st_size
    with path.open("rb") as stream:
        head = stream.read(CHUNK_SIZE)
        if not head.strip(b" \t\r\n"):
            return FileFacts(exists=True, size=size), [_empty_issue(shown, resource, field_names)]
        has_bom = utf8 and head.startswith(BOM)
        issues: list[Issue] = []
        body = head[len(BOM) :] if has_bom else head
        wrong = _delimiter_issue(body, shown, resource, field_names, delimiter)
        if wrong:
            return FileFacts(exists=True, has_bom=has_bom, size=size), [*issues, wrong]
        scan = _Scan()
        separator = delimiter.encode()
        decoder = codecs.getincrementaldecoder("utf-8")()
        chunk = body
        while chunk:
            _scan_chunk(chunk, scan, decoder)
            scan.delimiters += chunk.count(separator)
            chunk = stream.read(CHUNK_SIZE)
        _finish_decoding(scan, decoder)
    lines = scan.line - (1 if _ends_with_newline(path) else 0)
    facts = FileFacts(
        exists=True,
        usable=True,
        has_bom=has_bom,
        has_quotes=scan.has_quotes,
        multiline_records=scan.multiline or scan.inside_quotes,
        lines=lines,
        size=size,
        delimiters=scan.delimiters,
    )
    if scan.crlf:
        issues.append(_crlf_issue(shown, resource))
    if scan.bad_utf8 and utf8:
        issues.append(_encoding_issue(path, shown, resource, field_names, delimiter))
        return FileFacts(exists=True, has_bom=has_bom, lines=lines, size=size), issues
    if scan.inside_quotes and not scan.bad_utf8:
        unclosed = _unclosed_quote_issue(path, shown, resource, field_names, delimiter)
        if unclosed:
            return FileFacts(exists=True, has_bom=has_bom, lines=lines, size=size), [*issues, unclosed]
    return facts, issues


def _scan_chunk(chunk: bytes, scan: _Scan, decoder: codecs.IncrementalDecoder) -> None:
    """Track quote parity per line (to spot multi-line cells and unclosed quotes) and decode."""
    if not scan.bad_utf8:
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            scan.bad_utf8 = True
    scan.crlf = scan.crlf or b"\r\n" in chunk
    pieces = chunk.split(b'"')
    if len(pieces) > 1:
        scan.has_quotes = True
    for index, piece in enumerate(pieces):
        if index:
            scan.inside_quotes = not scan.inside_quotes
            if scan.inside_quotes:
                scan.quote_line = scan.line
        newlines = piece.count(b"\n")
        if newlines and scan.inside_quotes:
            scan.multiline = True
        scan.line += newlines


def _finish_decoding(scan: _Scan, decoder: codecs.IncrementalDecoder) -> None:
    if not scan.bad_utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            scan.bad_utf8 = True


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as stream:
        stream.seek(0, 2)
        if stream.tell() == 0:
            return False
        stream.seek(-1, 2)
        return stream.read(1) == b"\n"


def _column(field_names: Sequence[str], index: int) -> Column:
    name = field_names[index - 1] if 0 < index <= len(field_names) else ""
    return Column(name, index)


def _field_index(prefix: str, delimiter: str) -> int:
    """1-based CSV column of the character that follows `prefix` on its line."""
    return len(next(csv.reader([prefix], delimiter=delimiter, strict=False), [""])) or 1


def _empty_issue(shown: str, resource: str, field_names: Sequence[str]) -> Issue:
    return Issue(
        file=shown,
        resource=resource,
        code="empty-file",
        message=Message("Le fichier est vide : il n'a même pas de ligne d'en-tête."),
        expected=Message("une ligne d'en-tête : {header}", header=",".join(field_names)),
        fix=Message("Restaurez le fichier (git checkout) ou écrivez au moins la ligne d'en-tête."),
    )


def _delimiter_issue(
    head: bytes, shown: str, resource: str, field_names: Sequence[str], delimiter: str
) -> Issue | None:
    """A header split by `;` or tabs means the whole file uses another separator."""
    header = head.split(b"\n", 1)[0].decode("utf-8", "replace").rstrip("\r")
    if len(field_names) < 2 or delimiter in header:
        return None
    separators = ((";", Message("Les colonnes sont séparées par des points-virgules au lieu de virgules.")),
                  ("\t", Message("Les colonnes sont séparées par des tabulations au lieu de virgules.")))
    for other, message in separators:
        if other in header:
            return Issue(
                file=shown,
                resource=resource,
                line=1,
                column=_column(field_names, 1),
                code="wrong-delimiter",
                message=message,
                value=header[:80],
                expected=Message("des virgules : {header}", header=delimiter.join(field_names)),
                fix=Message("Réexportez en CSV avec la virgule comme séparateur (LibreOffice : « Séparateur de "
                            "champ : , » ; Excel en français utilise « ; » par défaut : choisissez « CSV UTF-8 »)."),
            )
    return None


def _crlf_issue(shown: str, resource: str) -> Issue:
    return Issue(
        file=shown,
        resource=resource,
        line=1,
        code="crlf-line-endings",
        level="warning",
        message=Message("Le fichier a des fins de ligne Windows (CRLF) : lu correctement, mais git montre alors "
                        "chaque ligne comme modifiée et la relecture devient impossible."),
        expected=Message("des fins de ligne Unix (LF)"),
        fix=Message("Réenregistrez le fichier avec des fins de ligne LF (VS Code : cliquez « CRLF » dans la barre "
                    "d'état → « LF » ; Notepad++ : Édition → Convertir les sauts de ligne → Unix). Le fichier "
                    ".gitattributes du dépôt les convertit aussi au commit."),
    )


def _encoding_issue(path: Path, shown: str, resource: str, field_names: Sequence[str], delimiter: str) -> Issue:
    """One issue for the whole file: the first line holding bytes that are not UTF-8, and how many.

    An accented file saved in Windows-1252 has hundreds of such lines; they share one cause and one
    fix, so listing each would bury the other problems (error path only: reads line by line).
    """
    first: tuple[int, int, str, int] | None = None  # line, column, value, byte
    count = 0
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as error:
                count += 1
                if first is None:
                    prefix = raw[: error.start].decode("utf-8", "replace")
                    index = _field_index(prefix, delimiter)
                    guess = raw.decode("cp1252", "replace").rstrip("\r\n")
                    cells = next(csv.reader([guess], delimiter=delimiter, strict=False), [])
                    value = cells[index - 1] if index <= len(cells) else guess
                    first = (number, index, value, raw[error.start])
    line, index, value, byte = first or (1, 1, "", 0)
    return Issue(
        file=shown,
        resource=resource,
        line=line,
        column=_column(field_names, index),
        code="encoding-error",
        message=pluralised(
            "Le fichier n'est pas en UTF-8 : il semble enregistré en Windows-1252 (Latin-1). {count} ligne "
            "contient des caractères illisibles (accents), à partir de celle-ci (octet 0x{byte}).",
            "Le fichier n'est pas en UTF-8 : il semble enregistré en Windows-1252 (Latin-1). {count} lignes "
            "contiennent des caractères illisibles (accents), à partir de celle-ci (octet 0x{byte}).",
            count, byte=format(byte, "02X")),
        value=value,
        expected=Message("un fichier entier encodé en UTF-8"),
        fix=RESAVE_UTF8,
    )


def _unclosed_quote_issue(
    path: Path, shown: str, resource: str, field_names: Sequence[str], delimiter: str
) -> Issue | None:
    """Confirm an odd number of quotes with a strict CSV parse and find where the cell opens."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter, strict=True)
        start = 1
        try:
            for _record in reader:
                start = reader.line_num + 1
        except csv.Error as error:
            if "unexpected end of data" not in str(error):
                return None
        else:
            return None  # a stray quote inside a cell: legal for Frictionless, not an unclosed one
    with path.open(encoding="utf-8-sig", newline="") as stream:
        line_text = next((text for number, text in enumerate(stream, 1) if number == start), "")
    index = _unclosed_field(line_text, delimiter)
    opened = line_text.strip("\r\n")
    return Issue(
        file=shown,
        resource=resource,
        line=start,
        column=_column(field_names, index),
        code="unclosed-quote",
        message=Message("Un guillemet ouvre une cellule qui n'est jamais refermée : tout le reste du fichier est "
                        "lu comme une seule cellule."),
        value=opened[:80] + ("…" if len(opened) > 80 else ""),
        expected=Message('une cellule entre guillemets droits fermée par « " » ; un guillemet dans le texte '
                         's\'écrit « "" »'),
        fix=Message('Ajoutez le guillemet fermant à la fin de la cellule, ou doublez le guillemet s\'il fait '
                    'partie du texte ("").'),
    )


def _unclosed_field(line: str, delimiter: str) -> int:
    """1-based column of the quoted cell left open at the end of `line` (a tiny CSV state machine)."""
    index, opened, inside, at_start, position = 1, 1, False, True, 0
    while position < len(line):
        char = line[position]
        if inside:
            if char == '"' and line[position + 1 : position + 2] == '"':
                position += 1
            elif char == '"':
                inside = False
        elif char == delimiter:
            index += 1
            at_start = True
            position += 1
            continue
        elif char == '"' and at_start:
            inside, opened = True, index
        at_start = False
        position += 1
    return opened


def read_header(path: Path, delimiter: str = ",") -> list[str]:
    """The header labels of a readable file (used to name columns in raw-level issues)."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
        return next(csv.reader(io.StringIO(stream.readline()), delimiter=delimiter), [])
