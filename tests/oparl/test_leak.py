"""Nothing internal in the API: on top of the demo network, internal things with unique
markers (a planned meeting, meeting titles, places, agendas, minutes and decisions, an
internal document, people);
a walk over the whole API, files included, finds none of them, and their own addresses
answer 404."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from knowledge.enums import Visibility
from meetings.enums import MinutesState
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    Minutes,
    Registration,
    WorkingGroup,
)
from tests.factories import UserFactory
from tests.knowledge.factories import document_make
from tests.oparl.walk import walk_api

MARKERS = (
    "LEAKPLANNEDTITLE", "LEAKPLANNEDAGENDA", "LEAKPLANNEDPLACE", "LEAKUNANNOUNCED",
    "LEAKDRAFTSUMMARY", "LEAKDRAFTDECISION", "LEAKHELDAGENDA", "LEAKINVITEDAGENDA",
    "LEAKINVITEDPLACE", "LEAKONLINELINK", "LEAKITEMDESCRIPTION", "LEAKPRESENTER",
    "LEAKNOTES", "LEAKSUMMARY", "LEAKACTION", "LEAKPERSON", "LEAKMEETINGDOCUMENT",
    "LEAKINTERNALDOCUMENT", "LEAKINTERNALFILE", "LEAKARCHIVEDDOCUMENT", "LEAKHELDTITLE",
    "LEAKINVITEDTITLE", "LEAKPUBLISHEDTITLE", "LEAKDECISION",
)


def make_meeting(group, *, days: int, state: str, title: str, **extra) -> Meeting:
    starts = timezone.now() + timedelta(days=days)
    return Meeting.objects.create(working_group=group, title=title, starts_at=starts,
                                  ends_at=starts + timedelta(hours=3), state=state, **extra)


@pytest.fixture
def internals(network):
    group = WorkingGroup.objects.order_by("pk").first()
    now = timezone.now()
    planned = make_meeting(group, days=60, state="planned", title="LEAKPLANNEDTITLE",
                           location="LEAKPLANNEDPLACE")
    AgendaItem.objects.create(meeting=planned, order=1, title="LEAKPLANNEDAGENDA")
    unannounced = make_meeting(group, days=70, state="cancelled", title="LEAKUNANNOUNCED")
    held = make_meeting(group, days=-3, state="held", title="LEAKHELDTITLE")
    held_item = AgendaItem.objects.create(meeting=held, order=1, title="LEAKHELDAGENDA")
    Minutes.objects.create(meeting=held, state=MinutesState.DRAFT, summary="LEAKDRAFTSUMMARY")
    Decision.objects.create(meeting=held, agenda_item=held_item, wording="LEAKDRAFTDECISION")
    invited = make_meeting(group, days=20, state="invited", title="LEAKINVITEDTITLE",
                           location="LEAKINVITEDPLACE", invited_at=now,
                           online_link="https://video.example.org/LEAKONLINELINK")
    invited_item = AgendaItem.objects.create(meeting=invited, order=1,
                                             title="LEAKINVITEDAGENDA")

    published = make_meeting(group, days=-40, state="minutes_published",
                             title="LEAKPUBLISHEDTITLE", invited_at=now - timedelta(days=60),
                             location="Kreishaus Koblenz, Saal 2")
    item = AgendaItem.objects.create(
        meeting=published, order=1, title="Öffentlicher Punkt", description="LEAKITEMDESCRIPTION",
        presenter="LEAKPRESENTER", notes="LEAKNOTES")
    Minutes.objects.create(meeting=published, state=MinutesState.PUBLISHED,
                           published_at=now - timedelta(days=30), summary="LEAKSUMMARY")
    Decision.objects.create(meeting=published, agenda_item=item,
                            wording="LEAKDECISION")
    person = UserFactory(first_name="LEAKPERSON", last_name="Muster")
    Registration.objects.create(meeting=published, user=person, attended=True)
    ActionItem.objects.create(meeting=published, title="LEAKACTION", responsible_user=person)
    MeetingDocument.objects.create(meeting=published, title="LEAKMEETINGDOCUMENT",
                                   file="meetings/2025/leak.pdf")
    internal = document_make(uploaded_by=person, title="LEAKINTERNALDOCUMENT",
                             filename="intern.txt", content=b"LEAKINTERNALFILE",
                             visibility=Visibility.INTERNAL)
    archived = document_make(uploaded_by=person, title="LEAKARCHIVEDDOCUMENT",
                             filename="alt.txt", content=b"LEAKARCHIVEDDOCUMENT",
                             visibility=Visibility.PUBLIC, archived_at=now)
    public = document_make(uploaded_by=person, title="Öffentliche Vorlage",
                           filename="vorlage.txt", content=b"Frei nachnutzbar",
                           visibility=Visibility.PUBLIC)
    for document in (internal, archived, public):
        document.meetings.add(published, invited)
    return {"planned": planned, "unannounced": unannounced, "held": held,
            "held_item": held_item, "invited": invited, "invited_item": invited_item,
            "published": published, "internal": internal}


def test_walk_shows_nothing_internal(network, internals):
    walk = walk_api(network.client("visitor"))

    assert walk.problems == []
    everything = "\n".join(walk.texts)
    assert [marker for marker in MARKERS if marker in everything] == []
    # The walk did reach the public parts: the invited meeting, its public document.
    invited = internals["invited"]
    assert f'"id":"{settings.SITE_URL}/oparl/v1/meeting/{invited.pk}"' in everything
    assert f"Sitzung der {invited.working_group.name}" in everything
    assert "Öffentliche Vorlage" in everything and "Frei nachnutzbar" in everything


@pytest.mark.parametrize("route", [
    "meeting/{planned}", "meeting/{unannounced}", "agendaitem/{held_item}",
    "agendaitem/{invited_item}", "location/{invited}", "file/dokument/{internal}",
    "file/dokument/{internal}/inhalt", "file/dokument/{internal}/download",
])
def test_internal_objects_answer_not_found(network, internals, route):
    path = "/oparl/v1/" + route.format(**{key: obj.pk for key, obj in internals.items()})

    response = network.client("visitor").get(path)

    assert response.status_code == 404
    assert b"LEAK" not in response.content
