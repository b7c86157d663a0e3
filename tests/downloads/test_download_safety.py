"""No published text cell starts like a spreadsheet formula; values are never rounded."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from dlcheck import formula_cells_csv, formula_cells_xlsx, page_links, resolve, xlsx_rows
from support.csvfiles import read_csv
from support.paths import GOOD_FIXTURE
from support.site import build_site, copy_package


def _scan(output: Path, skip: tuple[Path, ...] = ()) -> list[str]:
    found = []
    for path in sorted(set(output.rglob("*.csv")) - set(skip)):
        found += [f"{path.relative_to(output)}: {cell!r}" for cell in formula_cells_csv(path)]
    for path in sorted(output.rglob("*.xlsx")):
        found += [f"{path.relative_to(output)}: {cell!r}" for cell in formula_cells_xlsx(path)]
    return found


def test_no_published_cell_starts_like_a_formula(good_site: Path) -> None:
    assert list(good_site.rglob("*.xlsx"))
    assert not _scan(good_site)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package the validator would refuse (formula-like text, awkward characters), built anyway:
    the downloads must stay safe on their own (defence in depth)."""
    package = copy_package(GOOD_FIXTURE, tmp_path_factory.mktemp("hostile") / "package")
    results = package.parent / "results" / "caf.csv"
    with results.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    paris = [row for row in rows if row["structure_id"] == "CAF-75"]
    paris[0]["note"] = '=HYPERLINK("http://example.com","clic")'
    paris[1]["note"] = "@SUM(1+1)"
    paris[2]["note"] = 'Guillemets "doubles", virgule\net retour à la ligne <b>&amp;</b>'
    paris[3]["note"] = "-3 points"  # text starting with a minus, not a number
    same_indicator = [row for row in paris if row["indicator_id"] == paris[2]["indicator_id"]]
    max(same_indicator, key=lambda row: row["period"])["note"] = paris[2]["note"]  # in the network's XLSX too
    with results.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return build_site(package, tmp_path_factory.mktemp("hostile") / "output")


def test_formula_like_text_is_neutralised_in_every_file(hostile_site: Path) -> None:
    """Files the site derives are safe by themselves. The package copy under donnees/ is the source,
    byte for byte (its hashes are published), and so is the full results table (the networks' files
    joined): the validator keeps such text out before any build."""
    package_files = tuple((hostile_site / "donnees").rglob("*.csv"))
    derived = [p for p in package_files if p.name.startswith("valeurs-")]
    assert not _scan(hostile_site, skip=tuple(p for p in package_files if p not in derived))


def test_awkward_text_survives_csv_and_xlsx_exactly(hostile_site: Path) -> None:
    page = next(p for p in (hostile_site / "services").glob("*/index.html") if "<h1>CAF de Paris</h1>" in
                p.read_text(encoding="utf-8"))
    files = {p.suffix: p for p in (resolve(hostile_site, page, href) for href, _, _ in page_links(page)) if p}
    notes = [row["note"] for row in read_csv(files[".csv"])]
    text = 'Guillemets "doubles", virgule\net retour à la ligne <b>&amp;</b>'
    assert text in notes
    assert "'=HYPERLINK(\"http://example.com\",\"clic\")" in notes
    assert ".xlsx" not in files, "une page de structure ne publie que le CSV"
    network = hostile_site / "reseaux" / "caf" / "index.html"
    workbook = next(p for p in (resolve(hostile_site, network, href) for href, _, _ in page_links(network))
                    if p and p.suffix == ".xlsx")
    header, *rows = xlsx_rows(workbook, "Résultats")
    xlsx_notes = [dict(zip(header, row, strict=True))["note"] for row in rows]
    assert text in xlsx_notes


def test_csv_is_rfc4180(good_site: Path) -> None:
    raw = next(good_site.glob("services/*/resultats-*.csv")).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 sans BOM"
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.split(b"\r\n")[0].split(b",")[:3] == [b"structure_id", b"indicator_id", b"indicator_label"]
