"""Build time only: read the BKG VG5000 GeoJSON files, project and simplify every shape
once and write the compact file that geo.shapes reads at runtime (`manage.py build_shapes`).

Projection: equirectangular with the parallels shortened to their length at 51° N (the
middle of Germany), in units of about 100 m (1112 per degree of latitude), origin at the
north-west corner of Germany, y growing southwards as in SVG. Simple and good enough for
a country that spans 8 degrees of latitude; shapes keep their look and neighbours fit.

Each ring is simplified with shapely's topology-preserving Douglas-Peucker and written as
an SVG path with integer coordinates: an absolute move, then relative line steps.
"""

import gzip
import json
import math
from pathlib import Path

# The frame of the whole map, in degrees: Germany with a small margin.
WEST, EAST, NORTH, SOUTH = 5.8, 15.1, 55.1, 47.2
UNITS_PER_DEGREE = 1112  # about 100 m per unit
SHRINK = math.cos(math.radians(51.0))
WIDTH = round((EAST - WEST) * SHRINK * UNITS_PER_DEGREE)
HEIGHT = round((NORTH - SOUTH) * UNITS_PER_DEGREE)

# Tolerance of the simplification in map units (≈ 100 m): coarser for the states, which
# are only drawn as outlines.
TOLERANCE = {"laender": 4.0, "kreise": 2.0, "gemeinden": 2.0}
# The coarse paths for views of (nearly) all of Germany, where a pixel is about 1 km: 11,000
# municipalities at the fine tolerance would make a 3 MB map of detail nobody can see.
COARSE_TOLERANCE = 9.0
LAYERS = {"laender": "vg5000_laender.geojson", "kreise": "vg5000_kreise.geojson",
          "gemeinden": "vg5000_gemeinden.geojson"}

PROVENANCE = ("© GeoBasis-DE / BKG 2021 (Daten verändert); Verwaltungsgebiete 1:5 000 000 "
              "(VG5000), Stand 1.1.2021; Datenlizenz Deutschland – Namensnennung – Version 2.0")


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon - WEST) * SHRINK * UNITS_PER_DEGREE, (NORTH - lat) * UNITS_PER_DEGREE


def _ring_path(coords) -> str:
    points = [(round(x), round(y)) for x, y in coords]
    deduplicated = [points[0]]
    for point in points[1:]:
        if point != deduplicated[-1]:
            deduplicated.append(point)
    if deduplicated[-1] == deduplicated[0]:
        deduplicated.pop()
    if len(deduplicated) < 3:
        return ""
    (x0, y0), steps = deduplicated[0], []
    previous = deduplicated[0]
    for x, y in deduplicated[1:]:
        steps.append(f"{x - previous[0]} {y - previous[1]}".replace(" -", "-"))
        previous = (x, y)
    return f"M{x0} {y0}l" + " ".join(steps).replace(" -", "-") + "z"


def _polygons(geometry):
    return geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]


def _path(projected, tolerance: float) -> str:
    simplified = projected.simplify(tolerance, preserve_topology=True)
    if simplified.is_empty:
        simplified = projected
    rings = []
    for polygon in _polygons(simplified):
        for ring in [polygon.exterior, *polygon.interiors]:
            path = _ring_path(ring.coords)
            if path:
                rings.append(path)
    return "".join(rings)


def shape_record(geometry, tolerance: float) -> tuple[str, str, list[int]] | None:
    """The fine and the coarse SVG path and the bounding box of one geometry."""
    from shapely.geometry import shape
    from shapely.ops import transform

    projected = transform(lambda x, y, z=None: project(x, y), shape(geometry))
    fine = _path(projected, tolerance)
    if not fine:
        return None
    # A tiny municipality may vanish when coarse: then it keeps its fine outline.
    coarse = _path(projected, max(tolerance, COARSE_TOLERANCE)) or fine
    x0, y0, x1, y1 = projected.bounds
    return fine, coarse, [math.floor(x0), math.floor(y0), math.ceil(x1), math.ceil(y1)]


def build(source: Path, target: Path) -> dict[str, int]:
    """Read the three layers from `source`, write the compact gzip file to `target`;
    returns the number of shapes per layer."""
    data = {"version": 2, "width": WIDTH, "height": HEIGHT, "provenance": PROVENANCE}
    counts = {}
    for layer, filename in LAYERS.items():
        features = json.loads((source / filename).read_text(encoding="utf-8"))["features"]
        shapes = {}
        for feature in features:
            properties = feature["properties"]
            record = shape_record(feature["geometry"], TOLERANCE[layer])
            if record is not None:
                fine, coarse, bbox = record
                shapes[properties["ARS"]] = [properties["GEN"], properties["BEZ"], fine,
                                             "" if coarse == fine else coarse, *bbox]
        data[layer] = dict(sorted(shapes.items()))
        counts[layer] = len(shapes)
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    # No name, no time in the header: the same input gives the same bytes, so a rebuild
    # shows no diff.
    with open(target, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb",
                                                  mtime=0, compresslevel=9) as file:
        file.write(payload)
    return counts
