"""Nothing internal in the API: on top of the demo network, internal things with unique
markers (a planned meeting, meeting titles, places, agendas, minutes and decisions, an
internal document, people; and of a meeting with public records its title, online link,
non-public agenda items, descriptions, presenters, notes, summary, attendance, action items
and decisions on no or a non-public item; a meeting whose records were withdrawn);
a walk over the whole API, files included, finds none of them, and their own addresses
answer 404 (or `deleted: true` once they were public). The public records do appear, in
OParl and on the visitor's meeting page alike."""

import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

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
    # A meeting with public records: what stays internal.
    "LEAKRECORDSTITLE", "LEAKRECORDSLINK", "LEAKNONPUBLICITEM", "LEAKNONPUBLICDECISION",
    "LEAKLOOSEDECISION", "LEAKPUBLICDESCRIPTION", "LEAKPUBLICPRESENTER", "LEAKPUBLICNOTES",
    "LEAKPUBLICSUMMARY", "LEAKATTENDEE", "LEAKPUBLICACTION", "LEAKRECORDSDOCUMENT",
    # A meeting whose records were public and are withdrawn.
    "LEAKWITHDRAWNITEM", "LEAKWITHDRAWNPLACE", "LEAKWITHDRAWNDECISION",
)
# What a meeting with public records shows to anyone.
PUBLIC_TEXTS = ("Kreisverwaltung Neuwied", "Wilhelm-Leuschner-Straße 9", "Breitband im Kreis",
                "Der Kreis beantragt Fördermittel für Glasfaser.")


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
    records = _meeting_with_public_records(group, now)
    withdrawn = _meeting_with_withdrawn_records(group, now)
    return {"planned": planned, "unannounced": unannounced, "held": held,
            "held_item": held_item, "invited": invited, "invited_item": invited_item,
            "published": published, "internal": internal, **records, **withdrawn}


def _meeting_with_public_records(group, now) -> dict:
    meeting = make_meeting(group, days=-10, state="minutes_published", title="LEAKRECORDSTITLE",
                           format="hybrid", invited_at=now - timedelta(days=30),
                           location="Kreisverwaltung Neuwied\n"
                                    "Wilhelm-Leuschner-Straße 9, 56564 Neuwied",
                           online_link="https://video.example.org/LEAKRECORDSLINK",
                           public_records=True, public_records_at=now - timedelta(days=30))
    hidden = AgendaItem.objects.create(meeting=meeting, order=1, title="LEAKNONPUBLICITEM")
    shown = AgendaItem.objects.create(
        meeting=meeting, order=2, title="Breitband im Kreis", public=True,
        description="LEAKPUBLICDESCRIPTION", presenter="LEAKPUBLICPRESENTER",
        notes="LEAKPUBLICNOTES")
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=now - timedelta(days=5), summary="LEAKPUBLICSUMMARY")
    Decision.objects.create(meeting=meeting, agenda_item=shown, result="majority",
                            wording="Der Kreis beantragt Fördermittel für Glasfaser.")
    Decision.objects.create(meeting=meeting, agenda_item=hidden, wording="LEAKNONPUBLICDECISION")
    Decision.objects.create(meeting=meeting, wording="LEAKLOOSEDECISION")
    attendee = UserFactory(first_name="Alma", last_name="LEAKATTENDEE")
    Registration.objects.create(meeting=meeting, user=attendee, attended=True)
    ActionItem.objects.create(meeting=meeting, title="LEAKPUBLICACTION", responsible_user=attendee)
    MeetingDocument.objects.create(meeting=meeting, title="LEAKRECORDSDOCUMENT",
                                   file="meetings/2025/records.pdf")
    return {"records": meeting, "records_item": shown, "records_hidden_item": hidden}


