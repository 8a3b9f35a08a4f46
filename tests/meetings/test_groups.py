"""Working groups: overview, group page by role, creating and editing by coordinators."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.enums import ActionItemStatus, Cadence, MeetingState
from meetings.models import ActionItem, Meeting, Minutes, WorkingGroup
from meetings.services.groups import working_group_save
from tests.factories import AdministrationFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
COORDINATION = {"coordinator", "admin"}


def _group(name="AG E-Akte", slug="e-akte", members=(), **fields):
    group = WorkingGroup.objects.create(name=name, slug=slug, **fields)
    group.members.set(members)
    return group


def _meeting(group, days, title="Sitzung", **fields):
    starts_at = timezone.now().replace(microsecond=0) + timedelta(days=days)
    return Meeting.objects.create(working_group=group, title=title, starts_at=starts_at,
                                  ends_at=starts_at + timedelta(hours=2), **fields)


def _local(moment, fmt="%d.%m.%Y"):
    return timezone.localtime(moment).strftime(fmt)


@pytest.fixture
def group(administration, other_administration):
    return _group(purpose="Gemeinsame Einführung der elektronischen Akte in den Kreisen.",
                  members=[administration, other_administration],
                  coordinating_administration=administration, cadence=Cadence.MONTHLY)


# --- Overview -----------------------------------------------------------------------------

def test_group_list_shows_purpose_cadence_members_coordination_and_next_meeting(client, group):
    _meeting(group, -10, title="Vergangen")
    _meeting(group, 3, title="Abgesagt", state=MeetingState.CANCELLED)
    following = _meeting(group, 20, title="Übernächste")
    upcoming = _meeting(group, 7, title="Nächste", state=MeetingState.INVITED)

    response = client.get(reverse("groups:list"))

    page = response.content.decode()
    [row] = response.context["groups"]
    assert (row.member_count, row.next_meeting_at) == (2, upcoming.starts_at)
    assert following.starts_at > upcoming.starts_at
    assert 'href="/arbeitsgruppen/e-akte/"' in page
    assert "Gemeinsame Einführung der elektronischen Akte" in page
    assert "monatlich" in page
    assert "Landkreis Mayen-Koblenz" in page
    assert _local(upcoming.starts_at) in page
    assert "Vergangen" not in page and "Abgesagt" not in page


def test_group_list_says_when_no_meeting_is_planned(client, group):
    _meeting(group, -3)

    page = client.get(reverse("groups:list")).content.decode()

    assert "noch keine geplant" in page


def test_group_list_offers_create_button_only_to_coordinators(client, group, editor,
                                                               coordinator):
    client.force_login(editor)
    editor_page = client.get(reverse("groups:list")).content.decode()
    client.force_login(coordinator)
    coordinator_page = client.get(reverse("groups:list")).content.decode()

    assert "Arbeitsgruppe anlegen" not in editor_page
    assert "Arbeitsgruppe anlegen" in coordinator_page


def _populate_groups(count):
    for _ in range(count):
        members = AdministrationFactory.create_batch(2)
        group = _group(name=f"AG {members[0].name}", slug=members[0].slug, members=members,
                       coordinating_administration=members[0])
        _meeting(group, 5)
        _meeting(group, -5)


def test_group_list_queries_do_not_grow_with_groups(client, reader, django_assert_num_queries):
    client.force_login(reader)
    _populate_groups(1)
    client.get(reverse("groups:list"))  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("groups:list"))
    _populate_groups(9)

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("groups:list"))

    assert len(response.context["groups"]) == 10


# --- Group page -----------------------------------------------------------------------------

@pytest.fixture
def busy_group(group, administration, other_administration, reader):
    today = timezone.localdate()
    past = _meeting(group, -30, title="Auftakt E-Akte", host=other_administration,
                    state=MeetingState.HELD)
    _meeting(group, 14, title="Zweite Sitzung E-Akte", host=administration,
             state=MeetingState.INVITED)
    _meeting(group, 10, title="Abgesagte Sondersitzung", state=MeetingState.CANCELLED)
    Minutes.objects.get_or_create(meeting=past, defaults={"state": "published"})
    ActionItem.objects.create(meeting=past, title="Aktenplan abstimmen",
                              responsible_administration=other_administration,
                              due_date=today - timedelta(days=1))
    Minutes.objects.get_or_create(meeting=past, defaults={"state": "published"})
    ActionItem.objects.create(meeting=past, title="Schulungskonzept entwerfen",
                              responsible_user=reader, responsible_administration=administration,
                              due_date=today + timedelta(days=7))
    Minutes.objects.get_or_create(meeting=past, defaults={"state": "published"})
    ActionItem.objects.create(meeting=past, title="Erledigte Umfrage",
                              status=ActionItemStatus.DONE)
    other = _group(name="AG Bauen", slug="bauen")
    ActionItem.objects.create(meeting=_meeting(other, -3, title="Bauen"),
                              title="Fremde Aufgabe")
    return group


def test_group_page_shows_visitors_purpose_members_and_upcoming_dates_only(client, busy_group):
    upcoming = Meeting.objects.get(title="Zweite Sitzung E-Akte")

    response = client.get(reverse("groups:detail", args=["e-akte"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in page and page.count("<h1") == 1
    assert "Gemeinsame Einführung der elektronischen Akte" in page
    for member in busy_group.members.all():
        assert f'href="{member.get_absolute_url()}">{member.name}</a>' in page
    assert _local(upcoming.starts_at, "%d.%m.%Y, %H:%M") in page
    assert "Gastgeber:" in page
    assert "Zweite Sitzung E-Akte" not in page
    assert "Auftakt E-Akte" not in page
    assert "Abgesagte Sondersitzung" not in page
    assert _local(Meeting.objects.get(title="Abgesagte Sondersitzung").starts_at,
                  "%d.%m.%Y, %H:%M") not in page
    assert "Offene Aufgaben" not in page and "Aktenplan abstimmen" not in page
    assert "Arbeitsgruppe bearbeiten" not in page


def test_group_page_shows_member_staff_meetings_and_open_action_items(client, busy_group,
                                                                      other_editor):
    client.force_login(other_editor)
    past = Meeting.objects.get(title="Auftakt E-Akte")
    upcoming = Meeting.objects.get(title="Zweite Sitzung E-Akte")

    response = client.get(reverse("groups:detail", args=["e-akte"]))

    page = response.content.decode()
    assert f'href="{upcoming.get_absolute_url()}">Zweite Sitzung E-Akte</a>' in page
    assert f'href="{past.get_absolute_url()}">Auftakt E-Akte</a>' in page
    assert "Abgesagte Sondersitzung" in page and "abgesagt" in page
    items = [(i.title, i.is_overdue) for i in response.context["action_items"]]
    assert items == [("Aktenplan abstimmen", True), ("Schulungskonzept entwerfen", False)]
    assert page.count("überfällig") == 1
    assert "Rita" in page and "Landkreis Neuwied" in page
    assert "Erledigte Umfrage" not in page and "Fremde Aufgabe" not in page
    assert "14, 1 Tage vor einer Sitzung" in page
    assert "Arbeitsgruppe bearbeiten" not in page


def test_group_page_offers_edit_button_to_coordinators(client, group, coordinator):
    client.force_login(coordinator)

    page = client.get(reverse("groups:detail", args=["e-akte"])).content.decode()

    assert f'href="{reverse("groups:edit", args=["e-akte"])}"' in page


def test_unknown_group_is_404(client):
    assert client.get(reverse("groups:detail", args=["gibt-es-nicht"])).status_code == 404


def _populate_group_page(group, count):
    for _ in range(count):
        member = AdministrationFactory()
        group.members.add(member)
        meeting = _meeting(group, 5, host=member, state=MeetingState.INVITED)
        past = _meeting(group, -5, host=member)
        Minutes.objects.get_or_create(meeting=past, defaults={"state": "published"})
        ActionItem.objects.create(meeting=past, title="Aufgabe", responsible_administration=member,
                                  responsible_user=UserFactory(administration=member))
        Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
        ActionItem.objects.create(meeting=meeting, title="Aufgabe",
                                  due_date=date(2020, 1, 1))


@pytest.mark.parametrize("logged_in", [False, True])
def test_group_page_queries_do_not_grow_with_members_and_meetings(
        client, reader, logged_in, django_assert_num_queries):
    if logged_in:
        client.force_login(reader)
    small_group = _group(name="AG Klein", slug="klein")
    large_group = _group(name="AG Groß", slug="gross")
    _populate_group_page(small_group, 1)
    _populate_group_page(large_group, 10)
    client.get(reverse("groups:detail", args=["klein"]))  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("groups:detail", args=["klein"]))

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("groups:detail", args=["gross"]))

    group = response.context["group"]
    assert (len(group.member_list), len(group.upcoming_meetings)) == (10, 10)
    assert len(response.context["action_items"]) == (20 if logged_in else 0)


# --- Creating and editing: who may ---------------------------------------------------------

@pytest.fixture
def users(reader, editor, coordinator, admin_user):
    return {"visitor": None, "reader": reader, "editor": editor, "coordinator": coordinator,
            "admin": admin_user}


def _form_data(*members, **overrides):
    data = {"name": "AG Online-Dienste", "slug": "online-dienste",
            "purpose": "OZG-Leistungen gemeinsam umsetzen.", "cadence": Cadence.QUARTERLY,
            "coordinating_administration": members[0].pk if members else "",
            "members": [m.pk for m in members], "reminder_days": "14,1"}
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_create_allowed_only_for_coordinators(client, users, administration, role):
    if users[role]:
        client.force_login(users[role])

    page = client.get(reverse("groups:create"))
    response = client.post(reverse("groups:create"), _form_data(administration))

    created = WorkingGroup.objects.filter(slug="online-dienste").first()
    if role in COORDINATION:
        assert page.status_code == 200
        assert response.status_code == 302
        assert response["Location"] == reverse("groups:detail", args=["online-dienste"])
        assert created is not None and list(created.members.all()) == [administration]
    else:
        assert page.status_code == 403 and response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()
        assert created is None


@pytest.mark.parametrize("role", ROLES)
def test_edit_allowed_only_for_coordinators(client, users, group, administration, role):
    if users[role]:
        client.force_login(users[role])
    url = reverse("groups:edit", args=["e-akte"])

    page = client.get(url)
    response = client.post(url, _form_data(administration, name="AG E-Akte neu",
                                           slug="e-akte"))

    group.refresh_from_db()
    if role in COORDINATION:
        assert page.status_code == 200
        assert response.status_code == 302
        assert group.name == "AG E-Akte neu"
        assert list(group.members.all()) == [administration]
    else:
        assert page.status_code == 403 and response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()
        assert group.name == "AG E-Akte"
        assert group.members.count() == 2


def test_service_refuses_non_coordinators(editor):
    with pytest.raises(PermissionDenied):
        working_group_save(group=WorkingGroup(), fields={"name": "AG", "slug": "ag"},
                           members=[], by=editor)

    assert not WorkingGroup.objects.exists()


# --- Creating and editing: the form ----------------------------------------------------------

def test_create_saves_all_fields_and_sorts_reminder_days(client, coordinator, administration,
                                                         other_administration):
    client.force_login(coordinator)

    response = client.post(reverse("groups:create"), _form_data(
        other_administration, administration, reminder_days=" 7, 14 ,1,7"), follow=True)

    group = WorkingGroup.objects.get(slug="online-dienste")
    assert (group.name, group.purpose, group.cadence, group.coordinating_administration) == (
        "AG Online-Dienste", "OZG-Leistungen gemeinsam umsetzen.", Cadence.QUARTERLY,
        other_administration)
    assert group.reminder_days == [14, 7, 1]
    assert set(group.members.all()) == {administration, other_administration}
    page = response.content.decode()
    assert "Die Arbeitsgruppe wurde gespeichert." in page
    assert "<h1 class=\"kern-heading-large\">AG Online-Dienste</h1>" in page


@pytest.mark.parametrize("value", ["14;1", "vierzehn", "-1", "1.5", "14 1"])
def test_bad_reminder_days_are_explained_in_german(client, coordinator, administration, value):
    client.force_login(coordinator)

    response = client.post(reverse("groups:create"),
                           _form_data(administration, reminder_days=value))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Bitte Tage als Zahlen, durch Komma getrennt, z. B. 14,1." in page
    assert f'value="{value}"' in page
    assert not WorkingGroup.objects.exists()


def test_empty_reminder_days_mean_no_reminders(client, coordinator, administration):
    client.force_login(coordinator)

    client.post(reverse("groups:create"), _form_data(administration, reminder_days=""))

    assert WorkingGroup.objects.get().reminder_days == []


def test_edit_form_shows_reminder_days_and_members_as_checkboxes(client, coordinator, group):
    group.reminder_days = [30, 7]
    group.save()
    client.force_login(coordinator)

    response = client.get(reverse("groups:edit", args=["e-akte"]))

    page = response.content.decode()
    assert 'value="30,7"' in page
    assert page.count('type="checkbox" name="members"') == 2
    assert page.count("checked") == 2
    assert "<h1 class=\"kern-heading-large\">AG E-Akte: Arbeitsgruppe bearbeiten</h1>" in page


def test_member_choices_are_current_members_only(client, coordinator, administration):
    former = AdministrationFactory(name="Landkreis Altmark", member_since=date(2019, 1, 1),
                                   member_until=date(2023, 12, 31))
    not_joined = AdministrationFactory(name="Stadt Interessiert", member_since=None)
    client.force_login(coordinator)

    page = client.get(reverse("groups:create")).content.decode()
    response = client.post(reverse("groups:create"), _form_data(administration, former))

    assert "Landkreis Mayen-Koblenz" in page
    assert "Landkreis Altmark" not in page and not_joined.name not in page
    assert response.status_code == 200
    assert not WorkingGroup.objects.exists()


def test_empty_slug_is_built_from_the_name(client, coordinator, administration):
    client.force_login(coordinator)

    client.post(reverse("groups:create"),
                _form_data(administration, name="AG Künstliche Intelligenz", slug=""))

    assert WorkingGroup.objects.get().slug == "ag-kuenstliche-intelligenz"


def test_empty_slug_of_a_taken_name_gets_a_number(client, coordinator, administration, group):
    client.force_login(coordinator)

    response = client.post(reverse("groups:create"),
                           _form_data(administration, name="E-Akte", slug=""))

    assert response.status_code == 302
    assert WorkingGroup.objects.filter(name="E-Akte").get().slug == "e-akte-2"


@pytest.mark.parametrize(("slug", "message"), [
    ("neu", "Die Kurzadresse „neu“ ist reserviert."),
    ("e-akte", "Diese Kurzadresse ist schon vergeben."),
])
def test_slug_must_be_free(client, coordinator, administration, group, slug, message):
    client.force_login(coordinator)

    response = client.post(reverse("groups:create"), _form_data(administration, slug=slug))

    assert message in response.content.decode()
    assert WorkingGroup.objects.count() == 1


def test_invalid_edit_keeps_saved_name_in_heading(client, coordinator, group, administration):
    client.force_login(coordinator)

    response = client.post(reverse("groups:edit", args=["e-akte"]),
                           _form_data(administration, name="", slug="e-akte"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "AG E-Akte: Arbeitsgruppe bearbeiten" in page
    group.refresh_from_db()
    assert group.name == "AG E-Akte"


# --- Django admin ---------------------------------------------------------------------------

@pytest.fixture
def admin_world(group, reader, coordinator):
    from django.core.files.base import ContentFile

    from meetings.models import (
        AgendaItem,
        Decision,
        MeetingDocument,
        Minutes,
        MinutesRevision,
        Registration,
    )

    meeting = _meeting(group, -2, title="Admin-Sitzung", state=MeetingState.HELD)
    AgendaItem.objects.create(meeting=meeting, title="Begrüßung im Admin")
    Registration.objects.create(meeting=meeting, user=reader)
    minutes = Minutes.objects.create(meeting=meeting, summary="Kurz")
    MinutesRevision.objects.create(minutes=minutes, created_by=coordinator,
                                   reason="Tippfehler im Beschluss", content={})
    Decision.objects.create(meeting=meeting, wording="Die AG beschließt den Aktenplan.")
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    ActionItem.objects.create(meeting=meeting, title="Aufgabe im Admin")
    document = MeetingDocument(meeting=meeting, title="Folien im Admin")
    document.file.save("folien.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return {"workinggroup": (group, "AG E-Akte"), "meeting": (meeting, "Admin-Sitzung"),
            "registration": (Registration.objects.get(), "Admin-Sitzung"),
            "minutes": (minutes, "Protokoll: Admin-Sitzung"),
            "decision": (Decision.objects.get(), "Die AG beschließt den Aktenplan."),
            "actionitem": (ActionItem.objects.get(), "Aufgabe im Admin"),
            "meetingdocument": (document, "Folien im Admin")}


@pytest.mark.parametrize("model", ["workinggroup", "meeting", "registration", "minutes",
                                   "decision", "actionitem", "meetingdocument"])
def test_admin_lists_and_opens_every_meetings_model(client, admin_user, admin_world, model):
    client.force_login(admin_user)
    obj, text = admin_world[model]

    listing = client.get(reverse(f"admin:meetings_{model}_changelist"))
    change = client.get(reverse(f"admin:meetings_{model}_change", args=[obj.pk]))

    assert text in listing.content.decode()
    assert change.status_code == 200


def test_admin_meeting_page_has_agenda_inline_and_minutes_show_revisions(
        client, admin_user, admin_world):
    client.force_login(admin_user)

    meeting_page = client.get(reverse("admin:meetings_meeting_change",
                                      args=[admin_world["meeting"][0].pk])).content.decode()
    minutes_page = client.get(reverse("admin:meetings_minutes_change",
                                      args=[admin_world["minutes"][0].pk])).content.decode()

    assert 'value="Begrüßung im Admin"' in meeting_page
    assert "Tippfehler im Beschluss" in minutes_page
    assert 'name="revisions-0-reason"' not in minutes_page
