"""The map per Kreis on its own (geo.kreise): the fill of a Kreis from its members' counts,
its accessible name, the link to the zoomed view, the table per Kreis, and the members in
no Kreis of the map."""

import re
from collections import Counter

from geo.kreise import kreis_groups, kreis_map, kreis_title, most_common
from geo.render import Area, LegendEntry
from geo.shapes import shapes

PLANNED = LegendEntry("stage--1", "geplant", "ball-1", "◔")
PILOT = LegendEntry("stage--3", "Pilot", "ball-3", "◕")
LIVE = LegendEntry("stage--4", "im Betrieb", "ball-4", "●")
NONE = LegendEntry("stage--none", "keine Angabe", "dot", "·",
                   counted=("%(count)s ohne Angabe", "%(count)s ohne Angabe"))
LEGEND = [PLANNED, PILOT, LIVE, NONE]
PREFER = [LIVE, PILOT, PLANNED, NONE]
LINK = "/vorhaben/themen/e-akte/?stand=3&karte="
ZOOM = "/vorhaben/themen/e-akte/?stand=3&amp;karte="


def _links(svg: str) -> dict[str, tuple[str, str]]:
    """Accessible name → (href, class) of each area."""
    return {title: (href, css) for href, title, css in re.findall(
        r'<a href="([^"]+)"><title>([^<]+)</title><path class="([^"]+)"', svg)}


def test_most_common_value_fills_the_kreis_and_ties_go_to_the_preferred():
    assert most_common(Counter({PLANNED: 20, PILOT: 12, LIVE: 5}), PREFER) == PLANNED
    assert most_common(Counter({PLANNED: 4, PILOT: 4, LIVE: 1}), PREFER) == PILOT
    assert most_common(Counter({NONE: 3, LIVE: 3}), PREFER) == LIVE
    assert most_common(Counter({NONE: 3, LIVE: 3}), [NONE, LIVE]) == NONE


def test_kreis_groups_add_up_rows_of_a_kreis_and_keep_the_rest_apart():
    counts = [("07137", PILOT, 3), ("07137", LIVE, 2), ("07137", PILOT, 1),
              ("07138", NONE, 1), (None, NONE, 1), ("07000", PLANNED, 2)]
    groups, outside = kreis_groups(counts, PREFER)
    assert set(groups) == {"07137", "07138"}
    myk = groups["07137"]
    assert myk.counts == Counter({PILOT: 4, LIVE: 2}) and myk.total == 6
    assert myk.fill == PILOT and myk.name == "Landkreis Mayen-Koblenz"
    assert myk.label(PREFER) == "Landkreis Mayen-Koblenz: 6 Mitglieder – 2 im Betrieb, 4 Pilot"
    assert groups["07138"].label(PREFER) == "Landkreis Neuwied: 1 Mitglied – 1 ohne Angabe"
    assert outside == Counter({NONE: 1, PLANNED: 2})


def test_kreis_title_puts_the_kind_before_plain_names_only():
    kreise = shapes().kreise
    assert kreis_title(kreise["07138"]) == "Landkreis Neuwied"
    assert kreis_title(kreise["07111"]) == "Kreisfreie Stadt Koblenz"
    assert kreis_title(kreise["07232"]) == "Eifelkreis Bitburg-Prüm"
    assert kreis_title(kreise["05334"]) == "Städteregion Aachen"
    assert kreis_title(kreise["03241"]) == "Region Hannover"


