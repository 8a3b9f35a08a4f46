"""OParl's AgendaItem, Location and the public minutes as File (issue 16), on small data:
the lists of agenda items and places, `deleted: true` once records drop out of public view
(and only for clients that ask for changes), `modified` that follows the changes, and
constant queries per list page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from meetings.models import AgendaItem, Decision, Meeting, Minutes, WorkingGroup
from meetings.services.agenda import agenda_item_save
from meetings.services.meetings import meeting_save
from tests.oparl.schemas import errors

BODY = "/oparl/v1/body/1"


@pytest.fixture
def group(db):
    return WorkingGroup.objects.create(name="AG Bürgerportal", slug="ag-portal")


def _records(group, *, n=0, state="minutes_published", days=-10, items=2) -> Meeting:
    starts = timezone.now() + timedelta(days=days)
    meeting = Meeting.objects.create(
        working_group=group, title=f"Intern {n}", starts_at=starts,
        ends_at=starts + timedelta(hours=2), state=state, invited_at=timezone.now(),
        location=f"Rathaus {n}\nMarkt 1, 56068 Koblenz", public_records=True,
        public_records_at=timezone.now())
    if state == "minutes_published":
        Minutes.objects.create(meeting=meeting, state="published", published_at=timezone.now())
    for order in range(1, items + 1):
        item = AgendaItem.objects.create(meeting=meeting, order=order, title=f"Punkt {order}",
                                         public=order > 1)
        Decision.objects.create(meeting=meeting, agenda_item=item, wording=f"Beschluss {order}")
    return meeting


def _json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_body_links_the_lists_of_agenda_items_and_places(client, group):
    body = _json(client, BODY)

    assert body["agendaItem"].endswith("/oparl/v1/body/1/agendaItem")
    assert body["locationList"].endswith("/oparl/v1/body/1/location")


def test_lists_hold_the_public_items_and_places_valid_by_the_schemas(client, group):
    meeting = _records(group)
    online = _records(group, n=1, state="invited", days=5)
    Meeting.objects.filter(pk=online.pk).update(format="online")

    items = _json(client, f"{BODY}/agendaItem")["data"]
    places = _json(client, f"{BODY}/location")["data"]

    assert [(i["name"], i["number"], i.get("resolutionText"))
            for i in items] == [("Punkt 2", "2", "Beschluss 2"), ("Punkt 2", "2", None)]
    assert [p["description"] for p in places] == ["Rathaus 0, Markt 1, 56068 Koblenz"]
    assert places[0]["meetings"] == [items[0]["meeting"]]
    assert items[0]["meeting"].endswith(f"/oparl/v1/meeting/{meeting.pk}")
    assert [e for obj in items + places for e in errors(obj)] == []


def test_withdrawn_records_are_deleted_for_clients_that_ask_for_changes(client, group,
                                                                        coordinator):
    meeting = _records(group, state="invited", days=5)
    since = (timezone.now() - timedelta(minutes=1)).isoformat()
    item = AgendaItem.objects.get(meeting=meeting, order=2)

    agenda_item_save(item=item, fields={"public": False}, by=coordinator)
    meeting_save(meeting=meeting, fields={"public_records": False}, by=coordinator)

    assert _json(client, f"{BODY}/agendaItem")["data"] == []
    assert _json(client, f"{BODY}/location")["data"] == []
    changed = _json(client, f"{BODY}/agendaItem", modified_since=since)["data"]
    assert {(obj["id"].rsplit("/", 1)[1], obj.get("deleted")) for obj in changed} == {
        (str(pk), True) for pk in meeting.agenda_items.values_list("pk", flat=True)}
    place = _json(client, f"/oparl/v1/location/{meeting.pk}")
    assert place["deleted"] is True and set(place) == {"id", "type", "created", "modified",
                                                       "deleted"}
    # The meeting itself stays public (invited, to come), without its records.
    public = _json(client, f"/oparl/v1/meeting/{meeting.pk}")
    assert "deleted" not in public and "location" not in public
    assert public["agendaItem"] == [] if "agendaItem" in public else True


def test_a_change_of_an_item_changes_its_meeting_and_itself(client, group, coordinator):
    meeting = _records(group, state="invited", days=5)
    before = _json(client, f"/oparl/v1/meeting/{meeting.pk}")["modified"]
    item = AgendaItem.objects.get(meeting=meeting, order=2)
    Meeting.objects.filter(pk=meeting.pk).update(
        updated_at=timezone.now() - timedelta(days=2))
    AgendaItem.objects.filter(meeting=meeting).update(
        updated_at=timezone.now() - timedelta(days=2))
    old = _json(client, f"/oparl/v1/agendaitem/{item.pk}")["modified"]

    agenda_item_save(item=item, fields={"title": "Punkt zwei"}, by=coordinator)

    new = _json(client, f"/oparl/v1/agendaitem/{item.pk}")
    assert new["name"] == "Punkt zwei" and new["modified"] > old
    assert _json(client, f"/oparl/v1/meeting/{meeting.pk}")["modified"] >= before


def test_omit_internal_leaves_out_the_agenda_but_not_place_and_minutes(client, group):
    meeting = _records(group)

    full = _json(client, f"/oparl/v1/meeting/{meeting.pk}")
    short = _json(client, f"/oparl/v1/meeting/{meeting.pk}", omit_internal="true")

    assert len(full["agendaItem"]) == 1 and "agendaItem" not in short
    assert short["location"] == full["location"]
    assert short["resultsProtocol"] == full["resultsProtocol"]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [f"{BODY}/meeting", f"{BODY}/agendaItem", f"{BODY}/location",
                                 f"{BODY}/agendaItem?modified_since=2000-01-01T00:00:00%2B01:00",
                                 f"{BODY}/meeting?modified_since=2000-01-01T00:00:00%2B01:00"])
def test_list_pages_need_the_same_queries_for_1_and_30_meetings_with_records(
        client, group, url, django_assert_num_queries):
    _records(group, n=0, items=3)
    one = _queries(client, url)
    for n in range(1, 30):
        _records(group, n=n, items=3)

    with django_assert_num_queries(one):
        client.get(url)
    # count, page, and for meetings documents, agenda items, decisions; for items decisions
    assert one <= 6
