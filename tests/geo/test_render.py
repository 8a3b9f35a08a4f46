"""The SVG map on its own: fitted view, levels, members without shape, escaping, no
request to anyone else."""

import re

from geo.render import Area, LegendEntry, member_map
from geo.shapes import shapes

LIVE = LegendEntry("stage--4", "im Betrieb", "ball-4", "●")
NONE = LegendEntry("stage--none", "keine Angabe", "dot", "·")


def _view(svg: str) -> tuple[int, ...]:
    return tuple(int(v) for v in re.search(r'viewBox="([^"]+)"', svg).group(1).split())


def test_member_map_fits_members_and_switches_to_germany():
    areas = [Area("07138", "Landkreis Neuwied", LIVE, "/mitglieder/neuwied/"),
             Area("07131", "Landkreis Ahrweiler", NONE, "/mitglieder/ahrweiler/")]
    fitted = member_map(areas=areas, legend=[LIVE, NONE], title="Karte")
    x, y, width, height = _view(fitted.svg)
    neuwied = shapes().kreise["07138"].bbox
    assert x <= neuwied[0] and y <= neuwied[1]
    assert x + width >= neuwied[2] and y + height >= neuwied[3]
    assert width < shapes().width / 4 and fitted.can_switch and not fitted.whole_country
    country = member_map(areas=areas, legend=[LIVE, NONE], title="Karte", whole_country=True)
    assert _view(country.svg) == (0, 0, shapes().width, shapes().height)
    assert country.whole_country


def test_member_map_links_each_member_with_its_label_and_class():
    areas = [Area("07138", "Landkreis Neuwied", LIVE, "/mitglieder/neuwied/")]
    svg = member_map(areas=areas, legend=[LIVE], title="Karte").svg
    assert ('<a href="/mitglieder/neuwied/">'
            '<title>Landkreis Neuwied: im Betrieb</title>'
            f'<path class="geo-area stage--4" d="{shapes().kreise["07138"].path}">') in svg
    assert 'id="geo-fill-stage--4"' in svg


def test_member_map_draws_municipalities_above_their_kreis():
    areas = [Area("071375008", "Verbandsgemeinde Weißenthurm", NONE, "/vg/"),
             Area("07137", "Landkreis Mayen-Koblenz", LIVE, "/myk/")]
    svg = member_map(areas=areas, legend=[LIVE, NONE], title="Karte").svg
    assert svg.index('href="/myk/"') < svg.index('href="/vg/"')
    vg_path = re.search(r'href="/vg/".*?d="([^"]+)"', svg).group(1)
    assert vg_path.count("M") == 7  # the union of its seven municipalities


def test_member_map_lists_members_without_shape():
    eisenach = Area("160630105105", "Stadt Eisenach", LIVE, "/eisenach/")
    provider = Area("", "IT-Zweckverband", NONE, "/it/")
    result = member_map(areas=[eisenach, provider, Area("07138", "Neuwied", LIVE, "/n/")],
                        legend=[LIVE, NONE], title="Karte")
    assert result.missing == [eisenach, provider]
    assert "/eisenach/" not in result.svg
    assert "1 Mitglieder auf der Karte, 2 ohne Fläche auf der Karte" in result.svg


def test_member_map_without_drawable_member_shows_germany_without_switch():
    result = member_map(areas=[Area("", "IT", NONE, "/it/")], legend=[NONE], title="Karte")
    assert _view(result.svg) == (0, 0, shapes().width, shapes().height)
    assert not result.can_switch


def test_member_map_escapes_names_and_urls():
    areas = [Area("07138", '<script>alert("x")</script>', LIVE, '/a"onmouseover="x')]
    svg = member_map(areas=areas, legend=[LIVE], title="<b>Karte</b>").svg
    assert "<script>" not in svg and "<b>" not in svg
    assert 'href="/a&quot;onmouseover=&quot;x"' in svg


def test_member_map_requests_nothing_from_elsewhere():
    areas = [Area("07138", "Landkreis Neuwied", LIVE, "/n/")]
    svg = member_map(areas=areas, legend=[LIVE, NONE], title="Karte", whole_country=True).svg
    # The SVG namespace is a name, not a request; nothing else names a host.
    assert re.findall(r"https?://[^\s\"'<>]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "<image" not in svg and "<script" not in svg and "style=" not in svg


def test_member_map_of_germany_draws_coarse_outlines():
    neuwied = shapes().kreise["07138"]
    assert len(neuwied.coarse) < len(neuwied.path)
    areas = [Area("07138", "Landkreis Neuwied", LIVE, "/n/")]
    fitted = member_map(areas=areas, legend=[LIVE], title="Karte").svg
    country = member_map(areas=areas, legend=[LIVE], title="Karte", whole_country=True).svg
    assert f'd="{neuwied.path}"' in fitted and f'd="{neuwied.coarse}"' in country
    assert len(country) < 400_000


def test_member_map_table_rows_hold_the_same_data():
    areas = [Area("07138", "Landkreis <Neuwied>", LIVE, "/n/", "Landkreis"),
             Area("", "IT", NONE, "/it/", "IT-Dienstleister")]
    result = member_map(areas=areas, legend=[LIVE, NONE], title="Karte")
    assert result.table_rows == (
        '<tr class="kern-table__row"><th scope="row" class="kern-table__cell"><a class="kern-link" '
        'href="/n/">Landkreis &lt;Neuwied&gt;</a></th><td class="kern-table__cell">Landkreis</td>'
        '<td class="kern-table__cell"><span aria-hidden="true">●</span> im Betrieb</td></tr>'
        '<tr class="kern-table__row"><th scope="row" class="kern-table__cell"><a class="kern-link" '
        'href="/it/">IT</a></th><td class="kern-table__cell">IT-Dienstleister</td>'
        '<td class="kern-table__cell"><span aria-hidden="true">·</span> keine Angabe</td></tr>')


def test_member_map_is_reused_for_the_same_data_and_redrawn_for_new_data():
    areas = [Area("07138", "Landkreis Neuwied", NONE, "/n/")]
    first = member_map(areas=areas, legend=[LIVE, NONE], title="Karte")
    again = member_map(areas=list(areas), legend=[LIVE, NONE], title="Karte")
    assert again.svg is first.svg
    changed = member_map(areas=[Area("07138", "Landkreis Neuwied", LIVE, "/n/")],
                         legend=[LIVE, NONE], title="Karte")
    assert "<title>Landkreis Neuwied: im Betrieb</title>" in changed.svg
    assert "<title>Landkreis Neuwied: keine Angabe</title>" in first.svg
