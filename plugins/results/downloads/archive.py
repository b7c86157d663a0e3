"""Zip files whose bytes depend only on their content: fixed timestamps, permissions and order.

Used for the XLSX workbooks, the full-package zip and the whole results table, so a rebuild of unchanged data publishes
byte-identical files (caches, mirrors and checksums stay valid).
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

COMPRESS_LEVEL = 6  # zlib's default: its output is stable for a given zlib version
FAST_LEVEL = 1  # workbooks: twice as fast as 6 for ~10 % more bytes; thousands are written per build
STORED_BELOW = 512  # tiny parts are stored: a deflate stream costs more than it saves there


def _info(name: str, day: dt.date, compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
    info.compress_type = compress_type
    info.create_system = 3  # Unix, whatever the building machine
    info.external_attr = 0o100644 << 16  # regular file, rw-r--r--
    return info


def deterministic_zip(
    target: BinaryIO | Path,
    entries: Iterable[tuple[str, bytes | Path | Iterator[bytes]]],
    day: dt.date,
    sort: bool = True,
    level: int = COMPRESS_LEVEL,
) -> None:
    """Write `entries` (name → bytes, a file streamed from disk, or blocks streamed as they come)
    dated `day` at midnight."""
    items = sorted(entries, key=lambda item: item[0]) if sort else list(entries)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in items:
            if isinstance(content, Path):
                info = _info(name, day, zipfile.ZIP_DEFLATED)
                big = content.stat().st_size > 1 << 30
                with content.open("rb") as source, archive.open(info, "w", force_zip64=big) as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
            elif not isinstance(content, bytes):
                with archive.open(_info(name, day, zipfile.ZIP_DEFLATED), "w", force_zip64=True) as sink:
                    for block in content:
                        sink.write(block)
            else:
                kind = zipfile.ZIP_STORED if len(content) < STORED_BELOW else zipfile.ZIP_DEFLATED
                archive.writestr(_info(name, day, kind), content, compress_type=kind, compresslevel=level)
