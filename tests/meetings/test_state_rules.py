"""What can be done with a meeting depends on its state (meetings.rules): the meeting page
offers only what is possible now, and the services refuse the rest with a German reason,
which the coordinator sees next to the form or as a message."""

from datetime import timedelta

import pytest
import rules
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings.models import AgendaItem, Decision, Meeting, Minutes, Registration
from meetings.services.agenda import agenda_item_delete, agenda_item_move, agenda_item_save
from meetings.services.minutes import minutes_publish, minutes_save
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db

LOCKED_AGENDA = "Das Protokoll ist veröffentlicht; die Tagesordnung ist schreibgeschützt."


@pytest.fixture
def group(administration, other_administration):
    return make_group(administration, other_administration)


@pytest.fixture
def published(group, coordinator):
    """A held meeting whose minutes, with a note on each agenda item, were published."""
    meeting = make_meeting(group, days=-3, state="held")
    first, second = add_agenda(meeting, "Begrüßung", "Stand E-Akte")
    minutes_save(meeting=meeting, summary="Kurzfassung", by=coordinator,
                 notes={first.pk: "Alle da.", second.pk: "Neuwied pilotiert die E-Akte."})
    minutes_publish(meeting=meeting, by=coordinator)
    return meeting


def _page(client, meeting) -> str:
    return client.get(meeting.get_absolute_url()).content.decode()


