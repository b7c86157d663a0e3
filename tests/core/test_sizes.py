"""Human-readable file sizes: one French rule for every size the site shows."""

from __future__ import annotations

import pytest
from results.core.sizes import file_size

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 octet"),
        (1, "1 octet"),
        (850, "850 octets"),
        (999, "999 octets"),
        (1_000, "1,0 ko"),
        (1_250, "1,3 ko"),  # half away from zero, not Python's half-to-even
        (1_300, "1,3 ko"),
        (9_960, "10 ko"),
        (12_345, "12 ko"),
        (26_500, "27 ko"),
        (999_600, "1,0 Mo"),
        (3_400_000, "3,4 Mo"),
        (45_000_000, "45 Mo"),
        (1_234_000_000, "1,2 Go"),
    ],
)
def test_file_size(size: int, expected: str) -> None:
    assert file_size(size) == expected.replace(" ", NBSP)


@pytest.mark.parametrize(("size", "expected"), [
    (0, "0 bytes"), (1, "1 byte"), (850, "850 bytes"), (1_250, "1.3 kB"), (12_345, "12 kB"), (3_400_000, "3.4 MB"),
    (1_234_000_000, "1.2 GB"),
])
def test_file_size_in_english(size: int, expected: str) -> None:
    """An English page's chart downloads: « CSV data (251 bytes) », never « 251 octets »."""
    assert file_size(size, "en") == expected.replace(" ", NBSP)
