"""QR codes as small inline SVG, built with the `qrcode` library at build time.

One QR per structure means 15 000 at national scale, so this is tuned for speed: `qrcode` picks the
best of eight mask patterns by scoring each one in pure Python (about 6 ms a code here); fixing the
mask skips that search (under 1 ms a code) and every mask is valid for any reader. The SVG is one
`<path>` of horizontal runs drawn as strokes one module wide, with presentation attributes only (no
`style`, allowed by the CSP), and a quiet zone of four modules as the standard requires.

A code depends only on its text, so with a cache folder (the chart cache's `qr/`) it is drawn once
and read back by every later build: a forced rebuild of 15 000 posters then draws none.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import qrcode
import qrcode.constants
from markupsafe import Markup, escape

from .core.atomic import write_atomic

FIXED_MASK = 4  # any of 0–7 is valid; fixing it avoids scoring all eight per code
QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)
# What a cached code was drawn with: a new `qrcode` or drawing rule is a new cache key.
CACHE_FORMAT = f"qr1 qrcode-{version('qrcode')} mask-{FIXED_MASK} quiet-{QUIET_ZONE}"
# Side in modules, length of the path data, path data: an entry cut anywhere does not read back.
_CACHED = re.compile(r"(\d+) (\d+) ((?:[Mm]\d+ \d+(?:\.5)?h\d+)*)")


def qr_matrix(text: str) -> list[list[bool]]:
    """Dark (True) and light modules of the smallest QR code holding `text`, error correction M
    (15 %: a poster can get scratched or partly covered)."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=FIXED_MASK,
    )
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def matrix_path(matrix: list[list[bool]], offset: int = QUIET_ZONE) -> str:
    """SVG path data drawing each row's runs of dark modules as strokes one module wide: the row's first
    run from an absolute point (`M4 4.5h7`), the next ones by relative moves (`m1 0h1`). About half the
    bytes of one rectangle per run (`M12 4h1v1h-1z`), on every structure's poster."""
    rows: list[str] = []
    for y, row in enumerate(matrix):
        parts: list[str] = []
        end = None  # where the previous run of this row ended
        x, width = 0, len(row)
        while x < width:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < width and row[x]:
                x += 1
            parts.append(f"M{start + offset} {y + offset}.5h{x - start}" if end is None
                         else f"m{start - end} 0h{x - start}")
            end = x
        rows.append("".join(parts))
    return "".join(rows)


def drawn_code(text: str, cache: Path | None = None) -> tuple[int, str]:
    """The side (in modules, quiet zone included) and path data of `text`'s code, from `cache` when it
    was drawn before; a missing or unreadable cache file is drawn again and rewritten."""
    entry = None
    if cache is not None:
        key = hashlib.sha256(f"{CACHE_FORMAT}\n{text}".encode()).hexdigest()
        entry = cache / key[:2] / f"{key}.txt"
        try:
            found = _CACHED.fullmatch(entry.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            found = None
        if found and int(found.group(2)) == len(found.group(3)):
            return int(found.group(1)), found.group(3)
    matrix = qr_matrix(text)
    size, path = len(matrix) + 2 * QUIET_ZONE, matrix_path(matrix)
    if entry is not None:
        write_atomic(entry, f"{size} {len(path)} {path}")  # a killed build leaves no half entry
    return size, path


def qr_svg(text: str, title: str, element_id: str = "qr", cache: Path | None = None) -> Markup:
    """An inline `<svg>` of the QR code for `text`, named by `title` for screen readers."""
    size, path = drawn_code(text, cache)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 {size} {size}" '
        f'width="{size * 4}" height="{size * 4}" role="img" aria-labelledby="{element_id}-titre">'
        f'<title id="{element_id}-titre">{escape(title)}</title>'
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>'
        f'<path d="{path}" stroke="#000000" shape-rendering="crispEdges"/>'
        "</svg>"
    )


@dataclass(frozen=True)
class QrCode:
    """A QR code drawn only when a template shows it (`{{ qr_code }}`): a page copied unchanged from
    the previous build (its fingerprint reads these three fields) never pays for drawing it."""

    text: str
    title: str
    element_id: str = "qr"
    cache: Path | None = field(default=None, compare=False)  # where drawn codes are kept: not what is shown

    def __html__(self) -> str:
        return str(qr_svg(self.text, self.title, self.element_id, self.cache))

    def __str__(self) -> str:
        return self.__html__()
