"""The member map: a server-rendered SVG of Germany's boundaries with the members drawn
at their level and filled by a colour plus a pattern of marks, so the stage never shows
by colour alone. No JavaScript, no tiles, no request to anyone else.

Callers hand over areas (regional key, name, legend entry, link) and the legend; this
module fits the view to the members (or shows all of Germany), draws the neutral base
map (Kreise and state borders, cached per view) and one link per member.
Colours and patterns come from classes in static/css/geo.css (strict CSP: no style
attributes); the pattern tiles are defined inside the SVG under fixed ids, so a page
shows one map.
"""

import dataclasses
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape  # Django's escape is ten times slower, and this runs 30,000 times

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .shapes import Shape, kreis_title, shapes

# Share of the members' extent added around them, and the smallest view (≈ 40 km), so
# that a single member still shows its neighbours.
PADDING = 0.06
MIN_EXTENT = 400
# Views wider than this (a third of Germany) draw the coarse outlines.
COARSE_VIEW = 3000
# Pattern tiles per longer side of the view: about one mark every 13 px on a 50 rem map.
TILES_ACROSS = 60


def _circle(cx: float, cy: float, r: float) -> str:
    return (f"M{cx - r:.2f} {cy:.2f}a{r:.2f} {r:.2f} 0 1 0 {2 * r:.2f} 0"
            f"a{r:.2f} {r:.2f} 0 1 0 {-2 * r:.2f} 0z")


def _ball(quarters: int) -> Callable[[float, float, float], str]:
    """A Harvey ball, as in the matrix (○ ◔ ◑ ◕ ●): a ring, filled by quarters."""
    def mark(cx: float, cy: float, r: float) -> str:
        ring = _circle(cx, cy, r) + _circle(cx, cy, r * 0.72)
        if quarters == 0:
            return ring
        if quarters == 4:
            return _circle(cx, cy, r)
        angle = math.pi / 2 * quarters
        ex, ey = cx + r * math.sin(angle), cy - r * math.cos(angle)
        wedge = (f"M{cx:.2f} {cy:.2f}L{cx:.2f} {cy - r:.2f}"
                 f"A{r:.2f} {r:.2f} 0 {int(quarters > 2)} 1 {ex:.2f} {ey:.2f}z")
        return ring + wedge
    return mark


def _dot(cx, cy, r):
    return _circle(cx, cy, r * 0.35)


def _square(cx, cy, r):
    s = r * 0.8
    return f"M{cx - s:.2f} {cy - s:.2f}h{2 * s:.2f}v{2 * s:.2f}h{-2 * s:.2f}z"


def _triangle(cx, cy, r):
    return (f"M{cx:.2f} {cy - r:.2f}L{cx + r:.2f} {cy + r * 0.8:.2f}"
            f"L{cx - r:.2f} {cy + r * 0.8:.2f}z")


def _diamond(cx, cy, r):
    return (f"M{cx:.2f} {cy - r:.2f}L{cx + r:.2f} {cy:.2f}L{cx:.2f} {cy + r:.2f}"
            f"L{cx - r:.2f} {cy:.2f}z")


def _stripe(cx, cy, r):
    w = r * 0.3
    return (f"M{cx - r:.2f} {cy + r - w:.2f}L{cx + r - w:.2f} {cy - r:.2f}"
            f"L{cx + r:.2f} {cy - r + w:.2f}L{cx - r + w:.2f} {cy + r:.2f}z")


MARKS: dict[str, Callable[[float, float, float], str]] = {
    **{f"ball-{quarters}": _ball(quarters) for quarters in range(5)},
    "dot": _dot, "square": _square, "triangle": _triangle, "diamond": _diamond,
    "stripe": _stripe,
}


@dataclass(frozen=True)
class LegendEntry:
    """One value the map shows: its CSS class (colour), mark (pattern) and label."""

    css: str
    label: str
    mark: str
    symbol: str = ""
    # How a count of this value reads in a Kreis's name (one, several), with %(count)s;
    # by default the count before the label ("12 im Betrieb").
    counted: tuple[str, str] = ()

    def count_text(self, count: int) -> str:
        if not self.counted:
            return f"{count} {self.label}"
        return self.counted[0 if count == 1 else 1] % {"count": count}

    def swatch(self) -> SafeString:
        """The legend's and table's sample: tile colour and mark at legend size."""
        return format_html(
            '<svg class="geo-swatch" viewBox="0 0 20 20" aria-hidden="true" focusable="false">'
            '<rect class="geo-tile {}" width="20" height="20"></rect>'
            '<path class="geo-mark {}" d="{}"></path></svg>',
            self.css, self.css, MARKS[self.mark](10, 10, 7))


# Not frozen (11,000 frozen inits cost a third of a national map), but hashed by value
# for the map cache: treat as immutable.
@dataclass(unsafe_hash=True, slots=True)
class Area:
    """A member on the map: its regional key (may be empty), name, value and page."""

    key: str
    name: str
    entry: LegendEntry
    url: str
    kind: str = ""

    @property
    def label(self) -> str:
        return f"{self.name}: {self.entry.label}"