def _messages(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


# --- The state rules, state by state ----------------------------------------------------------

STATES = ["planned", "invited", "held", "minutes_published", "cancelled"]
NOT_PUBLISHED = {"planned", "invited", "held", "cancelled"}
# Where each state rule allows its action (to the coordination office; registering: to
# member staff, for a meeting still to come without a passed deadline).
STATE_TABLE = {
    "meetings.change_meeting": {"planned", "invited", "held"},
    "meetings.publish_invitation": {"planned"},
    # These meetings lie ahead: none can be marked as held yet (test_guards.py: once an
    # invited meeting has started, it can).
    "meetings.mark_held": set(),
    "meetings.cancel_meeting": {"planned", "invited"},
    "meetings.record_attendance": {"invited", "held", "minutes_published"},
    "meetings.change_agenda": NOT_PUBLISHED,
    "meetings.change_decisions": NOT_PUBLISHED,
    "meetings.change_minutes": {"held"},
    "meetings.publish_minutes": {"held"},
    "meetings.correct_minutes": {"minutes_published"},
    "meetings.approve_minutes": {"minutes_published"},
    "meetings.register": {"invited"},
}


@pytest.mark.parametrize("rule", list(STATE_TABLE))
def test_state_rule_allows_exactly_its_states(group, coordinator, reader, admin_user, rule):
    meetings = {state: make_meeting(group, state=state) for state in STATES}
    actor = reader if rule == "meetings.register" else coordinator
    outsider = None if rule == "meetings.register" else reader

    allowed = {state for state, meeting in meetings.items()
               if rules.test_rule(rule, actor, meeting)}
    as_permission = {state for state, meeting in meetings.items()
                     if rules.has_perm(rule, actor, meeting)}
    for_admin = {state for state, meeting in meetings.items()
                 if rules.test_rule(rule, admin_user, meeting)}

    assert allowed == as_permission == for_admin == STATE_TABLE[rule]
    if outsider is not None:
        assert not any(rules.test_rule(rule, outsider, m) for m in meetings.values())


# --- Published minutes lock the agenda, like the decisions ----------------------------------

def test_agenda_item_cannot_be_edited_after_minutes_published(client, published, coordinator):
    item = published.agenda_items.get(title="Stand E-Akte")
    client.force_login(coordinator)

    response = client.post(reverse("meetings:agenda_edit", args=[published.pk, item.pk]),
                           {"title": "Heimlich umbenannt", "duration_minutes": 10})

    assert response.status_code == 200
    assert LOCKED_AGENDA in response.content.decode()
    item.refresh_from_db()
    assert (item.title, item.notes) == ("Stand E-Akte", "Neuwied pilotiert die E-Akte.")


def test_agenda_item_cannot_be_deleted_after_minutes_published(client, published,
                                                               coordinator):
    item = published.agenda_items.get(title="Stand E-Akte")
    client.force_login(coordinator)

    response = client.post(reverse("meetings:agenda_delete", args=[published.pk, item.pk]),
                           follow=True)

    assert LOCKED_AGENDA in _messages(response)
    assert "Der Tagesordnungspunkt wurde entfernt." not in _messages(response)
    item.refresh_from_db()
    assert item.notes == "Neuwied pilotiert die E-Akte."
    assert "Neuwied pilotiert die E-Akte." in response.content.decode()


def test_agenda_cannot_be_added_to_or_reordered_after_minutes_published(client, published,
                                                                       coordinator):
    first, second = published.agenda_items.order_by("order")
    client.force_login(coordinator)

    added = client.post(reverse("meetings:agenda_create", args=[published.pk]),
                        {"title": "Nachgetragen", "duration_minutes": 10})
    moved = client.post(reverse("meetings:agenda_move", args=[published.pk, second.pk]),
                        {"direction": "up"}, follow=True)

    assert LOCKED_AGENDA in added.content.decode()
    assert LOCKED_AGENDA in _messages(moved)
    assert list(published.agenda_items.order_by("order").values_list("title", flat=True)) == [
        "Begrüßung", "Stand E-Akte"]


def test_agenda_services_refuse_after_minutes_published(published, coordinator):
    item = published.agenda_items.get(title="Stand E-Akte")

    for change in (
        lambda: agenda_item_delete(item=item, by=coordinator),
        lambda: agenda_item_move(item=item, direction=-1, by=coordinator),
        lambda: agenda_item_save(item=item, fields={"title": "Neu"}, by=coordinator),
        lambda: agenda_item_save(item=AgendaItem(meeting=published), fields={"title": "Neu"},
                                 by=coordinator),
    ):
        with pytest.raises(ValidationError) as error:
            change()
        assert error.value.messages == [LOCKED_AGENDA]

    assert list(published.agenda_items.values_list("title", "notes")) == [
        ("Begrüßung", "Alle da."), ("Stand E-Akte", "Neuwied pilotiert die E-Akte.")]


def test_published_minutes_page_offers_no_agenda_changes(client, published, coordinator):
    item = published.agenda_items.get(title="Stand E-Akte")
    client.force_login(coordinator)

    page = _page(client, published)

    assert reverse("meetings:agenda_edit", args=[published.pk, item.pk]) not in page
    assert reverse("meetings:agenda_delete", args=[published.pk, item.pk]) not in page
    assert reverse("meetings:agenda_move", args=[published.pk, item.pk]) not in page
    assert reverse("meetings:agenda_create", args=[published.pk]) not in page
    assert reverse("meetings:decision_create", args=[published.pk]) not in page
    assert "Protokoll berichtigen" in page


def test_draft_minutes_page_offers_agenda_and_decision_changes(client, group, coordinator):
    meeting = make_meeting(group, days=-3, state="held")
    item, = add_agenda(meeting, "Begrüßung")
    decision = Decision.objects.create(meeting=meeting, wording="Leitfaden", result="unanimous")
    client.force_login(coordinator)

    page = _page(client, meeting)

    for url in (reverse("meetings:agenda_edit", args=[meeting.pk, item.pk]),
                reverse("meetings:agenda_delete", args=[meeting.pk, item.pk]),
                reverse("meetings:agenda_create", args=[meeting.pk]),
                reverse("meetings:decision_edit", args=[meeting.pk, decision.pk]),
                reverse("meetings:minutes_publish", args=[meeting.pk])):
        assert url in page, url
    assert "Protokoll schreiben" in page and "Protokoll berichtigen" not in page


# --- The meeting page offers what the state allows, to superusers as well -------------------

BUTTONS = {
    "edit": "Sitzung bearbeiten", "invite": "Einladung veröffentlichen",
    "held": "Als stattgefunden markieren", "attendance": "Anwesenheit erfassen",
    "write": "Protokoll schreiben", "correct": "Protokoll berichtigen",
    "publish": "Protokoll veröffentlichen", "cancel": "Sitzung absagen",
}


@pytest.mark.parametrize(("state", "offered"), [
    ("planned", {"edit", "invite", "cancel"}),
    ("invited", {"edit", "held", "attendance", "cancel"}),
    ("held", {"edit", "attendance", "write", "publish"}),
    ("minutes_published", {"attendance", "correct"}),
    ("cancelled", set()),
])
@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_meeting_page_offers_the_steps_of_its_state(client, group, coordinator, admin_user,
                                                     state, offered, role):
    meeting = make_meeting(group, state=state)
    client.force_login(coordinator if role == "coordinator" else admin_user)

    manage = _page(client, meeting).split('id="verwalten"')[1].split("</section>")[0]

    assert {key for key, label in BUTTONS.items() if label in manage} == offered


def test_members_see_no_management(client, group, editor):
    meeting = make_meeting(group, state="planned")
    client.force_login(editor)

    page = _page(client, meeting)

    assert 'id="verwalten"' not in page
    assert all(label not in page for label in BUTTONS.values())


# --- A stale page: the service refuses with a German reason ---------------------------------

def _post(client, name, meeting, data=None):
    return client.post(reverse(name, args=[meeting.pk]), data or {}, follow=True)


@pytest.mark.parametrize(("state", "target", "reason"), [
    ("invited", "invited", "Eine Sitzung im Status „eingeladen“ kann nicht in den Status "
                           "„eingeladen“ wechseln."),
    ("planned", "held", "Eine Sitzung im Status „geplant“ kann nicht in den Status "
                        "„stattgefunden“ wechseln."),
    # Cancelling is sent to its confirmation page, which explains it there.
    ("held", "cancelled", "Eine Sitzung im Status „stattgefunden“ kann nicht abgesagt werden."),
    ("held", "minutes_published", "Protokolle werden über „Protokoll veröffentlichen“ "
                                  "abgeschlossen."),
])
def test_state_change_not_allowed_now_is_explained(client, group, coordinator, state, target,
                                                   reason):
    meeting = make_meeting(group, state=state)
    client.force_login(coordinator)

    response = _post(client, "meetings:transition", meeting, {"to": target, "reason": "x"})

    assert reason in (_messages(response) + response.content.decode())
    assert Meeting.objects.get(pk=meeting.pk).state == state


def test_cancelled_meeting_cannot_be_edited(client, group, coordinator):
    meeting = make_meeting(group, state="cancelled", title="Abgesagt")
    client.force_login(coordinator)
    starts = timezone.localtime(meeting.starts_at)

    response = client.post(reverse("meetings:edit", args=[meeting.pk]), {
        "title": "Doch nicht", "format": "in_person", "location": "Koblenz",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")})

    assert response.status_code == 200
    assert ("Abgesagte oder abgeschlossene Sitzungen können nicht mehr geändert werden."
            in response.content.decode())
    assert Meeting.objects.get(pk=meeting.pk).title == "Abgesagt"


def test_minutes_of_an_invited_meeting_cannot_be_published(client, group, coordinator):
    meeting = make_meeting(group, state="invited")
    client.force_login(coordinator)

    response = _post(client, "meetings:minutes_publish", meeting)

    # The confirmation page answers the stale form with the reason.
    assert ("Ein Protokoll lässt sich erst veröffentlichen, wenn die Sitzung stattgefunden "
            "hat." in response.content.decode())
    assert not Minutes.objects.filter(meeting=meeting).exists()


def test_attendance_of_a_cancelled_meeting_cannot_be_recorded(client, group, coordinator,
                                                              reader):
    meeting = make_meeting(group, state="cancelled")
    Registration.objects.create(meeting=meeting, user=reader)
    client.force_login(coordinator)

    response = client.post(reverse("meetings:attendance", args=[meeting.pk]),
                           {"attended": [str(reader.pk)]})

    assert ("Anwesenheit lässt sich erst nach der Einladung erfassen, bei abgesagten "
            "Sitzungen gar nicht." in response.content.decode())
    assert Registration.objects.get(meeting=meeting).attended is None


def test_decision_cannot_be_added_after_minutes_published(client, published, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("meetings:decision_create", args=[published.pk]),
                           {"wording": "Nachträglich", "result": "unanimous", "order": 1})

    assert "Das Protokoll ist veröffentlicht und schreibgeschützt." in (
        response.content.decode())
    assert not Decision.objects.filter(wording="Nachträglich").exists()


def test_published_minutes_need_a_reason_to_be_corrected(client, published, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("meetings:minutes_edit", args=[published.pk]),
                           {"summary": "Heimlich"})

    assert response.status_code == 200
    assert Minutes.objects.get(meeting=published).summary == "Kurzfassung"


@pytest.mark.parametrize("setup", ["planned", "deadline_passed"])
def test_registration_closed_is_explained_and_not_offered(client, group, reader, setup):
    meeting = make_meeting(group, state="planned" if setup == "planned" else "invited",
                           registration_deadline=timezone.now() - timedelta(hours=1)
                           if setup == "deadline_passed" else None)
    client.force_login(reader)

    page = _page(client, meeting)
    response = _post(client, "meetings:register", meeting, {"mode": "in_person"})

    assert reverse("meetings:register", args=[meeting.pk]) not in page
    assert "Eine Anmeldung ist derzeit nicht möglich." in page
    assert "Die Anmeldung für diese Sitzung ist geschlossen." in _messages(response)
    assert not Registration.objects.exists()
