"""The e-mail digest: content, grouping, cap, periods, exactly once, constant queries, and
the unsubscribe link."""

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.models import OutgoingMail
from notifications.digests import digests_dispatch, due_periods, unsubscribe_token
from notifications.models import Digest, DigestSetting, Notification
from tests.factories import UserFactory

from .helpers import notification

pytestmark = pytest.mark.django_db

BERLIN = timezone.get_current_timezone()


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    day = timezone.localdate() + timedelta(days=1)
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def mails_to(user) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(to=user.email).order_by("pk"))


def test_due_periods_name_the_day_and_the_iso_week(settings):
    settings.DIGEST_HOUR = 7
    monday_morning = datetime(2026, 12, 7, 6, 59, tzinfo=BERLIN)  # a Monday before the hour
    periods = due_periods(monday_morning)
    assert periods["daily"] == ("daily:2026-12-06", datetime(2026, 12, 6, 7, tzinfo=BERLIN))
    assert periods["weekly"] == ("weekly:2026-W49", datetime(2026, 11, 30, 7, tzinfo=BERLIN))
    later = due_periods(datetime(2026, 12, 9, 10, tzinfo=BERLIN))  # Wednesday
    assert later["daily"][0] == "daily:2026-12-09"
    assert later["weekly"] == ("weekly:2026-W50", datetime(2026, 12, 7, 7, tzinfo=BERLIN))


def test_daily_digest_groups_by_kind_and_thing_newest_first_with_cap(reader, settings):
    now = timezone.now()
    for number in range(8):
        notification(reader, title=f"DMS-Artikel {number}", when=now - timedelta(hours=number))
    notification(reader, title="Protokoll AG Bürgerportal", kind="minutes_published",
                 kind_label="Protokoll veröffentlicht",
                 target_label="Arbeitsgruppe: AG Bürgerportal",
                 when=now - timedelta(minutes=30), url="/sitzungen/4/#protokoll")

    assert digests_dispatch(now=tomorrow_at(8)) == 1

    [mail] = mails_to(reader)
    assert mail.subject == "[Kreishaus] 9 Neuigkeiten zu dem, was Sie verfolgen"
    text = mail.body_text
    first, second = (text.index("== Neuer Artikel – Thema: Dokumentenmanagementsystem =="),
                     text.index("== Protokoll veröffentlicht – Arbeitsgruppe: AG Bürgerportal =="))
    assert first < second  # the group with the newest item first
    shown = [f"DMS-Artikel {number}" for number in range(8) if f"DMS-Artikel {number} (" in text]
    assert shown == [f"DMS-Artikel {number}" for number in range(5)]  # newest five
    assert "und 3 weitere" in text
    assert f"  {settings.SITE_URL}/sitzungen/4/#protokoll\n" in text
    assert "<h2>Neuer Artikel – Thema: Dokumentenmanagementsystem</h2>" in mail.body_html
    assert "und 3 weitere" in mail.body_html
    assert "/benachrichtigungen/abbestellen/" in text
    digest = Digest.objects.get()
    assert (digest.user_id, digest.period_key, digest.count, digest.mail_id) == (
        reader.pk, f"daily:{tomorrow_at(8).date():%Y-%m-%d}", 9, mail.pk)
    assert not Notification.objects.filter(mailed_at__isnull=True).exists()
    assert Notification.objects.filter(read_at__isnull=True).count() == 9  # still unread in-app


def test_digest_exactly_once_per_period_whatever_the_beat(reader):
    notification(reader)

    assert digests_dispatch(now=tomorrow_at(8)) == 1
    assert digests_dispatch(now=tomorrow_at(8)) == 0  # beat fires twice
    assert digests_dispatch(now=tomorrow_at(9, 30)) == 0  # and again later that day
    notification(reader, title="Neu nach dem Versand")
    assert digests_dispatch(now=tomorrow_at(10)) == 0  # waits for the next day's digest
    assert digests_dispatch(now=tomorrow_at(8) + timedelta(days=1)) == 1
    assert [mail.subject for mail in mails_to(reader)] == [
        "[Kreishaus] 1 Neuigkeit zu dem, was Sie verfolgen"] * 2