@dataclass
class MemberMap:
    svg: SafeString
    legend: list[LegendEntry]
    areas: list[Area]
    missing: list[Area] = field(default_factory=list)
    whole_country: bool = False
    # False when the members' region is Germany anyway: then no switch is offered.
    can_switch: bool = True
    # The table's rows, rendered here in one pass: 11,000 rows through the template
    # language would take seconds.
    table_rows: SafeString = SafeString("")
    kind_column: bool = True
    switch_url: str = ""
    # The view zoomed to one Kreis (?karte=<its key>): its name; and the links back.
    zoom_name: str = ""
    region_url: str = ""
    country_url: str = ""
    # Drawn per Kreis (more members than settings.MAP_MEMBER_LIMIT; geo.kreise): the table
    # has a row per Kreis and a column per legend entry.
    per_kreis: bool = False
    kreis_count: int = 0
    member_count: int = 0
    rule: str = ""


ViewBox = tuple[int, int, int, int]


def _view_of(drawn: Iterable[Shape]) -> ViewBox | None:
    boxes = [shape.bbox for shape in drawn]
    if not boxes:
        return None
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    width, height = max(x1 - x0, MIN_EXTENT), max(y1 - y0, MIN_EXTENT)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    width, height = width * (1 + 2 * PADDING), height * (1 + 2 * PADDING)
    return (math.floor(cx - width / 2), math.floor(cy - height / 2),
            math.ceil(width), math.ceil(height))


def _country_view() -> ViewBox:
    return (0, 0, shapes().width, shapes().height)


def _overlaps(bbox, view: ViewBox) -> bool:
    x, y, w, h = view
    return bbox[0] <= x + w and bbox[2] >= x and bbox[1] <= y + h and bbox[3] >= y


def _coarse(view: ViewBox) -> bool:
    return max(view[2], view[3]) > COARSE_VIEW


@lru_cache(maxsize=64)
def _base_map(view: ViewBox) -> tuple[str, str]:
    """The neutral layers of one view, rendered once per process: the Kreise in view as
    one path below the members, the state borders as one path above them."""
    everything, coarse = shapes(), _coarse(view)
    kreise = "".join(s.coarse if coarse else s.path
                     for s in everything.kreise.values() if _overlaps(s.bbox, view))
    laender = "".join(s.coarse if coarse else s.path
                      for s in everything.laender.values() if _overlaps(s.bbox, view))
    return (f'<path class="geo-land" d="{kreise}"></path>',
            f'<path class="geo-border" d="{laender}"></path>')


def _patterns(legend: list[LegendEntry], view: ViewBox) -> str:
    tile = round(max(view[2], view[3]) / TILES_ACROSS, 2)
    parts = []
    for entry in legend:
        parts.append(
            f'<pattern id="geo-fill-{escape(entry.css)}" patternUnits="userSpaceOnUse" '
            f'width="{tile}" height="{tile}">'
            f'<rect class="geo-tile {escape(entry.css)}" width="{tile}" height="{tile}"></rect>'
            f'<path class="geo-mark {escape(entry.css)}" '
            f'd="{MARKS[entry.mark](tile / 2, tile / 2, tile * 0.32)}"></path></pattern>')
    return "<defs>" + "".join(parts) + "</defs>"


def _level(area_shapes: list[Shape]) -> int:
    # Kreise below Gemeindeverbände and municipalities, so both stay reachable.
    return 0 if len(area_shapes[0].key) <= 5 else 1


# The parts of a member's link and table row that stay the same from request to request,
# kept per process: at national scale each page joins 11,000 of them.
_CACHED = 65_536


@lru_cache(maxsize=_CACHED)
def _area_path(key: str, coarse: bool) -> str:
    """The outline of a regional key as one path ("" when it has no shape)."""
    return "".join(shape.coarse if coarse else shape.path for shape in shapes().for_key(key))


@lru_cache(maxsize=_CACHED)
def _link_head(url: str, name: str) -> str:
    # The <title> is the link's accessible name (SVG-AAM) and its tooltip.
    return f'<a href="{escape(url)}"><title>{escape(name)}: '


@lru_cache(maxsize=_CACHED)
def _row_head(url: str, name: str, kind: str | None) -> str:
    kind_cell = "" if kind is None else f'<td class="kern-table__cell">{escape(kind)}</td>'
    return (f'<tr class="kern-table__row"><th scope="row" class="kern-table__cell">'
            f'<a class="kern-link" href="{escape(url)}">{escape(name)}</a></th>{kind_cell}')


@lru_cache(maxsize=256)
def _value_cell(entry: LegendEntry) -> str:
    symbol = f'<span aria-hidden="true">{escape(entry.symbol)}</span> ' if entry.symbol else ""
    return f'<td class="kern-table__cell">{symbol}{escape(entry.label)}</td></tr>'


