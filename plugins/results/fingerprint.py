"""A stable digest of the values a page is rendered from, so an unchanged page need not be rendered again.

The digest walks the values the way a template can reach them: dataclass fields, mappings,
sequences and plain values (numbers, text, dates, NumPy and pandas data), and objects that declare
what they depend on with a `__fingerprint__()` method. Anything else — an object whose state the
walk cannot see — raises `Unfingerprintable`, and the page is rendered: a page is
only ever carried over when every value it shows was compared.

Digests are the same in every process (no `hash()`, no addresses, sets sorted), so a manifest
written by one build is read by the next.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import struct
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from pathlib import PurePath
from typing import Any

import numpy as np
import pandas as pd


class Unfingerprintable(TypeError):
    """A value whose state the digest cannot see: the page that shows it is always rendered."""


def _callable_name(value: Any) -> str:
    """Functions and classes are named, not hashed: their code is part of the build's code digest."""
    return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', repr(value))}"


class Fingerprinter:
    """Digests values; large shared objects (the catalog, data frames) are digested once per build.

    `shared` holds the digest of objects every page can reach (by `id`, with a reference so the id
    stays theirs); page-local objects are walked each time, so nothing of a page outlives it.
    """

    def __init__(self) -> None:
        self._shared: dict[int, tuple[Any, bytes]] = {}
        self._layouts: dict[type, tuple[bytes, tuple[tuple[str, bytes], ...]]] = {}

    def share(self, value: Any) -> None:
        """Remember `value`'s digest for the rest of the build (call for build-wide objects)."""
        self._shared[id(value)] = (value, self._digest_bytes(value))

    def digest(self, *values: Any) -> str:
        return hashlib.sha256(b"".join(self._digest_bytes(value) for value in values)).hexdigest()

    def _digest_bytes(self, value: Any) -> bytes:
        shared = self._shared.get(id(value))
        if shared is not None and shared[0] is value:
            return shared[1]
        digest = hashlib.sha256()
        self._feed(digest, value)
        return digest.digest()

    def _feed(self, digest: Any, value: Any) -> None:
        update = digest.update
        if value is None or isinstance(value, (bool, np.bool_)):
            update(f"<{value!r}>".encode() if value is None else f"<{bool(value)}>".encode())
        elif isinstance(value, str):
            update(b"s" + struct.pack("<Q", len(value.encode("utf-8", "surrogatepass"))))
            update(value.encode("utf-8", "surrogatepass"))
        elif isinstance(value, (int, np.integer)):
            update(b"i" + str(int(value)).encode() + b";")
        elif isinstance(value, (float, np.floating)):
            update(b"f" + float(value).hex().encode() + b";")
        elif isinstance(value, (bytes, bytearray)):
            update(b"b" + struct.pack("<Q", len(value)) + bytes(value))
        elif isinstance(value, (dt.date, dt.datetime, dt.time, Decimal, Fraction, PurePath)):
            update(f"{type(value).__name__}:{value.isoformat() if hasattr(value, 'isoformat') else value};".encode())
        elif isinstance(value, enum.Enum):
            update(f"e{_callable_name(type(value))}.{value.name};".encode())
        elif id(value) in self._shared and self._shared[id(value)][0] is value:
            update(b"h" + self._shared[id(value)][1])
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            head, names = self._layout(type(value))
            update(head)
            for name, label in names:
                update(label)
                self._feed(digest, getattr(value, name))
            update(b")")
        elif isinstance(value, Mapping):
            update(b"m{")
            for key in sorted(value, key=repr) if not _ordered(value) else value:
                self._feed(digest, key)
                self._feed(digest, value[key])
            update(b"}")
        elif isinstance(value, (list, tuple)):
            update(b"l[" if isinstance(value, list) else b"t[")
            for item in value:
                self._feed(digest, item)
            update(b"]")
        elif isinstance(value, (set, frozenset)):
            update(b"S[")
            for item in sorted(self._digest_bytes(item) for item in value):
                update(item)
            update(b"]")
        elif isinstance(value, (pd.DataFrame, pd.Series, np.ndarray)):
            update(b"h" + self._digest_bytes_of_data(value))
        elif hasattr(type(value), "__fingerprint__"):  # an object that says what its output depends on
            update(f"o{_callable_name(type(value))}(".encode())
            self._feed(digest, value.__fingerprint__())
            update(b")")
        elif callable(value) and hasattr(value, "__qualname__"):
            update(f"c{_callable_name(value)};".encode())
        else:
            raise Unfingerprintable(f"{type(value).__module__}.{type(value).__qualname__}")

    def _layout(self, kind: type) -> tuple[bytes, tuple[tuple[str, bytes], ...]]:
        """A dataclass's name and compared fields, looked up once per type and build."""
        layout = self._layouts.get(kind)
        if layout is None:
            # `compare=False` marks derived caches (Catalog's row index): not part of the value.
            names = tuple((item.name, item.name.encode() + b"=") for item in dataclasses.fields(kind) if item.compare)
            layout = self._layouts[kind] = (f"d{_callable_name(kind)}(".encode(), names)
        return layout

    def _digest_bytes_of_data(self, value: Any) -> bytes:
        shared = self._shared.get(id(value))
        if shared is not None and shared[0] is value:
            return shared[1]
        digest = hashlib.sha256()
        if isinstance(value, np.ndarray):
            digest.update(f"{value.dtype.str}{value.shape}".encode())
            if value.dtype == object:
                for item in value.ravel():
                    self._feed(digest, item)
            else:
                digest.update(np.ascontiguousarray(value).tobytes())
        else:
            frame = value.to_frame() if isinstance(value, pd.Series) else value
            digest.update(repr([(str(name), str(kind)) for name, kind in frame.dtypes.items()]).encode())
            digest.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
        return digest.digest()


def _ordered(value: Mapping) -> bool:
    """Dicts keep insertion order, which a template's loop shows: keep it in the digest."""
    return isinstance(value, dict)
