"""The reminder to check an article that is due: derived from the database by the beat task,
exactly once per article and due day however often beat fires, to the author or — if the
author left — the editors of the contributing administration, never for archived
articles, and dropped by the outbox when the article is checked before the mail leaves.

Articles are checked in 2098 so that the due day (3 March 2099) lies ahead of any real
"today" and the dates in the mails are fixed."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from common.enums import MailState
from common.models import OutgoingMail, Reminder
from common.outbox import mail_send
from common.reminders import reminder_expired_reason, reminder_kinds
from knowledge.articles import services
from knowledge.enums import Visibility
from knowledge.models import Article
from knowledge.reviews import ARTICLE_REVIEW, review_reminders_dispatch
from knowledge.tasks import review_reminders_dispatch as task
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import CategoryFactory, article_make

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
REVIEWED = date(2098, 3, 3)
DUE = date(2099, 3, 3)


def at(day: date, hour: int = 8) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=BERLIN)


@pytest.fixture
def author(administration):
    return UserFactory(administration=administration, first_name="Anna", last_name="Autorin")


@pytest.fixture
def article(author, administration):
    made = article_make(author=author, title="E-Akte im Bauamt", administration=administration,
                        category=CategoryFactory(review_interval_months=12),
                        visibility=Visibility.INTERNAL)
    Article.objects.filter(pk=made.pk).update(reviewed_at=REVIEWED)
    made.refresh_from_db()
    return made


def _reminded() -> list[str]:
    return sorted(OutgoingMail.objects.values_list("to", flat=True))


def test_beat_schedule_runs_the_task():
    entry = settings.CELERY_BEAT_SCHEDULE["review-reminders-dispatch"]
    assert entry["task"] == "knowledge.tasks.review_reminders_dispatch"
    assert entry["schedule"] == settings.REMINDER_INTERVAL_SECONDS


def test_kind_is_offered_on_the_notification_settings(client, reader):
    assert ARTICLE_REVIEW in reminder_kinds(reader)
    client.force_login(reader)
    page = client.get("/konto/benachrichtigungen/").content.decode()
    assert 'name="article_review"' in page
    assert "Erinnerungen an die Prüfung von Artikeln" in page


def test_nothing_before_the_due_day(article):
    assert review_reminders_dispatch(now=at(date(2099, 3, 2), 23)) == 0
    assert not OutgoingMail.objects.exists()


def test_author_is_reminded_exactly_once_when_beat_fires_twice(article, author, editor):
    assert review_reminders_dispatch(now=at(DUE)) == 1
    assert review_reminders_dispatch(now=at(DUE)) == 0
    assert review_reminders_dispatch(now=at(date(2099, 6, 1))) == 0  # later runs too

    assert _reminded() == [author.email]  # not the editors while the author is there
    reminder = Reminder.objects.get()
    assert (reminder.recipient, reminder.object_key, reminder.kind) == (
        author, f"article:{article.pk}", "article_review_2099-03-03")
    sent = OutgoingMail.objects.get()
    assert sent.subject == "[Kreishaus] Bitte prüfen: „E-Akte im Bauamt“ ist noch aktuell?"
    link = f"{settings.SITE_URL}/wissen/artikel/{article.slug}/"
    assert "Guten Tag Anna Autorin," in sent.body_text
    assert "Ihr Artikel „E-Akte im Bauamt“ sollte wieder geprüft werden." in sent.body_text
    assert ("Zuletzt geprüft am 03.03.2098; nach dem Prüfintervall von 12 Monaten ist er seit "
            "dem 03.03.2099 wieder fällig.") in sent.body_text
    assert "„Als aktuell bestätigen“" in sent.body_text
    assert link in sent.body_text and f'href="{link}"' in sent.body_html
    assert f"{settings.SITE_URL}/konto/benachrichtigungen/" in sent.body_text


def test_late_beat_still_reminds_once(article, author):
    assert review_reminders_dispatch(now=at(date(2099, 9, 30))) == 1
    assert _reminded() == [author.email]


def test_the_task_runs_the_same_dispatch(article, author):
    Article.objects.filter(pk=article.pk).update(reviewed_at=date(2020, 1, 1))
    assert task() == 1
    assert task() == 0
    assert Reminder.objects.get().kind == "article_review_2021-01-01"


def test_article_with_its_own_interval_is_due_after_it(article, author):
    Article.objects.filter(pk=article.pk).update(review_interval_months=24)
    assert review_reminders_dispatch(now=at(DUE)) == 0
    assert review_reminders_dispatch(now=at(date(2100, 3, 3))) == 1


@pytest.mark.parametrize("how", ["inactive", "removed", "deleted"])
def test_editors_of_the_administration_are_reminded_when_the_author_left(
        article, author, administration, editor, coordinator, reader, other_editor, how):
    UserFactory(administration=administration, role="editor", is_active=False)
    if how == "inactive":
        author.is_active = False
        author.save()
    elif how == "removed":
        author.removed_at = timezone.now()
        author.save()
    else:
        author.delete()

    assert review_reminders_dispatch(now=at(DUE)) == 2
    assert review_reminders_dispatch(now=at(DUE)) == 0

    # The Redaktion (and the coordination office) of that administration; not its readers,
    # not other administrations' editors, not inactive accounts.
    assert _reminded() == sorted([editor.email, coordinator.email])
    sent = OutgoingMail.objects.get(to=editor.email)
    assert ("der Artikel „E-Akte im Bauamt“ Ihrer Verwaltung sollte wieder geprüft werden. Die "
            "Autorin oder der Autor ist nicht mehr im Portal aktiv") in sent.body_text


def test_nobody_without_author_and_administration(article, author, editor):
    Article.objects.filter(pk=article.pk).update(administration=None, author=None)
    assert review_reminders_dispatch(now=at(DUE)) == 0


def test_a_muted_author_gets_nothing_and_nobody_else_instead(article, author, editor):
    author.muted_reminders = ["article_review"]
    author.save()
    assert review_reminders_dispatch(now=at(DUE)) == 0


def test_archived_article_is_not_reminded(article, author, coordinator):
    services.article_archive(article=article, user=coordinator)
    assert review_reminders_dispatch(now=at(date(2100, 1, 1))) == 0


def test_after_the_next_check_the_next_due_day_is_reminded_once_more(article, author):
    review_reminders_dispatch(now=at(DUE))
    # Checked on 5 March 2099 (as "Als aktuell bestätigen" would on that day).
    Article.objects.filter(pk=article.pk).update(reviewed_at=date(2099, 3, 5))

    assert review_reminders_dispatch(now=at(date(2099, 12, 1))) == 0
    assert review_reminders_dispatch(now=at(date(2100, 3, 5))) == 1
    assert review_reminders_dispatch(now=at(date(2100, 3, 6))) == 0
    assert sorted(Reminder.objects.values_list("kind", flat=True)) == [
        "article_review_2099-03-03", "article_review_2100-03-05"]


def test_many_articles_in_constant_queries(author, administration,
                                           django_assert_max_num_queries):
    category = CategoryFactory(review_interval_months=12)
    for number in range(6):
        made = article_make(author=author, title=f"Artikel {number}", category=category)
        Article.objects.filter(pk=made.pk).update(reviewed_at=REVIEWED)
    orphan = AdministrationFactory()
    UserFactory.create_batch(2, administration=orphan, role="editor")
    made = article_make(author=UserFactory(administration=orphan), title="Verwaist",
                        category=category)
    Article.objects.filter(pk=made.pk).update(reviewed_at=REVIEWED, author=None)

    # Articles, editors, reminders taken; then per article with new reminders its insert,
    # mails and link (common.reminders); a second run only reads.
    assert review_reminders_dispatch(now=at(DUE)) == 8
    with django_assert_max_num_queries(3):
        assert review_reminders_dispatch(now=at(DUE)) == 0


def test_queued_reminder_dropped_once_checked_archived_or_deleted(article, author,
                                                                  coordinator):
    review_reminders_dispatch(now=at(DUE))
    reminder = Reminder.objects.get()
    assert reminder_expired_reason(reminder, timezone.now()) == ""

    services.article_confirm_current(article=article, user=author)
    assert reminder_expired_reason(reminder, timezone.now()) == (
        "Nicht versandt: Der Artikel wurde inzwischen geprüft.")
    services.article_archive(article=article, user=coordinator)
    assert reminder_expired_reason(reminder, timezone.now()) == (
        "Nicht versandt: Der Artikel ist archiviert.")
    article.delete()
    assert reminder_expired_reason(reminder, timezone.now()) == (
        "Nicht versandt: Den Artikel gibt es nicht mehr.")


def test_outbox_sends_the_reminder_and_drops_one_checked_meanwhile(article, author):
    other = article_make(author=author, title="Online-Termine",
                         category=CategoryFactory(review_interval_months=12))
    Article.objects.filter(pk=other.pk).update(reviewed_at=REVIEWED)
    review_reminders_dispatch(now=at(DUE))  # queued; the worker has not run yet
    services.article_confirm_current(article=other, user=author)

    for queued in OutgoingMail.objects.order_by("pk"):
        mail_send(queued.pk)

    assert [m.subject for m in mail.outbox] == [
        "[Kreishaus] Bitte prüfen: „E-Akte im Bauamt“ ist noch aktuell?"]
    assert mail.outbox[0].alternatives[0][1] == "text/html"
    dropped = OutgoingMail.objects.get(subject__contains="Online-Termine")
    assert (dropped.state, dropped.last_error) == (
        MailState.FAILED, "Nicht versandt: Der Artikel wurde inzwischen geprüft.")
