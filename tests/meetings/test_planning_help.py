"""Planning help where coordinators look for it (issue 14): "Sitzung anlegen" on the
meeting list and on a working group page starts with the next date by cadence, the host
that hosted least recently and its seat address; open action items go on the agenda with
one choice; "Ort" is marked as required for in-person and hybrid meetings; empty lists are
no numbered items."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, AgendaItem, Meeting, Minutes
from meetings.selectors.planning import next_meeting_suggestion
from tests.factories import AdministrationFactory
from tests.meetings.helpers import make_group, make_meeting
from tests.security.crawler import fetch, flat, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned_group(administration):
    """A quarterly group: Mayen-Koblenz hosted its last meeting, Westerwald never did."""
    westerwald = AdministrationFactory(
        name="Westerwaldkreis", address="Peter-Altmeier-Platz 1\n56410 Montabaur")
    group = make_group(administration, westerwald)
    make_meeting(group, days=-20, state="minutes_published", host=administration)
    return group, westerwald


def _value(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    return match[1] if match else ""


def test_create_from_the_group_page_starts_with_date_host_and_address(
        client, planned_group, coordinator):
    group, westerwald = planned_group
    client.force_login(coordinator)

    group_page = client.get(group.get_absolute_url()).content.decode()
    link = f'{reverse("meetings:create")}?gruppe={group.slug}'
    page = client.get(link).content.decode()

    starts, host = next_meeting_suggestion(group)
    assert host == westerwald
    assert f'href="{link}"' in group_page and "Sitzung anlegen" in group_page
    assert _value(page, "starts_at") == timezone.localtime(starts).strftime("%Y-%m-%dT%H:%M")
    assert f'<option value="{westerwald.pk}" selected>Westerwaldkreis</option>' in page
    assert ">\nWesterwaldkreis\nPeter-Altmeier-Platz 1\n56410 Montabaur</textarea>" in page
    assert "Als Gastgeber schlagen wir Westerwaldkreis vor" in page
    assert "Sie können alles ändern." in page


def test_create_from_the_meeting_list_asks_for_the_group_and_prefills(
        client, planned_group, coordinator):
    group, westerwald = planned_group
    client.force_login(coordinator)

    listing = fetch(client, reverse("meetings:index"))
    [plan] = [f for f in listing.forms if f.action == reverse("meetings:create")]
    data = flat(form_data(plan))
    page = client.get(reverse("meetings:create"), {"gruppe": group.slug}).content.decode()

    assert plan.method == "get" and data == {"gruppe": group.slug}
    assert "Als Gastgeber schlagen wir Westerwaldkreis vor" in page
    assert ">\nWesterwaldkreis\nPeter-Altmeier-Platz 1" in page


def test_coordinator_may_change_the_suggestion(client, planned_group, coordinator,
                                               administration):
    group, _westerwald = planned_group
    client.force_login(coordinator)
    url = f"{reverse('meetings:create')}?gruppe={group.slug}"
    [form] = [f for f in fetch(client, url).forms if f.method == "post" and f.action == url]
    data = flat(form_data(form))
    data.update(host=str(administration.pk), location="Kreishaus Koblenz, Saal 2")

    response = client.post(url, data)

    assert response.status_code == 302
    meeting = Meeting.objects.get(state="planned")
    assert (meeting.host, meeting.location) == (administration, "Kreishaus Koblenz, Saal 2")


def test_readers_get_no_create_button(client, planned_group, reader):
    group, _westerwald = planned_group
    client.force_login(reader)

    listing = client.get(reverse("meetings:index")).content.decode()
    group_page = client.get(group.get_absolute_url()).content.decode()

    assert "Sitzung anlegen" not in listing and "Sitzung anlegen" not in group_page


# --- "Ort" is required for in-person and hybrid meetings --------------------------------------

def test_location_label_says_when_it_is_required(client, planned_group, coordinator):
    client.force_login(coordinator)

    page = client.get(reverse("meetings:create")).content.decode()

    label = re.search(r'<label class="kern-label" for="id_location">(.*?)</label>', page, re.S)[1]
    assert "(Pflichtangabe bei Präsenz und hybrid)" in label and "(optional)" not in label


@pytest.mark.parametrize(("fmt", "error"), [("in_person", True), ("hybrid", True),
                                            ("online", False)])
def test_location_is_checked_on_the_server_by_format(client, planned_group, coordinator, fmt,
                                                     error):
    group, _westerwald = planned_group
    client.force_login(coordinator)
    starts = timezone.localtime() + timezone.timedelta(days=50)
    data = {"working_group": group.pk, "title": "Ohne Ort", "format": fmt, "location": "",
            "online_link": "https://video.example.org/raum",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timezone.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")}

    response = client.post(reverse("meetings:create"), data)

    message = "Für Präsenz- und Hybrid-Sitzungen bitte den Ort angeben."
    assert (message in response.content.decode()) is error
    assert Meeting.objects.filter(title="Ohne Ort").exists() is not error


# --- Open action items onto the next agenda ---------------------------------------------------

@pytest.fixture
def open_item(planned_group, other_administration):
    group, westerwald = planned_group
    earlier = group.meetings.get()
    Minutes.objects.create(meeting=earlier, state="published", published_at=timezone.now())
    item = ActionItem.objects.create(meeting=earlier, title="Musterdienstanweisung teilen",
                                     responsible_administration=westerwald,
                                     due_date=timezone.localdate() + timezone.timedelta(days=9))
    ActionItem.objects.create(meeting=earlier, title="Schon erledigt", status="done")
    upcoming = make_meeting(group, days=40, state="planned", title="Nächste Sitzung")
    return item, upcoming


def _agenda_form(client, meeting):
    url = reverse("meetings:agenda_action_items", args=[meeting.pk])
    forms = [f for f in fetch(client, meeting.get_absolute_url()).forms if f.action == url]
    return url, forms


def test_open_action_items_go_on_the_agenda_once(client, open_item, coordinator):
    item, upcoming = open_item
    client.force_login(coordinator)
    url, [form] = _agenda_form(client, upcoming)
    _url, [other_tab] = _agenda_form(client, upcoming)  # the page open in a second tab
    data, other = flat(form_data(form)), flat(form_data(other_tab))
    data["items"] = other["items"] = str(item.pk)

    first = client.post(url, data)
    again = client.post(url, data)  # double click: the same one-time token
    second_tab = client.post(url, other, follow=True)  # a new token, sent later

    assert first.status_code == 302 and again.status_code == 303
    [agenda_item] = AgendaItem.objects.filter(meeting=upcoming)
    assert (agenda_item.title, agenda_item.action_item) == ("Musterdienstanweisung teilen", item)
    assert "Offene Aufgabe aus der Sitzung" in agenda_item.description
    assert "Zuständig: Westerwaldkreis." in agenda_item.description
    assert "Die gewählten Aufgaben stehen bereits auf der Tagesordnung." in " ".join(
        str(m) for m in second_tab.context["messages"])
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert "Offene Aufgabe „Musterdienstanweisung teilen“" in page
    assert _agenda_form(client, upcoming)[1] == []  # nothing left to offer


def test_only_open_items_are_offered_and_nothing_chosen_is_an_error(client, open_item,
                                                                    coordinator):
    item, upcoming = open_item
    client.force_login(coordinator)
    url, [form] = _agenda_form(client, upcoming)
    data = flat(form_data(form))
    data.pop("items", None)

    response = client.post(url, data, follow=True)

    offered = [spec.value for spec in form.fields if spec.name == "items"]
    assert offered == [str(item.pk)]
    assert "Bitte wählen Sie mindestens eine Aufgabe aus." in " ".join(
        str(m) for m in response.context["messages"])
    assert not AgendaItem.objects.filter(meeting=upcoming).exists()


# --- Empty states are no numbered list items ---------------------------------------------------

def test_no_decisions_is_a_sentence_not_a_numbered_item(client, planned_group, reader):
    group, _westerwald = planned_group
    meeting = group.meetings.get()
    Minutes.objects.create(meeting=meeting, state="published", published_at=timezone.now(),
                           summary="Kurz.")
    client.force_login(reader)

    page = client.get(meeting.get_absolute_url()).content.decode()

    assert "Keine Beschlüsse." in page
    assert not re.search(r"<li>\s*Keine Beschlüsse", page)
    assert not re.search(r"<li>\s*Keine Unterlagen", page)


def test_minutes_pdf_without_decisions_numbers_nothing_empty(planned_group, coordinator):
    from meetings import exports
    from meetings.selectors.meetings import meeting_for_page
    from tests.pdf_inspect import inspect_pdf

    group, _westerwald = planned_group
    meeting = group.meetings.get()
    Minutes.objects.create(meeting=meeting, state="published", published_at=timezone.now(),
                           summary="Kurz.")

    text = inspect_pdf(exports.minutes_pdf(meeting_for_page(meeting.pk).get())).text

    assert "Kurz." in text
    assert not re.search(r"^\s*1\.\s*Keine", text, re.M)


def test_meeting_page_queries_do_not_grow_with_action_items_on_the_agenda(
        client, open_item, coordinator):
    from tests.meetings.test_pages import _queries

    item, upcoming = open_item
    earlier = item.meeting
    client.force_login(coordinator)

    def add(count):
        for number in range(count):
            extra = ActionItem.objects.create(meeting=earlier, title=f"Aufgabe {number}")
            AgendaItem.objects.create(meeting=upcoming, order=number, title=extra.title,
                                      action_item=extra)

    add(1)
    small = _queries(client, upcoming.get_absolute_url())
    add(3)

    assert _queries(client, upcoming.get_absolute_url()) == small