def test_kreis_map_draws_each_kreis_as_a_link_to_its_zoomed_view():
    counts = [("07137", PILOT, 4), ("07137", LIVE, 2), ("07138", PLANNED, 1)]
    result = kreis_map(counts=counts, legend=LEGEND, prefer=PREFER, title="Karte", link=LINK,
                       rule="Regel")
    links = _links(result.svg)
    assert links == {
        "Landkreis Mayen-Koblenz: 6 Mitglieder – 2 im Betrieb, 4 Pilot": (
            f"{ZOOM}07137#karte", "geo-area geo-group stage--3"),
        "Landkreis Neuwied: 1 Mitglied – 1 geplant": (
            f"{ZOOM}07138#karte", "geo-area geo-group stage--1"),
    }
    assert result.per_kreis and result.kreis_count == 2 and result.member_count == 7
    assert result.areas == [] and result.missing == [] and result.rule == "Regel"
    # The neutral land leaves out the Kreise drawn above it, so no outline is there twice.
    assert result.svg.count(shapes().kreise["07138"].path) == 1
    assert "7 Mitglieder in 2 Kreisen, je Kreis zusammengefasst." in result.svg


def test_kreis_map_table_has_a_row_per_kreis_and_one_for_members_without_area():
    provider = Area("", "IT-Zweckverband", NONE, "/it/")
    counts = [("07138", PLANNED, 1), ("07137", PILOT, 4), ("07137", LIVE, 2), (None, NONE, 1)]
    result = kreis_map(counts=counts, legend=LEGEND, prefer=PREFER, title="Karte", link=LINK,
                       rule="Regel", members=[provider])
    assert result.missing == [provider]
    assert result.table_rows == (
        '<tr><th scope="row"><a class="kern-link" href="/vorhaben/themen/e-akte/?stand=3&amp;'
        'karte=07137#karte">Landkreis Mayen-Koblenz</a></th><td>6</td>'
        '<td>0</td><td>4</td><td>2</td><td>0</td>'
        '<td class="geo-fill"><span aria-hidden="true">◕</span> Pilot</td></tr>'
        '<tr><th scope="row"><a class="kern-link" href="/vorhaben/themen/e-akte/?stand=3&amp;'
        'karte=07138#karte">Landkreis Neuwied</a></th><td>1</td>'
        '<td>1</td><td>0</td><td>0</td><td>0</td>'
        '<td class="geo-fill"><span aria-hidden="true">◔</span> geplant</td></tr>'
        '<tr><th scope="row">ohne Fläche auf der Karte</th><td>1</td>'
        '<td>0</td><td>0</td><td>0</td><td>1</td><td class="geo-fill">–</td></tr>')
    assert result.member_count == 8


def test_kreis_map_zoomed_draws_the_kreis_members_one_by_one_among_the_other_kreise():
    members = [Area("07137", "Landkreis Mayen-Koblenz", LIVE, "/myk/", "Landkreis"),
               Area("071375008", "Verbandsgemeinde Weißenthurm", PILOT, "/vg/",
                    "Verbandsgemeinde"),
               Area("071370003999", "Gemeinde ohne Fläche", PILOT, "/neu/", "Gemeinde")]
    counts = [("07137", LIVE, 1), ("07137", PILOT, 2), ("07138", PLANNED, 1),
              ("09162", LIVE, 1)]
    result = kreis_map(counts=counts, legend=LEGEND, prefer=PREFER, title="Karte", link=LINK,
                       rule="Regel", zoom="07137", members=members)
    links = _links(result.svg)
    assert links["Landkreis Mayen-Koblenz: im Betrieb"] == ("/myk/", "geo-area stage--4")
    assert links["Verbandsgemeinde Weißenthurm: Pilot"] == ("/vg/", "geo-area stage--3")
    assert links["Landkreis Neuwied: 1 Mitglied – 1 geplant"][1] == "geo-area geo-group stage--1"
    assert not any(title.startswith("Kreisfreie Stadt München") for title in links)  # not in view
    assert result.missing == [members[2]] and not result.per_kreis
    assert result.zoom_name == "Landkreis Mayen-Koblenz" and result.can_switch
    x, y, width, height = (int(v) for v in re.search(r'viewBox="([^"]+)"', result.svg)
                           .group(1).split())
    myk = shapes().kreise["07137"].bbox
    assert x < myk[0] and y < myk[1] and x + width > myk[2] and y + height > myk[3]
    assert width < 2 * (myk[2] - myk[0])
    assert 'href="/vg/"' in result.table_rows and 'href="/neu/"' in result.table_rows
