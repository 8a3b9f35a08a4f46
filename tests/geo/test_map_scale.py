"""The member map beyond settings.MAP_MEMBER_LIMIT, on the demo network with the limit set
below its 17 members: one area per Kreis, counted from the members whose regional key
starts with the Kreis's key; the zoom to a Kreis (`?karte=<key>`); the table per Kreis; and
a constant number of queries."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from members.maps import kinds_map
from members.models import Administration, User
from projects.enums import Stage
from projects.maps import service_map, topic_map
from projects.models import OzgService, Status, Topic
from tests.factories import AdministrationFactory

READER = "lesen.ahrweiler@example.org"
TOPIC = "/vorhaben/themen/e-akte/"
# Stages on E-Akte of the seven members in Mayen-Koblenz, set by the fixture below.
MYK_STAGES = {"07137": Stage.LIVE, "071370003": Stage.PILOT, "071370068": Stage.PILOT,
              "071370203": Stage.PLANNED, "071375007": Stage.PILOT, "071375008": Stage.LIVE,
              "071375009": None}
MYK_LABEL = ("Landkreis Mayen-Koblenz: 7 Mitglieder – 2 im Betrieb, 3 Pilot, 1 geplant, "
             "1 ohne Angabe")


@pytest.fixture
def per_kreis(demo, settings):
    """The demo network drawn per Kreis, with known stages in Mayen-Koblenz."""
    settings.MAP_MEMBER_LIMIT = 5
    cache.clear()
    topic = Topic.objects.get(slug="e-akte")
    Status.objects.filter(topic=topic, administration__regional_key__startswith="07137").delete()
    for key, stage in MYK_STAGES.items():
        if stage is not None:
            Status.objects.create(administration=Administration.objects.get(regional_key=key),
                                  topic=topic, stage=stage)
    return topic


def _get(path: str, email: str | None = READER) -> str:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str) -> str:
    return re.search(r'<section class="section geo" id="karte".*?</section>', html, re.S).group(0)


def _links(html: str) -> dict[str, tuple[str, str]]:
    """Accessible name → (href, class) of each area on the map."""
    return {title: (href, css) for href, title, css in re.findall(
        r'<a href="([^"]+)"><title>([^<]+)</title><path class="([^"]+)"', html)}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _kreis_table(html: str) -> dict[str, list[str]]:
    """Kreis → [members, one count per legend value …, fill] from the table per Kreis."""
    table = re.search(r'<table class="kern-table geo-kreise">.*?</table>', _section(html), re.S)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table.group(0))
    return {_text(head).strip(): [_text(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>",
                                                                            cells)]
            for head, cells in rows}


def test_kreis_is_filled_from_its_members_below_it(per_kreis):
    links = _links(_get(TOPIC))
    assert links[MYK_LABEL] == ("/vorhaben/themen/e-akte/?karte=07137#karte",
                                "geo-area geo-group stage--3")
    neuwied = Status.objects.get(topic=per_kreis, administration__regional_key="07138")
    assert neuwied.stage == Stage.IN_PROGRESS
    assert links["Landkreis Neuwied: 1 Mitglied – 1 in Umsetzung"] == (
        "/vorhaben/themen/e-akte/?karte=07138#karte", "geo-area geo-group stage--2")
    assert len(links) == 10  # the ten Kreise of the demo network, no member one by one
    assert not any(title.startswith("Stadt Andernach") for title in links)


def test_kreis_table_counts_every_member_and_lists_the_one_without_area(per_kreis):
    html = _get(TOPIC)
    table = _kreis_table(html)
    # Mitglieder, nicht geplant, geplant, in Umsetzung, Pilot, im Betrieb, keine Angabe, fill
    assert table["Landkreis Mayen-Koblenz"] == ["7", "0", "1", "0", "3", "2", "1", "◕ Pilot"]
    assert table["Landkreis Neuwied"] == ["1", "0", "0", "1", "0", "0", "0", "◑ in Umsetzung"]
    assert table["ohne Fläche auf der Karte"] == ["1", "0", "0", "0", "0", "0", "1", "–"]
    assert len(table) == 11
    assert sum(int(row[0]) for row in table.values()) == Administration.objects.current().count()
    text = _text(_section(html))
    assert "Die Karte als Tabelle (10 Kreise, 17 Mitglieder)" in text
    assert ("Für 17 Mitglieder zeigt die Karte eine Fläche je Kreis. Jeder Kreis ist nach dem "
            "Stand gefüllt, den die meisten seiner Mitglieder haben; bei Gleichstand nach dem "
            "weiter fortgeschrittenen.") in text
    missing = re.search(r'id="karte-ohne-flaeche".*?</ul>', html, re.S).group(0)
    assert re.findall(r"<li><a [^>]+>([^<]+)</a>", missing) == ["IT-Zweckverband Mittelrhein"]


@pytest.mark.parametrize(("limit", "per_kreis_view"), [(17, False), (16, True)])
def test_limit_decides_between_members_and_kreise(demo, settings, limit, per_kreis_view):
    settings.MAP_MEMBER_LIMIT = limit
    html = _get(TOPIC)
    links = _links(html)
    assert ("Landkreis Neuwied: in Umsetzung" in links) is not per_kreis_view
    assert ("Landkreis Neuwied: 1 Mitglied – 1 in Umsetzung" in links) is per_kreis_view
    assert ('class="kern-table geo-kreise"' in html) is per_kreis_view


def test_zoom_to_a_kreis_draws_its_members_and_keeps_other_parameters(per_kreis):
    html = _get(f"{TOPIC}?stand=3&karte=07137")
    links = _links(html)
    assert links["Verbandsgemeinde Weißenthurm: im Betrieb"][1] == "geo-area stage--4"
    assert links["Verbandsgemeinde Rhein-Mosel: keine Angabe"][1] == "geo-area stage--none"
    assert links["Landkreis Mayen-Koblenz: im Betrieb"][1] == "geo-area stage--4"
    assert links["Landkreis Neuwied: 1 Mitglied – 1 in Umsetzung"] == (
        "/vorhaben/themen/e-akte/?stand=3&amp;karte=07138#karte", "geo-area geo-group stage--2")
    assert MYK_LABEL not in links
    section = _section(html)
    assert ('Ausschnitt: Landkreis Mayen-Koblenz. <a class="kern-link" '
            'href="/vorhaben/themen/e-akte/?stand=3#karte">Alle Mitglieder zeigen</a> · '
            '<a class="kern-link" href="/vorhaben/themen/e-akte/?stand=3&amp;karte=deutschland'
            '#karte">Ganz Deutschland zeigen</a>') in section
    # The member table of the Kreis, not the table per Kreis.
    assert 'class="kern-table geo-kreise"' not in section
    assert "Die Karte als Tabelle (7 Mitglieder)" in _text(section)
    rows = re.findall(r'<th scope="row" class="kern-table__cell"><a [^>]+>([^<]+)</a>', section)
    assert sorted(rows) == sorted(Administration.objects.current()
                                  .filter(regional_key__startswith="07137")
                                  .values_list("name", flat=True))


@pytest.mark.parametrize("value", ["07999", "0713", "071370", "071375008", "07137x",
                                   "\uff10\uff17\uff11\uff13\uff17", "<script>", ""])
def test_zoom_ignores_what_is_no_kreis(per_kreis, value):
    client = Client()
    client.force_login(User.objects.get(email=READER))
    response = client.get(TOPIC, {"karte": value})
    assert response.status_code == 200
    section = _section(response.content.decode())
    assert "Ausschnitt" not in section
    assert MYK_LABEL in _links(section) and 'class="kern-table geo-kreise"' in section


def test_zoom_below_the_limit_fits_the_view_to_the_kreis(demo):
    fitted = _section(_get(TOPIC))
    zoomed = _section(_get(f"{TOPIC}?karte=07138"))
    assert 'viewBox="324 4545 1581 1487"' in fitted
    view = tuple(int(v) for v in re.search(r'viewBox="([^"]+)"', zoomed).group(1).split())
    assert view[2] < 1581 / 2
    assert _links(zoomed) == _links(fitted)  # every member one by one, as before
    assert "Ausschnitt: Landkreis Neuwied." in zoomed


def test_kinds_map_per_kreis_for_visitors_shows_public_facts_only(per_kreis):
    for path in ("/", "/mitglieder/"):
        section = _section(_get(path, email=None))
        links = _links(section)
        assert links["Landkreis Mayen-Koblenz: 7 Mitglieder – 1 Landkreis, 3 Städte, "
                     "3 Verbandsgemeinden"] == (f"{path}?karte=07137#karte",
                                                "geo-area geo-group kind--stadt")
        for internal in ("stage--", "Pilot", "im Betrieb", "keine Angabe", "ohne Angabe"):
            assert internal not in section, internal
    zoomed = _links(_get("/mitglieder/?karte=07137", email=None))
    assert zoomed["Stadt Andernach: Stadt"][1] == "geo-area kind--stadt"


def _add_members(topic: Topic, service: OzgService, count: int) -> None:
    for number in range(count):
        member = AdministrationFactory(name=f"Gemeinde {number}", kind="gemeinde",
                                       federal_state="07", member_since=date(2024, 1, 1),
                                       regional_key=f"0713700{number:02d}{number:03d}")
        Status.objects.create(administration=member, topic=topic, stage=Stage.PILOT)
        Status.objects.create(administration=member, service=service, maturity=3)


@pytest.mark.parametrize("query", [{}, {"karte": "07137"}, {"karte": "deutschland"}])
def test_per_kreis_queries_do_not_grow_with_members(per_kreis, django_assert_num_queries,
                                                    query):
    service = OzgService.objects.filter(statuses__isnull=False).first()
    request = RequestFactory().get("/", query)
    for added in (0, 30):
        _add_members(per_kreis, service, added)
        # members (up to the limit), counts per Kreis, the listed members, their statuses
        with django_assert_num_queries(4):
            topic_map(request, per_kreis)
        with django_assert_num_queries(4):
            service_map(request, service)
        with django_assert_num_queries(3):
            kinds_map(request)
    assert "Landkreis Mayen-Koblenz: 37 Mitglieder – 2 im Betrieb, 33 Pilot, 1 geplant, " \
        "1 ohne Angabe" in _links(topic_map(RequestFactory().get("/"), per_kreis).svg)
