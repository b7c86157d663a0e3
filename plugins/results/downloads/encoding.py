"""How one value is written in each download format: CSV field, XLSX cell, JSON literal.

Every distinct value of a column is encoded once (a package repeats the same periods, statuses and
numbers millions of times), so writing a file is only list look-ups and joins. Numbers keep their
full precision: the files carry the validated values, never the rounded values shown on pages.
"""

from __future__ import annotations

import json
import math
import re
from typing import NamedTuple

from ..core.safety import neutralize

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CSV_QUOTED = re.compile('[",\r\n]')
XLSX_TEXT_LIMIT = 32_767  # characters in one Excel cell


class Encoded(NamedTuple):
    """One value in the three formats; `xml` is the tail of a `<c r="A1"` cell element."""

    csv: str
    xml: str
    json: str


EMPTY = Encoded("", "/>", "null")


def csv_field(text: str) -> str:
    """RFC 4180: quote a field holding a comma, a quote or a line break; double inner quotes."""
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if _CSV_QUOTED.search(text) else text


def xml_escape(text: str) -> str:
    """Escape for XML text and drop characters XML 1.0 cannot carry at all."""
    text = _XML_INVALID.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_string_tail(text: str, style: int = 0) -> str:
    """An inline-string cell (no shared-strings table: each file is written in one pass)."""
    if len(text) > XLSX_TEXT_LIMIT:  # Excel would declare the file corrupt; the CSV keeps it whole
        text = text[: XLSX_TEXT_LIMIT - 1] + "…"
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    styled = f' s="{style}"' if style else ""
    return f'{styled} t="inlineStr"><is><t{space}>{xml_escape(text)}</t></is></c>'


def encode_text(text: str) -> Encoded:
    """A text cell; empty text is a missing value (the package's only missing value is "")."""
    if not text:
        return EMPTY
    text = neutralize(text)
    return Encoded(csv_field(text), xml_string_tail(text), json.dumps(text, ensure_ascii=False))


def number_text(value: float) -> str:
    """Shortest text that reads back as exactly this float (`81`, `77.2`), as in the source files."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def encode_number(value: float | None) -> Encoded:
    """A numeric cell: typed as a number in XLSX, so spreadsheets compute with it."""
    if value is None or math.isnan(value):
        return EMPTY
    text = number_text(float(value))
    return Encoded(text, f"><v>{text}</v></c>", text)

