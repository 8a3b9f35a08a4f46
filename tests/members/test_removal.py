"""Account removal (DSGVO Art. 17): the request, the coordination office's confirmation, the
automatic removal after ACCOUNT_REMOVAL_AFTER_DAYS (exactly once), and what stays."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.models import OutgoingMail
from common.search.query import search_results
from knowledge.models import Article, Document
from legal.models import Feedback
from meetings.enums import RegistrationStatus
from meetings.models import ActionItem, AgendaItem, Minutes, Registration
from members import tasks
from members.models import User
from members.services.removal import (
    account_removal_cancel,
    account_removal_request,
    account_removals_dispatch,
    account_remove,
)
from projects.models import StatusChange
from tests.factories import UserFactory
from tests.members.data_rights_helpers import footprint_make

pytestmark = pytest.mark.django_db

PSEUDONYM = "ehemalige Person (MYK)"
REQUESTED_SUBJECT = "[Kreishaus] Ihr Antrag auf Entfernung Ihres Kontos"
REMOVED_SUBJECT = "[Kreishaus] Ihr Konto wurde entfernt"


@pytest.fixture
def person(administration):
    return UserFactory(administration=administration, role="editor", first_name="Hedwig",
                       last_name="Quellbrunn", email="hedwig.quellbrunn@example.org",
                       phone="+49 261 108-0", function="Digitalbeauftragte",
                       muted_reminders=["meeting"])


def _subjects(address: str) -> list[str]:
    return list(OutgoingMail.objects.filter(to=address).order_by("pk")
                .values_list("subject", flat=True))


def _found(query: str, user) -> int:
    return search_results(query=query, user=user).total


# --- The request -------------------------------------------------------------------------

def test_request_needs_the_confirmation_box(client, person):
    client.force_login(person)
    response = client.post(reverse("account_removal"), {})

    assert "Bitte bestätigen Sie, dass Ihr Konto entfernt werden soll." in response.content.decode()
    person.refresh_from_db()
    assert person.removal_requested_at is None
    assert _subjects(person.email) == []


def test_request_is_recorded_once_and_confirmed_by_mail(client, person, settings,
                                                        django_capture_on_commit_callbacks):
    settings.ACCOUNT_REMOVAL_AFTER_DAYS = 30
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_removal"), {"confirm": "on"}, follow=True)

    html = response.content.decode()
    assert "Ihr Antrag ist eingegangen. Sie erhalten eine Bestätigung per E-Mail." in html
    person.refresh_from_db()
    due = (person.removal_requested_at + timedelta(days=30))
    assert f"spätestens am {timezone.localtime(due):%d.%m.%Y} wird Ihr Konto automatisch" in html
    assert "Antrag zurückziehen" in html
    mail = OutgoingMail.objects.get(to=person.email)
    assert mail.subject == REQUESTED_SUBJECT
    assert f"spätestens am {timezone.localtime(due):%d.%m.%Y}" in mail.body_text

    # A second request (another tab, the back button) changes nothing and mails nothing.
    first = person.removal_requested_at
    response = client.post(reverse("account_removal"), {"confirm": "on"}, follow=True)
    assert "Sie haben die Entfernung Ihres Kontos bereits beantragt." in response.content.decode()
    person.refresh_from_db()
    assert person.removal_requested_at == first
    assert _subjects(person.email) == [REQUESTED_SUBJECT]


def test_request_can_be_withdrawn(client, person):
    account_removal_request(user=person)
    client.force_login(person)
    response = client.post(reverse("account_removal_withdraw"), follow=True)

    assert "Ihr Antrag auf Entfernung wurde zurückgezogen." in response.content.decode()
    person.refresh_from_db()
    assert person.removal_requested_at is None
    assert account_removals_dispatch(now=timezone.now() + timedelta(days=400)) == 0
    assert person.is_active


# --- The coordination office -------------------------------------------------------------

def test_request_list_and_dashboard_show_the_requests(client, coordinator, person, reader):
    account_removal_request(user=person)
    client.force_login(coordinator)

    html = client.get(reverse("members:removal_requests")).content.decode()
    assert "Hedwig Quellbrunn" in html and reader.get_full_name() not in html
    assert reverse("members:account_remove", args=[person.pk]) in html
    dashboard = client.get(reverse("start")).content.decode()
    assert "Anträge auf Entfernung von Konten" in dashboard
    assert "Hedwig Quellbrunn, beantragt am" in dashboard


def test_request_list_queries_do_not_grow(client, coordinator, administration):
    client.force_login(coordinator)
    url = reverse("members:removal_requests")
    for _ in range(1):
        account_removal_request(user=UserFactory(administration=administration))
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(29):
        account_removal_request(user=UserFactory(administration=administration))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count("Entfernung von Alex Muster") == 30
    assert len(many.captured_queries) == len(few.captured_queries)


def test_dashboard_panel_is_for_coordinators_only(client, person, reader):
    account_removal_request(user=person)
    client.force_login(reader)
    assert "Anträge auf Entfernung von Konten" not in client.get(reverse("start")).content.decode()


def test_coordinator_confirms_and_the_person_is_pseudonymised(
        client, coordinator, person, other_editor, django_capture_on_commit_callbacks):
    footprint = footprint_make(person, other=other_editor)
    person_client = type(client)()
    person_client.force_login(person)
    assert person_client.get(reverse("account")).status_code == 200
    account_removal_request(user=person)
    old_token = person.calendar_token
    assert _found("Quellbrunn", coordinator) == 1  # the agenda item's presenter
    client.force_login(coordinator)

    page = client.get(reverse("members:account_remove", args=[person.pk])).content.decode()
    assert "Konto von Hedwig Quellbrunn entfernen" in page
    assert f"nennen „{PSEUDONYM}“" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:account_remove", args=[person.pk]), follow=True)

    assert f"Das Konto wurde entfernt. Inhalte nennen die Person jetzt „{PSEUDONYM}“." in (
        response.content.decode())
    person.refresh_from_db()
    assert str(person) == PSEUDONYM
    assert not person.is_active and not person.has_usable_password()
    assert person.email == f"entfernt-{person.pk}@konto.invalid"
    assert (person.phone, person.function, person.muted_reminders) == ("", "", [])
    assert person.calendar_token != old_token and person.removed_at is not None
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()
    assert not [s for s in Session.objects.all()
                if s.get_decoded().get("_auth_user_id") == str(person.pk)]
    assert person_client.get(reverse("account")).status_code == 302  # logged out
    assert client.get(reverse("meetings:feed", args=[old_token])).status_code == 404

    # Registrations for future meetings go (the waiting list moves up); the past stays.
    assert list(Registration.objects.filter(user=person).values_list("meeting", flat=True)) == [
        footprint.past.pk]
    assert Registration.objects.get(meeting=footprint.future, user=other_editor).status == (
        RegistrationStatus.REGISTERED)
    # Content the network relies on stays and names the pseudonym.
    assert ActionItem.objects.get(pk=footprint.action_item.pk).responsible_user == person
    assert Minutes.objects.get(pk=footprint.minutes.pk).published_by == person
    assert StatusChange.objects.filter(changed_by=person).count() == 1
    assert Article.objects.get(slug=footprint.article_slug).author == person
    assert Document.objects.get(pk=footprint.document_pk).uploaded_by == person
    assert AgendaItem.objects.get(meeting=footprint.past).presenter == PSEUDONYM
    assert not Feedback.objects.filter(message__startswith="Der Kontrast").exists()
    # Mails: the old ones are gone; the last one tells the person, then forgets its text.
    assert _subjects("hedwig.quellbrunn@example.org") == [REMOVED_SUBJECT]
    mail = OutgoingMail.objects.get(to="hedwig.quellbrunn@example.org")
    assert mail.state == "sent" and "Quellbrunn" not in mail.body_text
    assert _found("Quellbrunn", coordinator) == 0
    assert _found("Hedwig", coordinator) == 0

    for url in (reverse("meetings:detail", args=[footprint.past.pk]),
                reverse("knowledge:article_detail", args=[footprint.article_slug]),
                reverse("projects:status_history", args=[person.administration.slug])):
        html = client.get(url).content.decode()
        assert PSEUDONYM in html, url
        assert "Quellbrunn" not in html and "hedwig" not in html.lower(), url
    staff = client.get(reverse("members:staff", args=[person.administration.slug]))
    assert PSEUDONYM not in staff.content.decode()  # removed accounts are nobody's staff
    assert client.get(reverse("members:removal_requests")).content.decode().count(
        "Hedwig") == 0


def test_coordinator_removes_a_deactivated_account_without_request(client, coordinator,
                                                                    person):
    person.is_active = False
    person.save()
    client.force_login(coordinator)
    page = client.get(reverse("members:account_remove", args=[person.pk])).content.decode()
    assert "Das Konto ist deaktiviert." in page
    response = client.post(reverse("members:account_remove", args=[person.pk]))

    assert response["Location"] == reverse("members:staff", args=[person.administration.slug])
    person.refresh_from_db()
    assert person.removed_at is not None and str(person) == PSEUDONYM
    mail = OutgoingMail.objects.get(to="hedwig.quellbrunn@example.org")
    assert "die Koordinierungsstelle hat Ihr deaktiviertes Konto" in mail.body_text


def test_an_active_account_without_request_cannot_be_removed(client, coordinator, person):
    client.force_login(coordinator)
    assert client.post(reverse("members:account_remove", args=[person.pk])).status_code == 404
    person.refresh_from_db()
    assert person.removed_at is None
    with pytest.raises(PermissionDenied):
        account_remove(person=person, by=coordinator)


def test_removing_twice_does_nothing_the_second_time(coordinator, person):
    account_removal_request(user=person)
    assert account_remove(person=person, by=coordinator) is True
    assert account_remove(person=person, by=None, now=timezone.now() + timedelta(days=99)) is (
        False)
    # The earlier mails to the person went with the removal; one tells of it.
    assert _subjects("hedwig.quellbrunn@example.org") == [REMOVED_SUBJECT]


# --- Automatic removal -------------------------------------------------------------------

def test_automatic_removal_after_the_days_runs_exactly_once(person, reader, settings):
    settings.ACCOUNT_REMOVAL_AFTER_DAYS = 30
    account_removal_request(user=person)
    person.refresh_from_db()
    requested = person.removal_requested_at

    assert account_removals_dispatch(now=requested + timedelta(days=29, hours=23)) == 0
    person.refresh_from_db()
    assert person.removed_at is None
    assert account_removals_dispatch(now=requested + timedelta(days=30)) == 1
    assert account_removals_dispatch(now=requested + timedelta(days=31)) == 0  # beat again
    assert tasks.account_removals_dispatch.apply().get() == 0  # the beat task itself

    person.refresh_from_db()
    reader.refresh_from_db()
    assert str(person) == PSEUDONYM and not person.is_active
    assert reader.is_active and reader.removed_at is None
    # The earlier mails to the person went with the removal; one tells of it.
    assert _subjects("hedwig.quellbrunn@example.org") == [REMOVED_SUBJECT]
    mail = OutgoingMail.objects.get(subject=REMOVED_SUBJECT)
    assert "wie von Ihnen beantragt, wurde Ihr Konto auf Kreishaus entfernt." in mail.body_text
    assert f"dort steht statt Ihres Namens jetzt „{PSEUDONYM}“" in mail.body_text


def test_automatic_removal_is_scheduled_in_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["account-removals-dispatch"]
    assert entry["task"] == "members.tasks.account_removals_dispatch"


def test_a_withdrawn_request_is_not_carried_out(person):
    account_removal_request(user=person)
    account_removal_cancel(user=person)
    assert account_removals_dispatch(now=timezone.now() + timedelta(days=365)) == 0
    person.refresh_from_db()
    assert person.is_active and person.removed_at is None


def test_removed_person_cannot_log_in(client, person, coordinator):
    from tests.factories import TEST_PASSWORD

    account_removal_request(user=person)
    account_remove(person=person, by=coordinator)
    response = client.post(reverse("account_login"), {
        "login": "hedwig.quellbrunn@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email__iexact="hedwig.quellbrunn@example.org").count() == 0
