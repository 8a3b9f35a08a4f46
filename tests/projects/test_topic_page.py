"""Topic page and OZG pages: distribution, 'Wer kann helfen?', Reifegrade per Themenfeld."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import ContactPerson
from projects.enums import Maturity, Stage
from projects.models import Status
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory, UserFactory
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # completed months of the progress chart are cached


@pytest.fixture
def topic(db):
    return make_topic()


@pytest.fixture
def helpers(topic, administration, other_administration, coordinator):
    contact = ContactPerson.objects.create(
        administration=administration, name="Dana Digital", function="it_leitung",
        email="dana@myk.example", phone="0261 108-0")
    status_save(administration=administration, topic=topic, by=coordinator, fields={
        "stage": Stage.LIVE, "product": "enaio", "department": "Hauptamt", "contact": contact})
    status_save(administration=other_administration, topic=topic, by=coordinator,
                fields={"stage": Stage.PLANNED, "product": "d.velop"})
    pilot = AdministrationFactory(name="Kreis Ahrweiler")
    status_save(administration=pilot, topic=topic, by=coordinator,
                fields={"stage": Stage.PILOT, "product": "ENAIO"})
    former = AdministrationFactory(name="Kreis Ehemalig", member_until=date(2022, 1, 1))
    status_save(administration=former, topic=topic, by=coordinator,
                fields={"stage": Stage.LIVE, "product": "enaio"})
    return contact


def _members(page):
    table = page.split('id="wer-kann-helfen"')[1]
    return re.findall(r'<th scope="row" class="kern-table__cell"><a class="kern-link" '
                      r'href="[^"]+">([^<]+)</a></th>', table)


def _users(administration, admin_user):
    return {
        "visitor": None,
        "reader": UserFactory(administration=administration, role="reader"),
        "editor": UserFactory(administration=administration, role="editor"),
        "coordinator": UserFactory(administration=administration, role="coordinator"),
        "admin": admin_user,
    }


@pytest.mark.parametrize("role", ROLES)
def test_topic_and_ozg_pages_only_for_member_staff(client, role, topic, helpers,
                                                   administration, admin_user):
    service = make_service()
    user = _users(administration, admin_user)[role]
    if user:
        client.force_login(user)

    for url in [reverse("projects:topic", args=[topic.slug]), reverse("projects:ozg"),
                reverse("projects:service", args=[service.ozg_id])]:
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == (403 if role == "visitor" else 200)
        assert ("Dana Digital" in page) == (role != "visitor" and url.endswith("e-akte/"))
        if role == "visitor":
            assert "enaio" not in page and "<svg" not in page
            assert "Zur Anmeldung" in page


def test_topic_page_charts_the_stage_distribution_with_labels_and_numbers(
        client, reader, topic, helpers):
    client.force_login(reader)

    page = client.get(reverse("projects:topic", args=[topic.slug])).content.decode()

    chart = page.split('id="verteilung"')[1].split("</svg>")[0]
    assert '<title id="verteilung-title">Stand der Mitglieder beim Thema E-Akte</title>' in page
    # Four statuses, the former member's included: the summary counts every status.
    assert re.findall(r'<text class="chart__label" x="0" y="\d+">([^<]+)</text>', chart) == [
        "○ nicht geplant", "◔ geplant", "◑ in Umsetzung", "◕ Pilot", "● im Betrieb"]
    assert re.findall(r'<text class="chart__value" x="\d+" y="\d+">([^<]+)</text>', chart) == [
        "0 (0 %)", "1 (25 %)", "0 (0 %)", "1 (25 %)", "2 (50 %)"]
    assert "im Betrieb: 2 (50 %)" in chart  # in the <desc>


def test_who_can_help_lists_current_members_furthest_first_with_contact(
        client, reader, topic, helpers):
    client.force_login(reader)

    page = client.get(reverse("projects:topic", args=[topic.slug])).content.decode()

    assert _members(page) == ["Landkreis Mayen-Koblenz", "Kreis Ahrweiler", "Landkreis Neuwied"]
    first_row = page.split('id="wer-kann-helfen"')[1].split("</tr>")[1]
    assert '<span class="stage__label">im Betrieb</span>' in first_row
    assert ">enaio</a>" in first_row and "Hauptamt" in first_row
    assert "Dana Digital" in first_row and "IT-Leitung" in first_row
    assert 'href="mailto:dana@myk.example"' in first_row
    assert 'href="tel:0261108-0">0261 108-0</a>' in first_row


def test_same_product_filter_ignores_case_but_not_other_products(client, reader, topic,
                                                                 helpers):
    make_topic("Online-Termine", "online-termine")
    client.force_login(reader)

    page = client.get(reverse("projects:topic", args=[topic.slug]),
                      {"produkt": "Enaio"}).content.decode()

    assert _members(page) == ["Landkreis Mayen-Koblenz", "Kreis Ahrweiler"]
    assert "2 Mitglieder nutzen „Enaio“." in page


def test_topic_page_lists_products_in_use_with_their_count(client, reader, topic, helpers):
    client.force_login(reader)

    response = client.get(reverse("projects:topic", args=[topic.slug]))

    # One entry per product whatever its spelling; which spelling shows depends on collation.
    assert [(p["name"].lower(), p["count"]) for p in response.context["products"]] == [
        ("enaio", 2), ("d.velop", 1)]
    assert 'href="?produkt=d.velop#wer-kann-helfen">d.velop</a> (1)' in (
        response.content.decode())


def test_who_can_help_filters_by_stage(client, reader, topic, helpers):
    client.force_login(reader)

    page = client.get(reverse("projects:topic", args=[topic.slug]),
                      {"stand": Stage.PILOT}).content.decode()

    assert _members(page) == ["Kreis Ahrweiler"]


def test_unknown_topic_is_not_found(client, reader):
    client.force_login(reader)

    assert client.get(reverse("projects:topic", args=["gibt-es-nicht"])).status_code == 404


def _add_members(count, *, topic, by):
    for number in range(count):
        administration = AdministrationFactory()
        contact = ContactPerson.objects.create(administration=administration, name=f"P{number}")
        status_save(administration=administration, topic=topic, by=by,
                    fields={"stage": number % 5, "product": f"Produkt {number % 4}",
                            "contact": contact})


def test_topic_page_queries_do_not_grow_with_members(client, coordinator, topic,
                                                     django_assert_num_queries):
    _add_members(3, topic=topic, by=coordinator)
    client.force_login(coordinator)
    url = reverse("projects:topic", args=[topic.slug])
    with CaptureQueriesContext(connection) as small:
        assert len(client.get(url).context["status_rows"]) == 3

    _add_members(27, topic=topic, by=coordinator)
    cache.clear()  # measure both on a cold cache
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)

    assert len(response.context["status_rows"]) == 30


# --- OZG -----------------------------------------------------------------------------------

@pytest.fixture
def ozg_statuses(administration, other_administration, coordinator):
    elterngeld = make_service()
    status_save(administration=administration, service=elterngeld, by=coordinator,
                fields={"stage": Stage.LIVE, "maturity": Maturity.ONLINE_SERVICE,
                        "product": "Elterngeld Digital"})
    status_save(administration=other_administration, service=elterngeld, by=coordinator,
                fields={"stage": Stage.IN_PROGRESS, "maturity": Maturity.INFORMATION})
    return elterngeld


def test_ozg_page_shows_maturity_per_themenfeld_with_official_meanings(
        client, reader, ozg_statuses):
    client.force_login(reader)

    response = client.get(reverse("projects:ozg"))

    page = response.content.decode()
    [row] = response.context["rows"]
    assert (row.themenfeld.name, row.counts, row.total, row.compliant) == (
        "Familie & Kind", [0, 1, 0, 1, 0], 2, "50 %")
    assert "<dt><span class=\"maturity-swatch maturity--3\" aria-hidden=\"true\"></span> " \
           "3 – Online-Leistung</dt>" in page
    assert "Die Leistung kann einschließlich aller Nachweise online beantragt werden " \
           "(OZG-konform)." in page
    assert "Nachweise werden nach dem Once-Only-Prinzip abgerufen" in page
    chart = page.split('id="reifegrade"')[1].split("</svg>")[0]
    assert "Familie &amp; Kind: 0 – Offline 0, 1 – Information 1" in chart
    assert re.findall(r'<text class="chart__value" x="\d+" y="\d+">(\d+)</text>', chart) == ["2"]
    assert 'href="/vorhaben/ozg/10000/">Elterngeld</a>' in page


def test_ozg_service_list_searches_by_id_and_shows_live_counts(client, reader, ozg_statuses):
    make_service(ozg_id=10001, name="Kindergeld")
    client.force_login(reader)

    response = client.get(reverse("projects:ozg"), {"q": "10000"})

    assert [(s.ozg_id, s.live_count) for s in response.context["services"]] == [(10000, 1)]


def test_service_page_shows_distribution_maturity_and_who_runs_it(client, reader,
                                                                  ozg_statuses):
    client.force_login(reader)

    page = client.get(reverse("projects:service", args=[10000])).content.decode()

    stages = page.split('id="verteilung"')[1].split("</svg>")[0]
    assert "im Betrieb: 1 (50 %)" in stages and "in Umsetzung: 1 (50 %)" in stages
    maturity = page.split('id="reifegrad"')[1].split("</svg>")[0]
    assert "3 – Online-Leistung: 1 (50 %)" in maturity
    assert _members(page) == ["Landkreis Mayen-Koblenz", "Landkreis Neuwied"]
    assert ">Elterngeld Digital</a>" in page


def _add_services(count, *, start, by):
    """`count` services over three Themenfelder, each with a status of a new member."""
    for number in range(count):
        service = make_service(ozg_id=start + number, name=f"Leistung {start + number}",
                               themenfeld_number=1 + number % 3)
        administration = AdministrationFactory()
        status_save(administration=administration, service=service, by=by,
                    fields={"stage": number % 5, "maturity": number % 5})


def test_ozg_page_queries_do_not_grow_with_services_and_statuses(client, reader, coordinator,
                                                                 django_assert_num_queries):
    _add_services(1, start=10000, by=coordinator)
    client.force_login(reader)
    url = reverse("projects:ozg")
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        assert len(client.get(url).context["services"]) == 1

    _add_services(29, start=10001, by=coordinator)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)

    assert len(response.context["services"]) == 30
    assert len(response.context["rows"]) == 3
    assert response.content.decode().count('href="/vorhaben/ozg/100') == 30


def test_service_page_queries_do_not_grow_with_statuses(client, reader, coordinator,
                                                        django_assert_num_queries):
    service = make_service()
    _add_members_to_service(1, service=service, by=coordinator)
    client.force_login(reader)
    url = reverse("projects:service", args=[service.ozg_id])
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        assert len(client.get(url).context["status_rows"]) == 1

    _add_members_to_service(29, service=service, by=coordinator)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)

    assert len(response.context["status_rows"]) == 30
    assert "Leistung von P29" in response.content.decode()


def _add_members_to_service(count, *, service, by):
    for _n in range(count):
        administration = AdministrationFactory()
        number = Status.objects.count()
        contact = ContactPerson.objects.create(administration=administration,
                                               name=f"P{number}")
        status_save(administration=administration, service=service, by=by,
                    fields={"stage": number % 5, "maturity": number % 5,
                            "product": f"Leistung von P{number}", "contact": contact})
