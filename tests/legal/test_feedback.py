"""The contact form ("Barriere melden" / Kontakt): without login, prefilled with the page it
was opened from (same-site paths only), stored with its one-month deadline, mailed to the
coordination office through the outbox, listed for the coordination office; the honeypot
and the rate limit refuse with a German message and keep the input."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.models import OutgoingMail
from legal.enums import FeedbackState, PageKind
from legal.feedback.deadline import one_month_after
from legal.feedback.services import feedback_update
from legal.models import Feedback
from legal.tasks import feedback_delete_old
from tests.factories import UserFactory
from tests.legal.helpers import feedback_make, page_fill

pytestmark = pytest.mark.django_db

MESSAGE = "Die Tabelle auf der Seite Vorhaben liest mein Screenreader nicht vor."


def _data(**extra) -> dict:
    data = {"page": "/vorhaben/", "message": MESSAGE, "name": "Martina Jung",
            "email": "m.jung@example.org", "consent": "on", "website": ""}
    data.update(extra)
    return data


def test_deadline_is_one_month_by_the_calendar():
    assert one_month_after(date(2026, 3, 15)) == date(2026, 4, 15)
    assert one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert one_month_after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert one_month_after(date(2026, 12, 10)) == date(2027, 1, 10)


def test_form_prefilled_with_the_page_it_was_opened_from(client):
    html = client.get("/kontakt/?seite=/wissen/e-akte/").content.decode()
    assert 'name="page" value="/wissen/e-akte/"' in html
    assert "Sie brauchen dafür kein Konto." in html


@pytest.mark.parametrize("foreign", ["https://evil.example.com/x", "//evil.example.com/",
                                     "javascript:alert(1)", "wissen", "/\\evil"])
def test_form_ignores_a_foreign_page_in_the_address(client, foreign):
    html = client.get("/kontakt/", {"seite": foreign}).content.decode()
    assert 'name="page" value=' not in html or 'name="page" value=""' in html
    assert "evil" not in html.split("<main", 1)[1].split("</main>")[0]


def test_form_accepts_a_full_address_of_this_site_as_its_path(client):
    response = client.post("/kontakt/", _data(page="http://testserver/mitglieder/?q=1#x"))
    assert response.status_code == 302
    assert Feedback.objects.get().page_path == "/mitglieder/"


def test_form_refuses_a_foreign_page_on_submit_and_keeps_input(client):
    response = client.post("/kontakt/", _data(page="https://evil.example.com/"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte geben Sie eine Adresse dieses Portals an" in html
    assert MESSAGE in html
    assert not Feedback.objects.exists()


def test_form_shows_the_consent_text_of_the_privacy_statement(client, coordinator):
    page_fill(PageKind.PRIVACY, coordinator, consent_text="Ich willige ausdrücklich ein.")
    html = client.get("/kontakt/").content.decode()
    assert "Ich willige ausdrücklich ein." in html
    client.post("/kontakt/", _data())
    assert Feedback.objects.get().consent_text == "Ich willige ausdrücklich ein."


def test_form_default_consent_text_while_privacy_has_none(client):
    html = client.get("/kontakt/").content.decode()
    assert "Ich bin einverstanden, dass meine Angaben aus diesem Formular gespeichert" in html


def test_feedback_from_visitor_stored_mailed_and_listed(client, coordinator, settings,
                                                         django_capture_on_commit_callbacks):
    settings.FEEDBACK_EMAIL = "koordination@mayen-koblenz.example.org"
    UserFactory(role="coordinator", email="inaktiv@example.org", is_active=False)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post("/kontakt/", _data())
    assert response.status_code == 302 and response["Location"] == "/kontakt/danke/"
    today = timezone.localdate()
    due = one_month_after(today)

    feedback = Feedback.objects.get()
    assert (feedback.page_path, feedback.message, feedback.name, feedback.email) == (
        "/vorhaben/", MESSAGE, "Martina Jung", "m.jung@example.org")
    assert feedback.state == FeedbackState.NEW and feedback.answer_due == due
    assert feedback.user is None

    mails = list(OutgoingMail.objects.order_by("to"))
    assert sorted(m.to for m in mails) == sorted(
        [coordinator.email, "koordination@mayen-koblenz.example.org"])
    mail = mails[0]
    assert mail.subject == ("[Kreishaus] Neue Rückmeldung über das Kontaktformular – Antwort "
                            f"bis {due:%d.%m.%Y}")
    assert MESSAGE in mail.body_text and "Martina Jung" in mail.body_text
    assert f"http://testserver/rueckmeldungen/{feedback.pk}/" in mail.body_text \
        or f"/rueckmeldungen/{feedback.pk}/" in mail.body_text
    assert MESSAGE in mail.body_html

    thanks = client.get(response["Location"]).content.decode()
    assert "Ihre Nachricht ist bei der Koordinierungsstelle angekommen." in thanks

    client.force_login(coordinator)
    listing = client.get(reverse("legal:feedback_list")).content.decode()
    assert MESSAGE[:60] in listing
    assert f'<time datetime="{due:%Y-%m-%d}">{due:%d.%m.%Y}</time>' in listing
    assert "noch " in listing and "Tage" in listing


def test_feedback_office_mailbox_and_coordinator_same_address_gets_one_mail(
        client, coordinator, settings):
    settings.FEEDBACK_EMAIL = coordinator.email.upper()
    client.post("/kontakt/", _data())
    assert OutgoingMail.objects.count() == 1


def test_feedback_logged_in_prefilled_and_linked(client, reader):
    client.force_login(reader)
    html = client.get("/kontakt/").content.decode()
    assert f'value="{reader.email}"' in html
    client.post("/kontakt/", _data(name="", email=""))
    assert Feedback.objects.get().user == reader


@pytest.mark.parametrize(("missing", "error"), [
    ("message", "Ihre Nachricht"),
    ("consent", "Bitte bestätigen Sie Ihr Einverständnis."),
])
def test_feedback_required_fields_in_german_with_input_kept(client, missing, error):
    data = _data()
    data.pop(missing)
    html = client.post("/kontakt/", data).content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert error in html
    assert "Martina Jung" in html
    assert not Feedback.objects.exists() and not OutgoingMail.objects.exists()


def test_honeypot_refuses_with_german_message_and_keeps_input(client):
    response = client.post("/kontakt/", _data(website="http://spam.example.com"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ihre Nachricht wurde nicht gesendet: Dieses Feld muss leer bleiben." in html
    assert MESSAGE in html and 'value="m.jung@example.org"' in html
    assert not Feedback.objects.exists() and not OutgoingMail.objects.exists()


def test_rate_limit_per_client_address(client, settings):
    settings.FEEDBACK_MAX_PER_HOUR = 2
    for n in range(2):
        assert client.post("/kontakt/", _data(message=f"Nachricht {n}"),
                           REMOTE_ADDR="192.0.2.10").status_code == 302
    refused = client.post("/kontakt/", _data(message="Die dritte Nachricht"),
                          REMOTE_ADDR="192.0.2.10")
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Nachrichten." in html
    assert "Die dritte Nachricht" in html
    assert Feedback.objects.count() == 2
    # Another client is not affected.
    assert client.post("/kontakt/", _data(), REMOTE_ADDR="192.0.2.99").status_code == 302


def test_rate_limit_counts_honeypot_sendings(client, settings):
    settings.FEEDBACK_MAX_PER_HOUR = 1
    client.post("/kontakt/", _data(website="spam"), REMOTE_ADDR="192.0.2.20")
    assert client.post("/kontakt/", _data(), REMOTE_ADDR="192.0.2.20").status_code == 429


def test_state_new_in_progress_answered(client, coordinator):
    feedback = feedback_make(received=timezone.localdate(), email="a@example.org")
    client.force_login(coordinator)
    url = reverse("legal:feedback_detail", args=[feedback.pk])
    html = client.get(url).content.decode()
    assert "Der Kontrast ist zu schwach." in html and "a@example.org" in html

    client.post(url, {"state": FeedbackState.IN_PROGRESS, "note": "Frau Berger antwortet."})
    feedback.refresh_from_db()
    assert feedback.state == FeedbackState.IN_PROGRESS and feedback.handled_by == coordinator
    assert feedback.answered_at is None

    # Once in progress, "neu" is no longer offered and refused.
    response = client.post(url, {"state": FeedbackState.NEW, "note": ""})
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).state == FeedbackState.IN_PROGRESS

    client.post(url, {"state": FeedbackState.ANSWERED, "note": "Beantwortet."})
    feedback.refresh_from_db()
    assert feedback.state == FeedbackState.ANSWERED and feedback.answered_at is not None
    assert feedback.note == "Beantwortet."


def test_service_refuses_back_to_new(coordinator):
    feedback = feedback_make(received=timezone.localdate(), state=FeedbackState.IN_PROGRESS)
    with pytest.raises(ValueError):
        feedback_update(feedback=feedback, user=coordinator, state=FeedbackState.NEW, note="")


def test_list_filters_open_and_answered(client, coordinator):
    today = timezone.localdate()
    feedback_make(message="Offene Nachricht", received=today)
    answered = feedback_make(message="Erledigte Nachricht", received=today,
                             state=FeedbackState.ANSWERED, answered_at=timezone.now())
    client.force_login(coordinator)
    open_list = client.get(reverse("legal:feedback_list")).content.decode()
    assert "Offene Nachricht" in open_list and "Erledigte Nachricht" not in open_list
    done = client.get(reverse("legal:feedback_list"), {"status": "beantwortet"})
    assert "Erledigte Nachricht" in done.content.decode()
    assert answered.message in client.get(reverse("legal:feedback_list"),
                                          {"status": "alle"}).content.decode()


def test_list_overdue_marked(client, coordinator):
    feedback_make(message="Alte Nachricht", received=date(2020, 1, 10))
    client.force_login(coordinator)
    html = client.get(reverse("legal:feedback_list")).content.decode()
    assert '<time datetime="2020-02-10">10.02.2020</time>' in html
    assert "Frist abgelaufen" in html


def test_list_queries_do_not_grow(client, coordinator):
    client.force_login(coordinator)
    today = timezone.localdate()
    handler = UserFactory(role="coordinator")

    def fill(n):
        for i in range(n):
            feedback_make(message=f"Nachricht {i}", received=today, handled_by=handler,
                          state=FeedbackState.IN_PROGRESS, user=UserFactory())

    fill(1)
    client.get(reverse("legal:feedback_list"))  # warm up session and permissions
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("legal:feedback_list"))
    fill(29)
    with CaptureQueriesContext(connection) as thirty:
        html = client.get(reverse("legal:feedback_list")).content.decode()
    assert len(re.findall(r'href="/rueckmeldungen/\d+/"', html)) == 30
    assert len(thirty.captured_queries) == len(one.captured_queries)


def test_old_answered_messages_deleted(coordinator, settings):
    settings.FEEDBACK_KEEP_DAYS = 365
    now = timezone.now()
    old = feedback_make(received=date(2024, 1, 1), state=FeedbackState.ANSWERED,
                        answered_at=now - timedelta(days=400))
    recent = feedback_make(received=date(2025, 1, 1), state=FeedbackState.ANSWERED,
                           answered_at=now - timedelta(days=30))
    still_open = feedback_make(received=date(2024, 1, 1))
    assert feedback_delete_old() == 1
    assert set(Feedback.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert not Feedback.objects.filter(pk=old.pk).exists()
