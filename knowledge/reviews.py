"""Knowledge that stays current: when an article's content is due for a check, and the
reminder to check it, derived from the database and queued exactly once (common.reminders).

An article is due on `reviewed_at` + its interval (its own, else its category's; default
12 months); a revision and "Als aktuell bestätigen" (ArticleReview) set `reviewed_at`, so
the next due day moves on. The due day is computed in the query (`review_due_expression`)
and on a loaded article (`Article.review_due`) by the same rule, never stored: changing a
category's interval needs no update of its articles.

The beat task `knowledge.tasks.review_reminders_dispatch` reminds, for every article that
is not archived and whose due day has come, the author; if the author left (account
inactive, removed or deleted), the editors of the contributing administration. One
reminder per (recipient, "article:<pk>", "article_review_<due day>"): beat may fire twice,
late or concurrently and nothing goes out twice; after the next check a new due day makes a
new kind. A reminder still queued when the article is checked or archived is dropped by the
outbox (`review_reminder_expired`).
"""

from collections import defaultdict
from datetime import date, datetime

from django.conf import settings
from django.db.models import DateField, F, Func, QuerySet
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from common.mail import render_subject
from common.models import OutgoingMail, Reminder
from common.reminders import (
    ReminderKind,
    notification_settings_link,
    reminders_queue,
    reminders_taken,
)
from members.enums import Role
from members.models import User

from .models import Article

ARTICLE_REVIEW = ReminderKind(
    "article_review", _("Erinnerungen an die Prüfung von Artikeln"),
    _("Eine E-Mail, wenn ein Artikel, den Sie geschrieben haben (oder den Ihre Verwaltung "
      "beigetragen hat, wenn die Autorin oder der Autor nicht mehr dabei ist), wieder auf "
      "Aktualität geprüft werden sollte."))
KIND_PREFIX = "article_review_"
OBJECT_PREFIX = "article"


class _AddMonths(Func):
    """date + n months as a date; PostgreSQL clamps to the end of a shorter month, like
    knowledge.review_dates.add_months."""

    output_field = DateField()

    def as_sql(self, compiler, connection, **extra_context):
        day, months = self.get_source_expressions()
        day_sql, day_params = compiler.compile(day)
        months_sql, months_params = compiler.compile(months)
        return (f"CAST(({day_sql} + make_interval(months => ({months_sql})::integer)) AS date)",
                (*day_params, *months_params))


def review_due_expression() -> _AddMonths:
    """The due day of an article in a query (joins its category)."""
    return _AddMonths(F("reviewed_at"), Coalesce(F("review_interval_months"),
                                                  F("category__review_interval_months")))


def articles_review_due(today: date) -> QuerySet[Article]:
    """Articles that are not archived and due for a check on `today` or earlier, annotated
    with `due`, the longest overdue first."""
    return (Article.objects.filter(archived_at__isnull=True)
            .annotate(due=review_due_expression()).filter(due__lte=today)
            .order_by("due", "pk"))


def _object_key(article: Article) -> str:
    return f"{OBJECT_PREFIX}:{article.pk}"


def _kind(due: date) -> str:
    return f"{KIND_PREFIX}{due.isoformat()}"


def _present(user: User | None) -> bool:
    return user is not None and user.is_active and not user.is_removed


def _recipients(articles: list[Article]) -> dict[int, tuple[list[User], bool]]:
    """Per article: who is reminded, and whether that is the administration's editors
    because the author left. One query for the editors of all articles."""
    orphaned = {article.administration_id for article in articles
                if not _present(article.author)} - {None}
    editors: dict[int, list[User]] = defaultdict(list)
    for user in (User.objects.filter(is_active=True, removed_at__isnull=True,
                                     role__in=[Role.EDITOR, Role.COORDINATOR],
                                     administration_id__in=orphaned).order_by("pk")):
        editors[user.administration_id].append(user)
    return {article.pk: ([article.author], False) if _present(article.author)
            else (editors.get(article.administration_id, []), True) for article in articles}


def review_reminders_dispatch(now: datetime | None = None) -> int:
    """Queue the review reminders due at `now` that were not queued before; returns the
    number of mails queued. Safe to run twice, late, or concurrently."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    articles = list(articles_review_due(today).select_related(
        "category", "author", "administration"))
    if not articles:
        return 0
    recipients = _recipients(articles)
    taken = reminders_taken(object_keys={_object_key(a) for a in articles},
                            kinds={_kind(a.due) for a in articles})
    count = 0
    with translation.override("de"):
        for article in articles:
            people, orphaned = recipients[article.pk]
            key, kind = _object_key(article), _kind(article.due)
            mailable = [user for user in people
                        if user.email and user.pk not in taken[(kind, key)]
                        and ARTICLE_REVIEW.value not in user.muted_reminders]
            if mailable:
                count += reminders_queue(
                    kind=kind, object_key=key, recipients=mailable,
                    mails_for=lambda users, article=article, orphaned=orphaned:
                    _mails(article, users, orphaned=orphaned, today=today))
    return count


def _mails(article: Article, users: list[User], *, orphaned: bool,
           today: date) -> list[OutgoingMail]:
    context = {"article": article, "due": article.due, "overdue": article.due < today,
               "orphaned": orphaned, "interval": article.review_interval,
               "link": settings.SITE_URL + reverse("knowledge:article_detail",
                                                     kwargs={"slug": article.slug}),
               "settings_link": notification_settings_link(), "site_url": settings.SITE_URL}
    subject = render_subject("knowledge/email/review_due_subject.txt", context)
    mails = []
    for user in users:
        personal = {**context, "recipient": user}
        mails.append(OutgoingMail(
            to=user.email, subject=subject,
            body_text=render_to_string("knowledge/email/review_due.txt", personal),
            body_html=render_to_string("knowledge/email/review_due.html", personal)))
    return mails


def review_reminder_expired(reminder: Reminder, now: datetime) -> str:
    """Why a queued review reminder should no longer go out (empty if it should); asked by
    the outbox right before sending."""
    pk = reminder.object_key.partition(":")[2]
    article = (Article.objects.select_related("category").filter(pk=int(pk)).first()
               if pk.isdecimal() else None)
    if article is None:
        return "Nicht versandt: Den Artikel gibt es nicht mehr."
    if article.is_archived:
        return "Nicht versandt: Der Artikel ist archiviert."
    if reminder.kind.startswith(KIND_PREFIX) and reminder.kind != _kind(article.review_due):
        return "Nicht versandt: Der Artikel wurde inzwischen geprüft."
    return ""
