"""The boundaries at runtime: read geo/data/shapes.json.gz once per process.

Layers by regional key (ARS): states (2 digits), Kreise and kreisfreie Städte (5),
municipalities (12). A Gemeindeverband (9 digits) has no shape of its own in VG5000: it is
drawn as its municipalities, found by key prefix.
"""

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "shapes.json.gz"


@dataclass(frozen=True)
class Shape:
    key: str
    name: str
    kind: str
    path: str
    bbox: tuple[int, int, int, int]
    # The outline for views of all of Germany (about 1 km per map pixel).
    coarse: str


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    laender: dict[str, Shape]
    kreise: dict[str, Shape]
    gemeinden: dict[str, Shape]
    # Gemeindeverband key (9 digits) -> keys of its municipalities
    verbaende: dict[str, tuple[str, ...]]

    def for_key(self, key: str | None) -> list[Shape]:
        """The shapes that draw the area of a regional key: a state, a Kreis, a
        municipality, or all municipalities of a Gemeindeverband; [] if unknown."""
        if not key:
            return []
        if len(key) == 2:
            found = self.laender.get(key)
        elif len(key) == 5:
            found = self.kreise.get(key)
        elif len(key) == 12:
            found = self.gemeinden.get(key)
        elif len(key) == 9:
            return [self.gemeinden[k] for k in self.verbaende.get(key, ())]
        else:
            found = None
        return [found] if found else []


# Words that make a Kreis's own name say what it is ("Rhein-Kreis Neuss", "Region
# Hannover"), so the BKG's designation is not put in front of it.
_NAMED_KINDS = ("kreis", "region", "regionalverband")


def kreis_title(shape: Shape) -> str:
    """The Kreis's name as people write it: "Landkreis Neuwied", "Kreisfreie Stadt Koblenz",
    "Eifelkreis Bitburg-Prüm", "Städteregion Aachen"."""
    name = shape.name
    if any(word in name.lower() for word in _NAMED_KINDS):
        return name
    return f"{shape.kind} {name}"


def _layer(records: dict) -> dict[str, Shape]:
    return {key: Shape(key, name, kind, path, (x0, y0, x1, y1), coarse or path)
            for key, (name, kind, path, coarse, x0, y0, x1, y1) in records.items()}


@cache
def shapes() -> Shapes:
    """All shapes, read and parsed once per process."""
    with gzip.open(SHAPES_FILE, "rb") as file:
        data = json.loads(file.read())
    gemeinden = _layer(data["gemeinden"])
    verbaende: dict[str, list[str]] = {}
    for key in gemeinden:
        verbaende.setdefault(key[:9], []).append(key)
    return Shapes(width=data["width"], height=data["height"], laender=_layer(data["laender"]),
                  kreise=_layer(data["kreise"]), gemeinden=gemeinden,
                  verbaende={key: tuple(keys) for key, keys in verbaende.items()})
