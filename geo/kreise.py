"""The member map per Kreis, for views with more members than one map can show one by one
(settings.MAP_MEMBER_LIMIT): each Kreis with members is one area, filled by the value most
of its members have, named with its counts ("Landkreis Mayen-Koblenz: 37 Mitglieder –
12 im Betrieb, 20 Pilot, 5 geplant") and linked to the view zoomed to that Kreis, where its
members are drawn one by one again. A member counts in the Kreis its regional key starts
with: the Kreis itself, its Verbandsgemeinden and its municipalities.

Why the most common value and not the most advanced: the fill should say where a Kreis
stands, and one member's pilot among 37 does not make the Kreis a pilot region. At the
nationwide data set the most advanced stage on E-Akte would paint 281 of the 400 Kreise
"Pilot" or "im Betrieb", though those are the most common stage in 36 of them. Nothing is hidden:
the counts are in every Kreis's name and in the table, and the zoom shows each member.
Ties go to the value the caller prefers (the more advanced one for stages and maturity).
"""

import dataclasses
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from .render import (
    Area,
    LegendEntry,
    MemberMap,
    _base_map,
    _coarse,
    _country_view,
    _overlaps,
    _table_rows,
    _view_of,
    choose_view,
    member_links,
    split_drawn,
    svg_document,
)
from .shapes import kreis_title, shapes


