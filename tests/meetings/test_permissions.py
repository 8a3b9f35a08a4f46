"""Every role against every write view and every write service of the meetings app,
checked on the server."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

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
from meetings.services.action_items import action_item_save, action_item_set_done
from meetings.services.agenda import (
    agenda_add_action_items,
    agenda_item_delete,
    agenda_item_move,
    agenda_item_save,
)
from meetings.services.calendar import calendar_token_regenerate
from meetings.services.documents import document_add
from meetings.services.groups import working_group_save
from meetings.services.meetings import meeting_save, meeting_transition
from meetings.services.minutes import (
    decision_delete,
    decision_save,
    minutes_approve,
    minutes_publish,
    minutes_save,
)
from meetings.services.registrations import (
    attendance_record,
    registration_decline,
    registration_register,
)
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
STAFF = {"reader", "editor", "coordinator", "admin"}
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def world(administration, other_administration, reader, editor, coordinator, admin_user):
    group = make_group(administration, other_administration)
    upcoming = make_meeting(group, state="invited")
    planned = make_meeting(group, days=60, state="planned", title="Geplant")
    held = make_meeting(group, days=-3, state="held", title="Gehalten")
    # Began an hour ago: only a meeting that has started can be marked as held.
    started = make_meeting(group, days=-1 / 24, state="invited", title="Läuft")
    earlier = make_meeting(group, days=-100, state="minutes_published", title="Früher")
    Minutes.objects.create(meeting=earlier, state="published", published_at=timezone.now())
    item, = add_agenda(upcoming, "Begrüßung")
    approval = AgendaItem.objects.create(meeting=upcoming, order=9, title="Genehmigung",
                                         approves_minutes_of=earlier)
    action = ActionItem.objects.create(meeting=held, title="Vorlage teilen",
                                       responsible_administration=other_administration)
    # For the administration of reader, editor and coordinator; and one naming the reader.
    own_action = ActionItem.objects.create(meeting=held, title="Muster prüfen",
                                           responsible_administration=administration)
    named_action = ActionItem.objects.create(meeting=held, title="Folien senden",
                                             responsible_user=reader, status="done",
                                             done_at=timezone.now())
    # Open since an earlier meeting with published minutes: it can go on the next agenda.
    carried = ActionItem.objects.create(meeting=earlier, title="Leitfaden verteilen",
                                        responsible_administration=administration)
    decision = Decision.objects.create(meeting=held, wording="Leitfaden erstellen",
                                       result="unanimous")
    document = MeetingDocument.objects.create(
        meeting=upcoming, title="Präsentation",
        file=SimpleUploadedFile("folien.pdf", b"%PDF-1.4 test"))
    users = {"visitor": None, "reader": reader, "editor": editor, "coordinator": coordinator,
             "admin": admin_user}
    return locals()


def _meeting_data(w, **extra):
    starts = timezone.localtime() + timedelta(days=40)
    data = {"working_group": w["group"].pk, "title": "Neue Sitzung", "format": "in_person",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "location": "Koblenz"}
    data.update(extra)
    return data


def create_meeting(c, w):
    r = c.post(reverse("meetings:create"), _meeting_data(w))
    return r, Meeting.objects.filter(title="Neue Sitzung").exists()


def edit_meeting(c, w):
    r = c.post(reverse("meetings:edit", args=[w["upcoming"].pk]),
               _meeting_data(w, title="Umbenannt"))
    return r, Meeting.objects.filter(title="Umbenannt").exists()


def invite(c, w):
    r = c.post(reverse("meetings:transition", args=[w["planned"].pk]), {"to": "invited"})
    return r, Meeting.objects.get(pk=w["planned"].pk).state == "invited"


def cancel(c, w):
    r = c.post(reverse("meetings:cancel", args=[w["upcoming"].pk]), {"reason": "Krankheit"})
    return r, Meeting.objects.get(pk=w["upcoming"].pk).state == "cancelled"


def put_action_items_on_agenda(c, w):
    r = c.post(reverse("meetings:agenda_action_items", args=[w["upcoming"].pk]),
               {"items": [str(w["carried"].pk)]})
    return r, AgendaItem.objects.filter(meeting=w["upcoming"], action_item=w["carried"]).exists()


def add_agenda_item(c, w):
    r = c.post(reverse("meetings:agenda_create", args=[w["upcoming"].pk]),
               {"title": "OZG", "duration_minutes": 20})
    return r, AgendaItem.objects.filter(title="OZG").exists()


def edit_agenda_item(c, w):
    r = c.post(reverse("meetings:agenda_edit", args=[w["upcoming"].pk, w["item"].pk]),
               {"title": "Willkommen", "duration_minutes": 10})
    return r, AgendaItem.objects.filter(title="Willkommen").exists()


def delete_agenda_item(c, w):
    r = c.post(reverse("meetings:agenda_delete", args=[w["upcoming"].pk, w["item"].pk]))
    return r, not AgendaItem.objects.filter(pk=w["item"].pk).exists()


def move_agenda_item(c, w):
    r = c.post(reverse("meetings:agenda_move", args=[w["upcoming"].pk, w["approval"].pk]),
               {"direction": "up"})
    return r, AgendaItem.objects.get(pk=w["approval"].pk).order == 1


def write_minutes(c, w):
    r = c.post(reverse("meetings:minutes_edit", args=[w["held"].pk]), {"summary": "Gut"})
    return r, Minutes.objects.filter(meeting=w["held"], summary="Gut").exists()


def publish_minutes(c, w):
    r = c.post(reverse("meetings:minutes_publish", args=[w["held"].pk]))
    return r, Meeting.objects.get(pk=w["held"].pk).state == "minutes_published"


def approve_minutes(c, w):
    r = c.post(reverse("meetings:minutes_approve", args=[w["upcoming"].pk]),
               {"item": w["approval"].pk})
    return r, Minutes.objects.get(meeting=w["earlier"]).approved_in_id == w["upcoming"].pk


def add_decision(c, w):
    r = c.post(reverse("meetings:decision_create", args=[w["held"].pk]),
               {"wording": "Wir führen die E-Akte ein.", "result": "unanimous", "order": 1})
    return r, Decision.objects.filter(wording__startswith="Wir führen").exists()


def add_action_item(c, w):
    r = c.post(reverse("meetings:action_create", args=[w["held"].pk]),
               {"title": "Muster teilen", "responsible_administration": w["administration"].pk,
                "status": "open"})
    return r, ActionItem.objects.filter(title="Muster teilen").exists()


def tick_off_action_item(c, w):
    r = c.post(reverse("meetings:action_done", args=[w["action"].pk]), {"done": "1"})
    return r, ActionItem.objects.get(pk=w["action"].pk).status == "done"


def tick_off_own_administrations_item(c, w):
    r = c.post(reverse("meetings:action_done", args=[w["own_action"].pk]), {"done": "1"})
    return r, ActionItem.objects.get(pk=w["own_action"].pk).status == "done"


def reopen_item_naming_the_reader(c, w):
    r = c.post(reverse("meetings:action_done", args=[w["named_action"].pk]), {"done": "0"})
    return r, ActionItem.objects.get(pk=w["named_action"].pk).status == "open"


def edit_action_item(c, w):
    r = c.post(reverse("meetings:action_edit", args=[w["held"].pk, w["action"].pk]),
               {"title": "Vorlage teilen bis Mai", "status": "open",
                "responsible_administration": w["other_administration"].pk})
    return r, ActionItem.objects.get(pk=w["action"].pk).title == "Vorlage teilen bis Mai"


def edit_decision(c, w):
    r = c.post(reverse("meetings:decision_edit", args=[w["held"].pk, w["decision"].pk]),
               {"wording": "Leitfaden bis Mai erstellen", "result": "majority", "order": 1})
    return r, Decision.objects.get(pk=w["decision"].pk).wording.endswith("bis Mai erstellen")


def mark_held(c, w):
    r = c.post(reverse("meetings:transition", args=[w["started"].pk]), {"to": "held"})
    return r, Meeting.objects.get(pk=w["started"].pk).state == "held"


def correct_minutes(c, w):
    r = c.post(reverse("meetings:minutes_edit", args=[w["earlier"].pk]),
               {"summary": "Berichtigt", "correction_reason": "Tippfehler"})
    return r, Minutes.objects.get(meeting=w["earlier"]).summary == "Berichtigt"


def record_attendance(c, w):
    Registration.objects.create(meeting=w["held"], user=w["reader"])
    r = c.post(reverse("meetings:attendance", args=[w["held"].pk]),
               {"attended": [str(w["reader"].pk)]})
    return r, Registration.objects.get(meeting=w["held"], user=w["reader"]).attended is True


def record_walk_in_and_guest(c, w):
    r = c.post(reverse("meetings:attendance", args=[w["held"].pk]),
               {"walk_ins": w["editor"].email, "guests": "Erika Mustermann, Landesamt"})
    return r, (w["held"].guests.filter(name="Erika Mustermann").exists()
               and Registration.objects.filter(meeting=w["held"], user=w["editor"],
                                               attended=True).exists())


def upload_document(c, w):
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    r = c.post(reverse("meetings:document_upload", args=[w["upcoming"].pk]),
               {"title": "Plan", "file": upload})
    return r, MeetingDocument.objects.filter(title="Plan").exists()


def register(c, w):
    r = c.post(reverse("meetings:register", args=[w["upcoming"].pk]), {"mode": "in_person"})
    return r, Registration.objects.filter(meeting=w["upcoming"], status="registered").exists()


def decline(c, w):
    r = c.post(reverse("meetings:decline", args=[w["upcoming"].pk]))
    return r, Registration.objects.filter(meeting=w["upcoming"], status="declined").exists()


ACTIONS = {
    create_meeting: COORDINATION, edit_meeting: COORDINATION, invite: COORDINATION,
    mark_held: COORDINATION, cancel: COORDINATION, add_agenda_item: COORDINATION,
    edit_agenda_item: COORDINATION, delete_agenda_item: COORDINATION,
    move_agenda_item: COORDINATION, put_action_items_on_agenda: COORDINATION,
    write_minutes: COORDINATION,
    publish_minutes: COORDINATION, correct_minutes: COORDINATION,
    approve_minutes: COORDINATION, add_decision: COORDINATION, edit_decision: COORDINATION,
    add_action_item: COORDINATION, edit_action_item: COORDINATION,
    # the responsible administration is the other one; its editor is not in these roles
    tick_off_action_item: COORDINATION,
    # the editors of the responsible administration tick off its items, its readers do not
    tick_off_own_administrations_item: {"editor", "coordinator", "admin"},
    # the person named (a reader) opens their item again
    reopen_item_naming_the_reader: {"reader", "coordinator", "admin"},
    record_attendance: COORDINATION, record_walk_in_and_guest: COORDINATION,
    upload_document: COORDINATION, register: STAFF,
    decline: STAFF,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(ACTIONS), ids=lambda a: a.__name__)
def test_write_view_allowed_only_for_its_roles(client, world, action, role):
    if world["users"][role]:
        client.force_login(world["users"][role])

    response, changed = action(client, world)

    if role in ACTIONS[action]:
        assert response.status_code == 302, response.content.decode()[:800]
        assert changed is True
    else:
        assert response.status_code == 403
        assert changed is False


@pytest.mark.parametrize("role", ROLES)
def test_documents_are_served_to_member_staff_only(client, world, role):
    if world["users"][role]:
        client.force_login(world["users"][role])

    response = client.get(reverse("meetings:document", args=[world["document"].pk]))
    media = client.get(world["document"].file.url)

    assert response.status_code == (200 if role in STAFF else 403)
    assert media.status_code == 404  # never through a guessable media URL


def test_bad_upload_type_is_refused_with_german_message(client, world):
    client.force_login(world["users"]["coordinator"])
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")

    response = client.post(reverse("meetings:document_upload", args=[world["upcoming"].pk]),
                           {"title": "Getarnt", "file": fake})

    assert response.status_code == 200
    assert "Dieser Dateityp ist nicht erlaubt" in response.content.decode()
    assert 'value="Getarnt"' in response.content.decode()
    assert not MeetingDocument.objects.filter(title="Getarnt").exists()


def test_meeting_form_errors_are_german_and_keep_input(client, world):
    client.force_login(world["users"]["coordinator"])
    data = _meeting_data(world, format="online", location="")
    data["ends_at"] = data["starts_at"]

    response = client.post(reverse("meetings:create"), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Das Ende muss nach dem Beginn liegen." in page
    assert "bitte den Link zur Teilnahme angeben" in page
    assert 'value="Neue Sitzung"' in page


@pytest.mark.parametrize("role", ROLES)
def test_calendar_link_renewed_only_by_member_staff(client, world, role):
    user = world["users"][role]
    token = user.calendar_token if user else None
    if user:
        client.force_login(user)

    response = client.post(reverse("meetings:calendar_regenerate"))

    if role in STAFF:
        assert response.status_code == 302
        user.refresh_from_db()
        assert user.calendar_token != token
    else:  # visitors are sent to the login first
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


# --- The services check the same rules, whoever calls them ---------------------------------

def _upload():
    return SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")


SERVICES = {
    "meeting_save (new)": (COORDINATION, lambda w, u: meeting_save(
        meeting=Meeting(working_group=w["group"]), by=u, fields={
            "title": "Neu", "starts_at": timezone.now() + timedelta(days=9),
            "ends_at": timezone.now() + timedelta(days=9, hours=2)})),
    "meeting_save": (COORDINATION, lambda w, u: meeting_save(
        meeting=w["upcoming"], fields={"title": "Umbenannt"}, by=u)),
    "meeting_transition (invite)": (COORDINATION, lambda w, u: meeting_transition(
        meeting=w["planned"], to="invited", by=u)),
    "meeting_transition (held)": (COORDINATION, lambda w, u: meeting_transition(
        meeting=w["started"], to="held", by=u)),
    "meeting_transition (cancel)": (COORDINATION, lambda w, u: meeting_transition(
        meeting=w["upcoming"], to="cancelled", by=u, reason="Krankheit")),
    "registration_register": (STAFF, lambda w, u: registration_register(
        meeting=w["upcoming"], user=u, mode="in_person")),
    "registration_decline": (STAFF, lambda w, u: registration_decline(
        meeting=w["upcoming"], user=u)),
    "attendance_record": (COORDINATION, lambda w, u: attendance_record(
        meeting=w["held"], attended_user_ids={w["reader"].pk}, by=u)),
    "attendance_record (walk-in, guest)": (COORDINATION, lambda w, u: attendance_record(
        meeting=w["held"], attended_user_ids=set(), walk_in_ids={w["editor"].pk},
        guests_add=[("Erika Mustermann", "Landesamt")], guests_keep=set(), by=u)),
    "agenda_item_save": (COORDINATION, lambda w, u: agenda_item_save(
        item=AgendaItem(meeting=w["upcoming"]), fields={"title": "OZG"}, by=u)),
    "agenda_add_action_items": (COORDINATION, lambda w, u: agenda_add_action_items(
        meeting=w["upcoming"], item_ids=[w["carried"].pk], by=u)),
    "agenda_item_delete": (COORDINATION, lambda w, u: agenda_item_delete(
        item=w["item"], by=u)),
    "agenda_item_move": (COORDINATION, lambda w, u: agenda_item_move(
        item=w["approval"], direction=-1, by=u)),
    "minutes_save": (COORDINATION, lambda w, u: minutes_save(
        meeting=w["held"], summary="Gut", notes={}, by=u)),
    "minutes_publish": (COORDINATION, lambda w, u: minutes_publish(meeting=w["held"], by=u)),
    "minutes_approve": (COORDINATION, lambda w, u: minutes_approve(
        minutes=w["earlier"].minutes, in_meeting=w["upcoming"], by=u)),
    "decision_save": (COORDINATION, lambda w, u: decision_save(
        decision=w["decision"], fields={"wording": "Neu"}, by=u)),
    "decision_delete": (COORDINATION, lambda w, u: decision_delete(
        decision=w["decision"], by=u)),
    "action_item_save": (COORDINATION, lambda w, u: action_item_save(
        item=w["action"], fields={"title": "Neu"}, by=u)),
    "action_item_set_done": ({"editor", "coordinator", "admin"}, lambda w, u:
                             action_item_set_done(item=w["own_action"], done=True, by=u)),
    "document_add": (COORDINATION, lambda w, u: document_add(
        meeting=w["upcoming"], title="Plan", file=_upload(), by=u)),
    "working_group_save (new)": (COORDINATION, lambda w, u: working_group_save(
        group=WorkingGroup(), fields={"name": "AG Neu"}, members=[], by=u)),
    "working_group_save": (COORDINATION, lambda w, u: working_group_save(
        group=w["group"], fields={"name": "AG Umbenannt"}, members=[], by=u)),
    "calendar_token_regenerate": (STAFF, lambda w, u: calendar_token_regenerate(user=u)),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(SERVICES))
def test_write_service_refuses_other_roles(world, name, role):
    allowed, call = SERVICES[name]
    user = world["users"][role] or AnonymousUser()

    if role in allowed:
        call(world, user)
    else:
        with pytest.raises(PermissionDenied):
            call(world, user)
