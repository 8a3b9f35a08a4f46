"""The member map on its pages, on the demo network: topic (stage), OZG service (maturity),
member directory and start page (kind, public facts only)."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from members.enums import AdministrationKind
from members.maps import kinds_map
from members.models import Administration, User
from projects.enums import Maturity, Stage
from projects.maps import service_map, topic_map
from projects.models import OzgService, Status, Topic
from tests.factories import AdministrationFactory

READER = "lesen.ahrweiler@example.org"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # visitor pages are cached


def _client(email: str | None = None) -> Client:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def _map_section(html: str) -> str:
    return re.search(r'<section class="section geo" id="karte".*?</section>', html, re.S).group(0)


def _svg_links(html: str) -> dict[str, str]:
    """Accessible name (the link's <title>) → class of each member shape."""
    return dict(re.findall(r'<a href="[^"]+"><title>([^<]+)</title>'
                           r'<path class="geo-area ([^"]+)"', html))


def _table(html: str) -> set[tuple[str, str]]:
    table = re.search(r'<table.*?</table>', _map_section(html), re.S).group(0)
    rows = re.findall(r'<th scope="row" class="kern-table__cell"><a [^>]+>([^<]+)</a></th>'
                      r'(?:<td class="kern-table__cell">[^<]*</td>)?<td class="kern-table__cell">'
                      r'(?:<span aria-hidden="true">[^<]+</span> )?([^<]+)</td></tr>', table)
    return {(name, value.strip()) for name, value in rows}


def _missing(html: str) -> list[str]:
    block = re.search(r'id="karte-ohne-flaeche".*?</ul>', _map_section(html), re.S)
    return re.findall(r'<li><a [^>]+>([^<]+)</a>', block.group(0)) if block else []


def test_topic_map_colours_neuwied_by_its_stage_on_e_akte(demo):
    html = _client(READER).get("/vorhaben/themen/e-akte/").content.decode()
    status = Status.objects.get(topic__slug="e-akte", administration__regional_key="07138")
    assert status.stage == Stage.IN_PROGRESS  # the demo data
    links = _svg_links(html)
    assert links["Landkreis Neuwied: in Umsetzung"] == "stage--2"
    assert links["Landkreis Mayen-Koblenz: im Betrieb"] == "stage--4"
    assert "◑ in Umsetzung" in re.sub(r"<[^>]+>", "", _map_section(html))  # legend


def test_topic_map_table_has_the_same_data_as_the_map(demo):
    html = _client(READER).get("/vorhaben/themen/e-akte/").content.decode()
    on_map = {tuple(label.rsplit(": ", 1)) for label in _svg_links(html)}
    members = Administration.objects.current().count()
    assert len(on_map) == 16 and members == 17
    assert _missing(html) == ["IT-Zweckverband Mittelrhein"]
    assert _table(html) == on_map | {("IT-Zweckverband Mittelrhein", "keine Angabe")}


def test_service_map_shows_maturity_levels(demo):
    status = (Status.objects.filter(service__isnull=False, maturity__isnull=False,
                                    administration__regional_key="07138")
              .select_related("service").order_by("service__ozg_id").first())
    html = _client(READER).get(f"/vorhaben/ozg/{status.service.ozg_id}/").content.decode()
    label = f"Landkreis Neuwied: {Maturity(status.maturity).label}"
    assert _svg_links(html)[label] == f"maturity--{status.maturity}"
    assert ("Landkreis Neuwied", str(Maturity(status.maturity).label)) in _table(html)


@pytest.mark.parametrize("path", ["/", "/mitglieder/"])
def test_kinds_map_for_visitors_shows_public_facts_only(demo, path):
    html = _client().get(path).content.decode()
    section = _map_section(html)
    links = _svg_links(html)
    assert links["Landkreis Neuwied: Landkreis"] == "kind--landkreis"
    assert links["Verbandsgemeinde Weißenthurm: Verbandsgemeinde"] == "kind--verbandsgemeinde"
    assert links["Stadt Andernach: Stadt"] == "kind--stadt"
    for internal in ("stage--", "maturity--", "in Umsetzung", "im Betrieb", "Pilot",
                     "nicht geplant", "Reifegrad"):
        assert internal not in section
    assert _table(html) == {tuple(label.rsplit(": ", 1)) for label in links} | {
        ("IT-Zweckverband Mittelrhein", "andere Mitglieder")}


def test_topic_and_service_maps_stay_closed_to_visitors(demo):
    service = OzgService.objects.filter(statuses__isnull=False).first()
    for path in ("/vorhaben/themen/e-akte/", f"/vorhaben/ozg/{service.ozg_id}/"):
        response = _client().get(path)
        assert response.status_code in (302, 403)
        assert "geo-map" not in response.content.decode()


def test_member_without_shape_is_listed_below_the_map(demo):
    AdministrationFactory(name="Stadt Eisenach", kind=AdministrationKind.STADT,
                          federal_state="16", regional_key="160630105105",
                          member_since=date(2024, 1, 1))
    html = _client().get("/mitglieder/").content.decode()
    assert _missing(html) == ["IT-Zweckverband Mittelrhein", "Stadt Eisenach"]
    assert "Stadt Eisenach: Stadt" not in _svg_links(html)
    assert ("Stadt Eisenach", "Stadt") in _table(html)


def test_map_page_requests_nothing_from_elsewhere(demo):
    for path, email in (("/vorhaben/themen/e-akte/", READER), ("/", None),
                        ("/mitglieder/?karte=deutschland", None)):
        html = _client(email).get(path).content.decode()
        urls = re.findall(r'(?:href|src|action|xlink:href)="([^"]*)"', html)
        urls += re.findall(r"url\(([^)]*)\)", html)
        external = {url for url in urls if re.match(r"^(https?:)?//", url)}
        assert external == {"https://www.bkg.bund.de"}, path


def test_map_switch_to_germany_and_back(demo):
    client = _client(READER)
    fitted = client.get("/vorhaben/themen/e-akte/?stand=3").content.decode()
    assert 'viewBox="324 4545 1581 1487"' in fitted  # northern Rhineland-Palatinate
    assert ('<a class="kern-link" href="/vorhaben/themen/e-akte/?stand=3&amp;'
            'karte=deutschland#karte">Ganz Deutschland zeigen</a>') in fitted
    whole = client.get("/vorhaben/themen/e-akte/?stand=3&karte=deutschland").content.decode()
    assert 'viewBox="0 0 6508 8785"' in whole
    assert ('<a class="kern-link" href="/vorhaben/themen/e-akte/?stand=3#karte">'
            'Nur die Region der Mitglieder zeigen</a>') in whole
    hostile = client.get("/vorhaben/themen/e-akte/?karte=%3Cscript%3E").content.decode()
    assert 'viewBox="324 4545 1581 1487"' in hostile


def _queries(function, *args) -> int:
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        function(request, *args)
    return len(queries.captured_queries)


def test_map_queries_do_not_grow_with_members(demo):
    topic = Topic.objects.get(slug="e-akte")
    service = OzgService.objects.filter(statuses__isnull=False).first()
    before = (_queries(topic_map, topic), _queries(service_map, service), _queries(kinds_map))
    assert before == (2, 2, 1)
    for number in range(30):
        member = AdministrationFactory(name=f"Gemeinde {number}", kind="gemeinde",
                                       federal_state="07", member_since=date(2024, 1, 1),
                                       regional_key=f"0713700{number:02d}{number:03d}")
        Status.objects.create(administration=member, topic=topic, stage=Stage.PILOT)
        Status.objects.create(administration=member, service=service, maturity=3)
    assert (_queries(topic_map, topic), _queries(service_map, service),
            _queries(kinds_map)) == before


def test_map_pages_queries_do_not_grow_with_members(demo):
    client = _client(READER)

    def count(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        return len(queries.captured_queries)

    paths = ["/vorhaben/themen/e-akte/", "/mitglieder/"]
    before = [count(path) for path in paths]
    topic = Topic.objects.get(slug="e-akte")
    for number in range(30):
        member = AdministrationFactory(name=f"Stadt {number}", kind="stadt", federal_state="07",
                                       member_since=date(2024, 1, 1))
        Status.objects.create(administration=member, topic=topic, stage=Stage.LIVE)
    assert [count(path) for path in paths] == before


def test_topic_map_follows_a_status_change(demo):
    from projects.statuses.services import status_save

    client = _client(READER)
    assert "Landkreis Neuwied: in Umsetzung" in _svg_links(
        client.get("/vorhaben/themen/e-akte/").content.decode())
    status_save(administration=Administration.objects.get(regional_key="07138"),
                topic=Topic.objects.get(slug="e-akte"),
                by=User.objects.get(email="koordination@example.org"),
                fields={"stage": Stage.LIVE})
    links = _svg_links(client.get("/vorhaben/themen/e-akte/").content.decode())
    assert links["Landkreis Neuwied: im Betrieb"] == "stage--4"
    assert "Landkreis Neuwied: in Umsetzung" not in links