def _sort_name(name: str) -> str:
    return name.casefold().translate(str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"}))


@dataclass(frozen=True, slots=True)
class KreisGroup:
    """The members of one Kreis: how many have each value, and the value that fills it."""

    key: str
    name: str
    counts: Counter
    fill: LegendEntry

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def label(self, order: Sequence[LegendEntry]) -> str:
        parts = ", ".join(entry.count_text(self.counts[entry]) for entry in order
                          if self.counts[entry])
        members = ngettext("%(count)s Mitglied", "%(count)s Mitglieder", self.total) % {
            "count": self.total}
        return f"{self.name}: {members} – {parts}"


def most_common(counts: Counter, prefer: Sequence[LegendEntry]) -> LegendEntry:
    """The value most members have; of equally common values the one earlier in `prefer`."""
    rank = {entry: position for position, entry in enumerate(prefer)}
    return min(counts.items(), key=lambda item: (-item[1], rank.get(item[0], len(rank))))[0]


def kreis_groups(counts: Iterable[tuple[str | None, LegendEntry, int]],
                 prefer: Sequence[LegendEntry]) -> tuple[dict[str, KreisGroup], Counter]:
    """The rows (Kreis key, value, members) grouped per Kreis of the map; and the counts of
    the members in no Kreis of the map (no key, or a Kreis created after 2021)."""
    kreise, per_kreis, outside = shapes().kreise, {}, Counter()
    for key, entry, count in counts:
        if key in kreise:
            per_kreis.setdefault(key, Counter())[entry] += count
        else:
            outside[entry] += count
    return ({key: KreisGroup(key, kreis_title(kreise[key]), values, most_common(values, prefer))
             for key, values in per_kreis.items()}, outside)


def _group_link(group: KreisGroup, url: str, label: str, coarse: bool) -> str:
    shape = shapes().kreise[group.key]
    return (f'<a href="{escape(url)}"><title>{escape(label)}</title>'
            f'<path class="geo-area geo-group {escape(group.fill.css)}" '
            f'd="{shape.coarse if coarse else shape.path}"></path></a>')


def _count_cells(counts: Counter, columns: Sequence[LegendEntry]) -> str:
    return "".join(f"<td>{counts[entry]}</td>" for entry in columns)


def _kreis_rows(groups: list[KreisGroup], outside: Counter, columns: Sequence[LegendEntry],
                link: str) -> SafeString:
    rows = []
    for group in groups:
        symbol = (f'<span aria-hidden="true">{escape(group.fill.symbol)}</span> '
                  if group.fill.symbol else "")
        rows.append(f'<tr><th scope="row"><a class="kern-link" href="{escape(link + group.key)}'
                    f'#karte">{escape(group.name)}</a></th><td>{group.total}</td>'
                    f'{_count_cells(group.counts, columns)}'
                    f'<td class="geo-fill">{symbol}{escape(group.fill.label)}</td></tr>')
    if outside:
        rows.append(f'<tr><th scope="row">{escape(_("ohne Fläche auf der Karte"))}</th>'
                    f'<td>{sum(outside.values())}</td>{_count_cells(outside, columns)}'
                    f'<td class="geo-fill">–</td></tr>')
    return mark_safe("".join(rows))  # noqa: S308 - every part is escaped where it is made


def kreis_map(*, counts: Sequence[tuple[str | None, LegendEntry, int]],
              legend: Sequence[LegendEntry], prefer: Sequence[LegendEntry], title: str,
              link: str, rule: str, whole_country: bool = False, zoom: str | None = None,
              members: Sequence[Area] = (), kind_column: bool = True) -> MemberMap:
    """The map per Kreis from the members counted per Kreis and value. `link` + a Kreis key
    is the address of the view zoomed to it. Zoomed (`zoom`, a Kreis key), `members` are
    that Kreis's members, drawn one by one among the other Kreise; otherwise the members in
    no Kreis of the map, listed below it."""
    result = _kreis_map(tuple(counts), tuple(legend), tuple(prefer), title, link, rule,
                        whole_country, zoom, tuple(members), kind_column, get_language())
    return dataclasses.replace(result, areas=list(result.areas), missing=list(result.missing),
                               legend=list(result.legend))


@lru_cache(maxsize=6)
def _kreis_map(counts, legend, prefer, title, link, rule, whole_country, zoom, members,
               kind_column, _language) -> MemberMap:
    groups, outside = kreis_groups(counts, prefer)
    view, can_switch = choose_view(_view_of(shapes().kreise[key] for key in groups),
                                   whole_country, zoom)
    coarse = _coarse(view)
    shown = {key: group for key, group in groups.items()
             if key != zoom and _overlaps(shapes().kreise[key].bbox, view)}
    links = [_group_link(group, f"{link}{key}#karte", group.label(prefer), coarse)
             for key, group in sorted(shown.items())]
    drawn, missing = split_drawn(members) if zoom else ([], list(members))
    links += member_links(drawn, legend, coarse)
    below = _land_without(view, set(shown), coarse)
    _below, above = _base_map(view)
    ordered = sorted(groups.values(), key=lambda group: _sort_name(group.name))
    total = sum(group.total for group in groups.values()) + sum(outside.values())
    if zoom:
        desc = _("%(name)s: %(drawn)s Mitglieder einzeln auf der Karte, die Kreise ringsum "
                 "zusammengefasst. Die Tabelle unter der Karte enthält die Mitglieder des "
                 "Kreises.") % {"name": kreis_title(shapes().kreise[zoom]), "drawn": len(drawn)}
    else:
        desc = _("%(members)s Mitglieder in %(kreise)s Kreisen, je Kreis zusammengefasst. "
                 "Die Tabelle unter der Karte enthält dieselben Angaben.") % {
            "members": total, "kreise": len(groups)}
    return MemberMap(
        svg=svg_document(view=view, title=title, desc=desc, legend=legend, below=below,
                         links=links, above=above),
        legend=list(legend), areas=members if zoom else (), missing=missing,
        whole_country=view == _country_view(), can_switch=can_switch,
        table_rows=(_table_rows(list(members), kind_column=kind_column) if zoom
                    else _kreis_rows(ordered, outside, legend, link)),
        kind_column=kind_column, per_kreis=not zoom,
        zoom_name=kreis_title(shapes().kreise[zoom]) if zoom else "",
        kreis_count=len(groups), member_count=total, rule=rule)


def _land_without(view, drawn: set[str], coarse: bool) -> str:
    """The neutral Kreise in view, leaving out those drawn as members' Kreise above (at
    national scale nearly all: the outlines would be in the page twice)."""
    paths = "".join(shape.coarse if coarse else shape.path
                    for key, shape in shapes().kreise.items()
                    if key not in drawn and _overlaps(shape.bbox, view))
    return f'<path class="geo-land" d="{paths}"></path>'