def _table_rows(areas: list[Area], *, kind_column: bool) -> SafeString:
    return mark_safe("".join(  # noqa: S308 - every part is escaped where it is made
        _row_head(area.url, area.name, area.kind if kind_column else None)
        + _value_cell(area.entry) for area in areas))


def member_map(*, areas: list[Area], legend: list[LegendEntry], title: str,
               whole_country: bool = False, kind_column: bool = True,
               zoom: str | None = None) -> MemberMap:
    """The SVG map of these members; members whose key has no shape (no key, or a
    boundary change after 2021) are returned in `missing` for the list below the map.
    `zoom` (a Kreis key) fits the view to that Kreis instead of the members.

    The same members with the same values give the same map: the last few maps are kept
    per process, keyed by everything they show (a changed status, name or membership is a
    different key), so a busy page at national scale is built once, not per request."""
    result = _member_map(tuple(areas), tuple(legend), title, whole_country, kind_column,
                         zoom, get_language())
    return dataclasses.replace(result, areas=list(result.areas), missing=list(result.missing),
                               legend=list(result.legend))


def split_drawn(areas: Iterable[Area]) -> tuple[list[tuple[Area, list[Shape]]], list[Area]]:
    """The areas with their shapes, and those without any (listed below the map)."""
    everything = shapes()
    drawn, missing = [], []
    for area in areas:
        found = everything.for_key(area.key)
        if found:
            drawn.append((area, found))
        else:
            missing.append(area)
    return drawn, missing


def member_links(drawn: list[tuple[Area, list[Shape]]], legend: Iterable[LegendEntry],
                 coarse: bool) -> list[str]:
    """One link per member, Kreise first so that their municipalities stay reachable."""
    drawn = sorted(drawn, key=lambda pair: _level(pair[1]))
    values = {entry: (escape(entry.label), escape(entry.css)) for entry in legend}
    links = []
    for area, _found in drawn:
        label, css = values.get(area.entry) or (escape(area.entry.label), escape(area.entry.css))
        links.append(f'{_link_head(area.url, area.name)}{label}</title>'
                     f'<path class="geo-area {css}" d="{_area_path(area.key, coarse)}"></path></a>')
    return links


def choose_view(fitted: ViewBox | None, whole_country: bool,
                zoom: str | None) -> tuple[ViewBox, bool]:
    """The view to draw (the members' region, Germany, or a Kreis with a margin of its
    neighbours) and whether the switch to Germany and back makes sense."""
    country = _country_view()
    can_switch = fitted is not None and (fitted[2] * fitted[3] < 0.6 * country[2] * country[3])
    if zoom and not whole_country:
        return _view_of([shapes().kreise[zoom]]), True
    return (country if (whole_country or not can_switch) else fitted), can_switch


def svg_document(*, view: ViewBox, title: str, desc: str, legend: Iterable[LegendEntry],
                 below: str, links: Iterable[str], above: str) -> SafeString:
    """The map's SVG: title and description, pattern tiles, the neutral land below the
    members' links, the state borders above them."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" class="geo-map" id="geo-map" '
           f'viewBox="{view[0]} {view[1]} {view[2]} {view[3]}" '
           f'aria-labelledby="geo-map-title geo-map-desc">'
           f'<title id="geo-map-title">{escape(title)}</title>'
           f'<desc id="geo-map-desc">{escape(desc)}</desc>'
           f'{_patterns(list(legend), view)}<g aria-hidden="true">{below}</g>'
           f'<g class="geo-members">{"".join(links)}</g>'
           f'<g aria-hidden="true">{above}</g></svg>')
    return mark_safe(svg)  # noqa: S308 - every text and URL above is escaped


@lru_cache(maxsize=6)
def _member_map(areas: tuple[Area, ...], legend: tuple[LegendEntry, ...], title: str,
                whole_country: bool, kind_column: bool, zoom: str | None,
                _language: str | None) -> MemberMap:
    drawn, missing = split_drawn(areas)
    view, can_switch = choose_view(
        _view_of(shape for _area, found in drawn for shape in found), whole_country, zoom)
    below, above = _base_map(view)
    links = member_links(drawn, legend, _coarse(view))
    desc = _("%(drawn)s Mitglieder auf der Karte, %(missing)s ohne Fläche auf der Karte. "
             "Die Tabelle unter der Karte enthält dieselben Angaben.") % {
        "drawn": len(drawn), "missing": len(missing)}
    return MemberMap(
        svg=svg_document(view=view, title=title, desc=desc, legend=legend, below=below,
                         links=links, above=above),
        legend=legend, areas=areas, missing=missing,
        whole_country=view == _country_view(), can_switch=can_switch,
        table_rows=_table_rows(areas, kind_column=kind_column), kind_column=kind_column,
        zoom_name=kreis_title(shapes().kreise[zoom]) if zoom else "")
