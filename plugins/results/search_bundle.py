"""Make Pagefind's output reproducible: the same pages must give the same files, byte for byte.

Pagefind 1.5 writes its filters from a hash map: the order of the values inside each filter file, and
of the filters in the language's metadata file, changes from one run to the next. Files are named by
the hash of their content, so the names change too, and with them the metadata file that lists them
and `pagefind-entry.json` that names the metadata file. The search results are the same; the bytes
are not, and a site whose files change at every build cannot be compared, cached or audited.

`canonicalise(bundle)` rewrites those files in a fixed order: filter values sorted by value, filters
sorted by name, each rewritten file renamed after the hash of its new content (same name lengths
as Pagefind's), and the languages of `pagefind-entry.json` sorted by code (a bilingual site's entry
listed fr and en in either order: an incremental build then differed from a forced one).
Everything else Pagefind writes is already stable and left untouched.

The files are `pagefind_dcd` + CBOR, gzip-compressed. Only the CBOR the filters and metadata use is
read (unsigned integers, text, arrays); anything else stops the build with a clear error, so that a
Pagefind upgrade that changes the format is noticed (and the version is pinned in requirements.lock).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
UNSIGNED, TEXT, ARRAY = 0, 3, 4
META_FILTERS = 3  # position of the [name, file] list in the metadata array (Pagefind 1.5)


class BundleFormatError(RuntimeError):
    """Pagefind wrote files this module does not understand (a format change)."""


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for code, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | code]) + value.to_bytes(size, "big")
    raise BundleFormatError(f"nombre trop grand : {value}")


def encode(item: Any) -> bytes:
    """CBOR of unsigned integers, text and lists, with the shortest heads (as Pagefind writes them)."""
    if isinstance(item, bool) or not isinstance(item, int | str | list):
        raise BundleFormatError(f"type inattendu : {type(item).__name__}")
    if isinstance(item, int):
        return _head(UNSIGNED, item)
    if isinstance(item, str):
        data = item.encode("utf-8")
        return _head(TEXT, len(data)) + data
    return _head(ARRAY, len(item)) + b"".join(encode(element) for element in item)


def decode(data: bytes, position: int = 0) -> tuple[Any, int]:
    """One CBOR item at `position`: (item, position after it)."""
    first = data[position]
    major, info = first >> 5, first & 31
    position += 1
    if info < 24:
        value = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        value = int.from_bytes(data[position:position + size], "big")
        position += size
    else:
        raise BundleFormatError(f"élément CBOR non pris en charge (octet {first:#x})")
    if major == UNSIGNED:
        return value, position
    if major == TEXT:
        return data[position:position + value].decode("utf-8"), position + value
    if major == ARRAY:
        items = []
        for _ in range(value):
            item, position = decode(data, position)
            items.append(item)
        return items, position
    raise BundleFormatError(f"type CBOR {major} non pris en charge")


def read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name} : signature Pagefind absente")
    item, end = decode(data, len(SIGNATURE))
    if end != len(data):
        raise BundleFormatError(f"{path.name} : octets en trop après le contenu")
    return item


def write(folder: Path, prefix: str, digits: int, suffix: str, item: Any) -> str:
    """Write `item` compressed, named `<prefix><hash><suffix>`; return the name without the suffix."""
    data = SIGNATURE + encode(item)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def canonicalise(bundle: Path) -> None:
    """Rewrite the bundle's filter and metadata files in a fixed order (see the module docstring)."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    for language in entry["languages"].values():
        meta_name = language["hash"]  # "fr_85429580a5" → pagefind.fr_85429580a5.pf_meta
        meta_path = bundle / f"pagefind.{meta_name}.pf_meta"
        meta = read(meta_path)
        try:
            filters = meta[META_FILTERS]
            pairs = [(str(name), str(file)) for name, file in filters]
        except (IndexError, TypeError, ValueError) as error:
            raise BundleFormatError(f"{meta_path.name} : liste des filtres introuvable") from error
        renamed = []
        for name, file in sorted(pairs):
            path = bundle / "filter" / f"{file}.pf_filter"
            filter_name, values = read(path)
            path.unlink()
            prefix, digits = file.split("_", 1)
            new = write(bundle / "filter", f"{prefix}_", len(digits), ".pf_filter",
                        [filter_name, sorted(values, key=lambda value: value[0])])
            renamed.append([name, new])
        meta[META_FILTERS] = renamed
        meta_path.unlink()
        prefix, digits = meta_name.split("_", 1)
        language["hash"] = write(bundle, f"pagefind.{prefix}_", len(digits), ".pf_meta", meta).removeprefix("pagefind.")
    entry["languages"] = dict(sorted(entry["languages"].items()))  # a hash map's order too (fr/en, en/fr)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
