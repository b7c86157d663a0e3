"""Units of the downloads package: value encoding, XLSX writer, deterministic zip."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import openpyxl
import pytest
from results.core.safety import is_formula, neutralize
from results.downloads.archive import deterministic_zip
from results.downloads.encoding import (
    csv_field,
    encode_number,
    encode_text,
    number_text,
)
from results.downloads.xlsx import Sheet, column_letter, workbook_bytes

DAY = dt.date(2026, 11, 15)


@pytest.mark.parametrize("value", [81.0, 77.2, 0.1 + 0.2, -3.5, 1e-7, 123456.789, 0.0, 1e20])
def test_numbers_read_back_exactly(value: float) -> None:
    assert float(number_text(value)) == value
    assert json.loads(encode_number(value).json) == value


def test_integral_numbers_look_like_the_source() -> None:
    assert number_text(81.0) == "81" and number_text(412.0) == "412"
    assert encode_number(float("nan")).csv == "" and encode_number(None).json == "null"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain", "plain"), ("a,b", '"a,b"'), ('say "hi"', '"say ""hi"""'), ("two\nlines", '"two\nlines"')],
)
def test_csv_field_quoting(text: str, expected: str) -> None:
    assert csv_field(text) == expected
    assert next(csv.reader(io.StringIO(expected))) == [text]


@pytest.mark.parametrize("text", ["=1+1", "+33 1", "@SUM(A1)", "-x", "\tx", "\rx"])
def test_formulas_are_neutralised(text: str) -> None:
    assert is_formula(text)
    assert not is_formula(neutralize(text))
    assert encode_text(text).csv.lstrip('"').startswith("'")


@pytest.mark.parametrize("text", ["-3.5", "+2", "CAF de Paris", ""])
def test_numbers_and_plain_text_are_left_alone(text: str) -> None:
    assert neutralize(text) == text


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 17, 25, 26, 701, 702)] == ["A", "R", "Z", "AA", "ZZ", "AAA"]


def test_workbook_has_typed_cells_and_fixed_dates() -> None:
    rows = [(encode_text("CAF-75").xml, encode_number(81.0).xml, encode_number(None).xml, encode_text("a<b&c").xml)]
    content = workbook_bytes([Sheet("Résultats", ("id", "value", "n", "note"), rows, (10, 10, 10, 10))],
                             "Titre", "Éditeur", DAY)
    assert content == workbook_bytes([Sheet("Résultats", ("id", "value", "n", "note"), rows, (10, 10, 10, 10))],
                                     "Titre", "Éditeur", DAY), "deterministic"
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook["Résultats"]
    assert [cell.value for cell in sheet[2]] == ["CAF-75", 81, None, "a<b&c"]
    assert sheet.freeze_panes == "A2"
    assert workbook.properties.created == dt.datetime(2026, 11, 15)
    assert workbook.properties.creator == "Éditeur"


def test_deterministic_zip_ignores_input_order_and_clock(tmp_path) -> None:
    big = tmp_path / "big.csv"
    big.write_bytes(b"a,b\r\n" * 10_000)
    first, second = io.BytesIO(), io.BytesIO()
    deterministic_zip(first, [("b.txt", b"B" * 600), ("a/big.csv", big)], DAY)
    deterministic_zip(second, [("a/big.csv", big), ("b.txt", b"B" * 600)], DAY)
    assert first.getvalue() == second.getvalue()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["a/big.csv", "b.txt"]
        assert archive.read("a/big.csv") == big.read_bytes()
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 15, 0, 0, 0)}


def test_overlong_text_is_cut_only_in_xlsx() -> None:
    """Excel holds at most 32 767 characters a cell; the CSV keeps the text whole."""
    text = "x" * 40_000
    encoded = encode_text(text)
    assert encoded.csv == text
    assert len(encoded.xml) < 33_000 and "…" in encoded.xml
