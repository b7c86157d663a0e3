"""The map of départements (plugins/results/charts/geodata/departements.json): complete, small, and
made by scripts/make_departements.py without gaps between neighbours."""

from __future__ import annotations

import json
from pathlib import Path

from make_departements import geojson, simplify
from support.csvfiles import read_table
from support.demo import generate_demo_package
from support.paths import ROOT

GEOMETRY = ROOT / "plugins" / "results" / "charts" / "geodata" / "departements.json"


def test_every_departement_of_the_demo_package_has_a_shape(tmp_path: Path) -> None:
    """The 101 départements, overseas included (971 to 976), keyed by the code the data uses."""
    package = generate_demo_package(tmp_path / "demo")
    codes = {row["code"] for row in read_table(package, "departements")}
    features = json.loads(GEOMETRY.read_text("utf-8"))["features"]
    shapes = {feature["properties"]["code"] for feature in features}
    assert codes <= shapes, sorted(codes - shapes)
    assert {"971", "972", "973", "974", "976", "2A", "2B"} <= shapes
    assert len(shapes) == len(features) == 101


def test_the_geometry_fits_a_page() -> None:
    assert GEOMETRY.stat().st_size < 300_000
    assert (GEOMETRY.parent / "SOURCE.md").read_text("utf-8").count("Natural Earth") >= 2


def test_two_neighbours_keep_the_same_border_after_simplification() -> None:
    """Two squares sharing a wavy edge: simplified, each keeps the very same points along it."""
    edge = [(0, y) for y in range(0, 101)]  # x wiggles by a hectometre, under the tolerance
    edge = [(x + (y % 2), y) for x, y in edge]
    left = [(-100, 0), *edge, (-100, 100)]
    right = [(100, 100), *reversed(edge), (100, 0)]
    departements = {"01": ("Gauche", [[[*left, left[0]]]]), "02": ("Droite", [[[*right, right[0]]]])}
    simplified = simplify(departements)
    left_points = set(simplified["01"][1][0][0])
    right_points = set(simplified["02"][1][0][0])
    shared = {point for point in left_points if point[0] in (0, 1)}
    assert shared == {point for point in right_points if point[0] in (0, 1)}
    assert len(shared) < len(edge)  # simplified, not copied
    assert geojson(simplified)["features"][0]["properties"] == {"code": "01", "nom": "Gauche"}