def _meeting_with_withdrawn_records(group, now) -> dict:
    meeting = make_meeting(group, days=-100, state="minutes_published", title="LEAKHELDTITLE",
                           invited_at=now - timedelta(days=130), location="LEAKWITHDRAWNPLACE",
                           public_records=False, public_records_at=now - timedelta(days=130))
    item = AgendaItem.objects.create(meeting=meeting, order=1, title="LEAKWITHDRAWNITEM",
                                     public=True)
    Minutes.objects.create(meeting=meeting, state=MinutesState.PUBLISHED,
                           published_at=now - timedelta(days=90))
    Decision.objects.create(meeting=meeting, agenda_item=item, wording="LEAKWITHDRAWNDECISION")
    return {"withdrawn": meeting, "withdrawn_item": item}


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
    # … and the public records: place, public agenda item, its decision, public minutes.
    assert [text for text in PUBLIC_TEXTS if text not in everything] == []
    records = internals["records"]
    assert f"{settings.SITE_URL}/oparl/v1/agendaitem/{internals['records_item'].pk}" in walk.objects
    assert f"{settings.SITE_URL}/oparl/v1/location/{records.pk}" in walk.objects
    assert f"{settings.SITE_URL}/oparl/v1/file/protokoll/{records.pk}" in walk.objects


def test_visitor_page_and_public_minutes_show_what_oparl_shows(network, internals):
    visitor = network.client("visitor")
    records = internals["records"]

    page = visitor.get(records.get_absolute_url())
    pdf = visitor.get(reverse("meetings:public_minutes_pdf", args=[records.pk]))
    api = visitor.get(f"/oparl/v1/meeting/{records.pk}").json()

    assert page.status_code == pdf.status_code == 200
    html = page.content.decode()
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(
        pdf.content)).pages).split())
    for answer in (html, text):
        assert [marker for marker in MARKERS if marker in answer] == []
    assert [t for t in PUBLIC_TEXTS if t not in html] == []
    assert [t for t in PUBLIC_TEXTS[2:] if t not in text] == []
    # The same items, numbered in the whole agenda, on the page, in the PDF and in OParl.
    assert [(i["number"], i["name"]) for i in api["agendaItem"]] == [("2", "Breitband im Kreis")]
    assert "TOP 2: Breitband im Kreis" in html and "TOP 2: Breitband im Kreis" in text
    assert api["agendaItem"][0]["result"] == "mit Mehrheit"
    assert api["location"]["postalCode"] == "56564"
    assert api["location"]["locality"] == "Neuwied"
    assert api["location"]["streetAddress"] == "Wilhelm-Leuschner-Straße 9"
    assert reverse("meetings:public_minutes_pdf", args=[records.pk]) in html


def test_withdrawn_records_answer_deleted(network, internals):
    visitor = network.client("visitor")
    withdrawn = internals["withdrawn"]

    answers = [visitor.get(f"/oparl/v1/{route}") for route in (
        f"meeting/{withdrawn.pk}", f"agendaitem/{internals['withdrawn_item'].pk}",
        f"location/{withdrawn.pk}", f"file/protokoll/{withdrawn.pk}",
        f"agendaitem/{internals['records_hidden_item'].pk}")]
    pdf = visitor.get(f"/oparl/v1/file/protokoll/{withdrawn.pk}/inhalt")
    page = visitor.get(withdrawn.get_absolute_url())

    assert [(a.status_code, a.json().get("deleted")) for a in answers] == [(200, True)] * 5
    assert all(b"LEAK" not in a.content for a in answers)
    # The visitor's meeting page offers the login, as for any meeting they may not see.
    assert pdf.status_code == 410 and page.status_code == 302
    assert page.url.startswith("/konto/login/?next=")


@pytest.mark.parametrize("route", [
    "meeting/{planned}", "meeting/{unannounced}", "agendaitem/{held_item}",
    "agendaitem/{invited_item}", "location/{invited}", "location/{published}",
    "file/protokoll/{published}", "file/protokoll/{published}/inhalt",
    "agendaitem/{records_item}/x", "file/dokument/{internal}",
    "file/dokument/{internal}/inhalt", "file/dokument/{internal}/download",
])
def test_internal_objects_answer_not_found(network, internals, route):
    path = "/oparl/v1/" + route.format(**{key: obj.pk for key, obj in internals.items()})

    response = network.client("visitor").get(path)

    assert response.status_code == 404
    assert b"LEAK" not in response.content
