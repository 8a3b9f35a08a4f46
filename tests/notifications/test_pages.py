"""The bell, the list page grouped by day, marking read, and the settings page."""

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notifications.models import DigestSetting, Notification

from .helpers import notification

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def bell(page: str) -> str:
    link = BeautifulSoup(page, "html.parser").select_one("a.site-bell")
    return " ".join(link.get_text(" ").split()) if link else ""


def test_bell_shows_unread_count_for_screen_readers(reader, editor):
    client = client_for(reader)
    assert bell(client.get("/").content.decode()) == "🔔 Benachrichtigungen"
    for number in range(3):
        notification(reader, title=f"Eintrag {number}")
    notification(reader, title="Gelesen", read_at=timezone.now())
    notification(editor, title="Nicht meins")

    page = client.get("/").content.decode()

    assert "Benachrichtigungen, 3 ungelesen" in bell(page)
    assert BeautifulSoup(page, "html.parser").select_one(".site-bell__count").text == "3"


def test_bell_absent_for_visitors(db):
    assert bell(Client().get("/").content.decode()) == ""


def test_list_groups_by_day_newest_first(reader):
    today = timezone.localtime().replace(hour=9, minute=0)
    notification(reader, title="Heute früh", when=today)
    notification(reader, title="Heute später", when=today + timedelta(hours=1))
    notification(reader, title="Gestern", when=today - timedelta(days=1))

    page = client_for(reader).get("/benachrichtigungen/").content.decode()
    soup = BeautifulSoup(page, "html.parser")

    days = [(section.h2.get_text(), [a.get_text() for a in section.select("li a")])
            for section in soup.select("main section")]
    assert [titles for _day, titles in days] == [["Heute später", "Heute früh"], ["Gestern"]]
    assert days[0][0].endswith(today.strftime("%Y")) and len(days) == 2
    assert "3 ungelesene Benachrichtigungen" in page


def test_list_constant_queries(reader, django_assert_num_queries):
    client = client_for(reader)
    notification(reader)
    client.get("/benachrichtigungen/")
    with CaptureQueriesContext(connection) as one:
        client.get("/benachrichtigungen/")
    start = timezone.now() - timedelta(days=20)
    for number in range(30):
        notification(reader, title=f"Eintrag {number}", when=start + timedelta(days=number % 10))
    with django_assert_num_queries(len(one.captured_queries)):
        page = client.get("/benachrichtigungen/").content.decode()
    assert page.count('class="notification notification--unread"') == 31


def test_mark_read_and_all_read(reader, editor):
    first = notification(reader, title="Erster")
    notification(reader, title="Zweiter")
    foreign = notification(editor, title="Fremd")
    client = client_for(reader)

    assert client.post(f"/benachrichtigungen/{first.pk}/gelesen/").status_code == 302
    assert client.post(f"/benachrichtigungen/{foreign.pk}/gelesen/").status_code == 302
    unread = set(Notification.objects.filter(read_at__isnull=True).values_list("title", flat=True))
    assert unread == {"Zweiter", "Fremd"}  # another person's stays unread

    response = client.post("/benachrichtigungen/alle-gelesen/", follow=True)

    assert "Alle Benachrichtigungen sind als gelesen markiert." in response.content.decode()
    assert set(Notification.objects.filter(read_at__isnull=True)
               .values_list("title", flat=True)) == {"Fremd"}
    assert "Benachrichtigungen, " not in bell(response.content.decode())


def test_mark_read_refused_for_visitors(reader):
    item = notification(reader)
    assert Client().post(f"/benachrichtigungen/{item.pk}/gelesen/").status_code == 403
    assert Notification.objects.get().read_at is None


def test_settings_page_offers_and_saves_digest_frequency(reader):
    client = client_for(reader)
    page = BeautifulSoup(client.get("/konto/benachrichtigungen/").content, "html.parser")
    checked = page.select_one('input[name="digest_frequency"][checked]')
    assert checked["value"] == "daily"  # the default
    labels = [label.get_text(strip=True)
              for label in page.select('label[for^="id_digest_frequency_"]')]
    assert labels == ["sofort", "täglich", "wöchentlich", "nie"]

    response = client.post("/konto/benachrichtigungen/", {
        "digest_frequency": "weekly", "meeting": "on"}, follow=True)

    assert "Ihre Einstellungen zu Erinnerungen wurden gespeichert." in response.content.decode()
    assert DigestSetting.objects.get(user=reader).frequency == "weekly"
    reader.refresh_from_db()
    assert "action_item" in reader.muted_reminders and "meeting" not in reader.muted_reminders
    page = BeautifulSoup(client.get("/konto/benachrichtigungen/").content, "html.parser")
    assert page.select_one('input[name="digest_frequency"][checked]')["value"] == "weekly"


def test_settings_page_refuses_unknown_frequency(reader):
    response = client_for(reader).post("/konto/benachrichtigungen/",
                                       {"digest_frequency": "hourly"})
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert not DigestSetting.objects.exists()


def test_notification_dates_are_local(reader):
    when = datetime(2026, 3, 1, 23, 30, tzinfo=timezone.get_current_timezone())
    notification(reader, title="Spät", when=when)
    page = client_for(reader).get("/benachrichtigungen/").content.decode()
    assert "1. März 2026" in page and "23:30" in page