def test_daily_digest_waits_for_the_hour(reader, settings):
    settings.DIGEST_HOUR = 7
    notification(reader)
    Notification.objects.update(created_at=tomorrow_at(6))
    assert digests_dispatch(now=tomorrow_at(6, 30)) == 0
    assert digests_dispatch(now=tomorrow_at(7, 1)) == 1


def test_frequencies_immediate_weekly_never(reader, editor, coordinator):
    DigestSetting.objects.create(user=reader, frequency="immediate")
    DigestSetting.objects.create(user=editor, frequency="never")
    DigestSetting.objects.create(user=coordinator, frequency="weekly")
    for person in (reader, editor, coordinator):
        notification(person)

    assert digests_dispatch(now=timezone.now() + timedelta(seconds=1)) >= 1
    assert len(mails_to(reader)) == 1
    notification(reader, title="Zweite")
    assert digests_dispatch(now=timezone.now() + timedelta(seconds=1)) >= 1
    assert len(mails_to(reader)) == 2  # each new batch at once
    next_monday = timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    digests_dispatch(now=datetime.combine(next_monday, time(8), tzinfo=BERLIN))
    assert len(mails_to(coordinator)) == 1
    assert mails_to(editor) == []


def test_digest_only_for_active_member_staff(reader):
    notification(reader)
    reader.is_active = False
    reader.save(update_fields=["is_active"])
    assert digests_dispatch(now=tomorrow_at(8)) == 0


def test_digest_constant_queries_per_batch(administration, django_assert_num_queries):
    people = UserFactory.create_batch(20, administration=administration)
    notification(people[0])
    with CaptureQueriesContext(connection) as one:
        assert digests_dispatch(now=tomorrow_at(8)) == 1
    for person in people[1:]:
        for number in range(3):
            notification(person, title=f"Eintrag {number}")
    with django_assert_num_queries(len(one.captured_queries)):
        assert digests_dispatch(now=tomorrow_at(8)) == 19


def test_unsubscribe_link_valid_tampered_expired(reader, settings):
    DigestSetting.objects.create(user=reader, frequency="daily")
    token = unsubscribe_token(reader)
    visitor = Client()

    page = visitor.get(f"/benachrichtigungen/abbestellen/{token}/")
    assert page.status_code == 200
    assert "Zusammenfassung abbestellen" in page.content.decode()
    assert DigestSetting.objects.get().frequency == "daily"  # a GET changes nothing

    done = visitor.post(f"/benachrichtigungen/abbestellen/{token}/")
    assert "Sie erhalten keine E-Mail-Zusammenfassungen mehr." in done.content.decode()
    assert DigestSetting.objects.get().frequency == "never"

    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = visitor.post(f"/benachrichtigungen/abbestellen/{tampered}/")
    assert response.status_code == 400
    assert "Dieser Link ist ungültig oder abgelaufen" in response.content.decode()

    DigestSetting.objects.update(frequency="daily")
    settings.DIGEST_UNSUBSCRIBE_VALID_DAYS = -1  # every token is past its age
    response = visitor.post(f"/benachrichtigungen/abbestellen/{token}/")
    assert response.status_code == 400
    assert DigestSetting.objects.get().frequency == "daily"


def test_unsubscribe_link_in_the_digest_works(reader):
    notification(reader)
    digests_dispatch(now=tomorrow_at(8))
    [mail] = mails_to(reader)
    link = next(line for line in mail.body_text.splitlines() if "/abbestellen/" in line)
    path = link[link.index("/benachrichtigungen/"):].strip()
    Client().post(path)
    assert DigestSetting.objects.get(user=reader).frequency == "never"


def test_digest_html_escapes_titles_and_text_keeps_them(reader):
    notification(reader, title='<script>alert("x")</script> & Co.',
                 target_label="Thema: <b>fett</b>")
    digests_dispatch(now=tomorrow_at(8))
    [mail] = mails_to(reader)
    assert "<script>" not in mail.body_html and "<b>fett</b>" not in mail.body_html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co." in mail.body_html
    assert '* <script>alert("x")</script> & Co. (' in mail.body_text
