"""QR codes as small inline SVG, built with the `qrcode` library at build time.

One QR per structure means 15 000 at national scale, so this is tuned for speed: `qrcode` picks the
best of eight mask patterns by scoring each one in pure Python (about 6 ms a code here); fixing the
mask skips that search (under 1 ms a code) and every mask is valid for any reader. The SVG is one
`<path>` of horizontal runs drawn as strokes one module wide, with presentation attributes only (no
`style`, allowed by the CSP), and a quiet zone of four modules as the standard requires.
"""

from __future__ import annotations

from dataclasses import dataclass

import qrcode
import qrcode.constants
from markupsafe import Markup, escape

FIXED_MASK = 4  # any of 0–7 is valid; fixing it avoids scoring all eight per code
QUIET_ZONE = 4  # modules of white around the code (ISO/IEC 18004)


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


def qr_svg(text: str, title: str, element_id: str = "qr") -> Markup:
    """An inline `<svg>` of the QR code for `text`, named by `title` for screen readers."""
    matrix = qr_matrix(text)
    size = len(matrix) + 2 * QUIET_ZONE
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 {size} {size}" '
        f'width="{size * 4}" height="{size * 4}" role="img" aria-labelledby="{element_id}-titre">'
        f'<title id="{element_id}-titre">{escape(title)}</title>'
        f'<rect width="{size}" height="{size}" fill="#ffffff"/>'
        f'<path d="{matrix_path(matrix)}" stroke="#000000" shape-rendering="crispEdges"/>'
        "</svg>"
    )


@dataclass(frozen=True)
class QrCode:
    """A QR code drawn only when a template shows it (`{{ qr_code }}`): a page copied unchanged from
    the previous build (its fingerprint reads these three fields) never pays for drawing it."""

    text: str
    title: str
    element_id: str = "qr"

    def __html__(self) -> str:
        return str(qr_svg(self.text, self.title, self.element_id))

    def __str__(self) -> str:
        return self.__html__()
