"""The e-mail digest: exactly once per person and period, through the outbox.

`digests_dispatch` runs from beat every few minutes (and after the collector). It derives
from the data which periods are due now: "sofort" always (the period is named by the
newest notification it carries), "täglich" from DIGEST_HOUR of each day, "wöchentlich" from
DIGEST_HOUR on Monday. A person is due if their frequency is due, they have notifications
no mail carried yet, and no digest row exists for them and that period.

People are handled in batches; per batch, in ONE transaction: insert the digest rows
(INSERT … ON CONFLICT DO NOTHING RETURNING: a row a concurrent run inserted first is
skipped, and so is its mail), read their notifications, queue one mail per person
(`mail_queue_bulk`), link mail and digest, mark the notifications mailed. A worker that
dies in the middle rolls the batch back: nothing was queued, and the next run does it.
The mails then go out through the outbox, which sends each exactly once. A constant number
of queries per batch, whatever its size.
"""

from collections import OrderedDict
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core import signing
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from common.mail import render_subject
from common.models import OutgoingMail
from common.outbox import mail_queue_bulk
from common.reminders import notification_settings_link
from members.models import User

from .enums import DEFAULT_FREQUENCY, Frequency
from .models import Digest, DigestSetting, Notification

BATCH = 500
GROUP_CAP = 5
# Notifications older than this never go into a digest (e.g. after switching from "nie").
DIGEST_MAX_AGE = timedelta(days=8)
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def settings_link() -> str:
    return notification_settings_link()


# --- unsubscribe link ---------------------------------------------------------------------

def unsubscribe_token(user: User) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def unsubscribe_user(token: str) -> User | None:
    """The person of a valid, unexpired token; None for anything else."""
    max_age = timedelta(days=settings.DIGEST_UNSUBSCRIBE_VALID_DAYS)
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return User.objects.filter(pk=data["u"], is_active=True).first()


def unsubscribe_link(user: User) -> str:
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[unsubscribe_token(user)])


# --- which periods are due ----------------------------------------------------------------

def due_periods(now: datetime) -> dict[str, tuple[str, datetime]]:
    """Frequency → (period key, end of the period) of the periods due at `now`: the latest
    DIGEST_HOUR for "täglich", the latest Monday at DIGEST_HOUR for "wöchentlich", `now`
    for "sofort" (its key is the newest notification it carries, added per person). A
    digest carries the notifications created before the end of its period; later ones
    wait for the next."""
    local = timezone.localtime(now)
    day_end = timezone.make_aware(datetime.combine(local.date(), time(settings.DIGEST_HOUR)))
    if day_end > now:
        day_end = timezone.make_aware(datetime.combine(local.date() - timedelta(days=1),
                                                       time(settings.DIGEST_HOUR)))
    monday = timezone.localtime(day_end).date()
    monday -= timedelta(days=monday.weekday())
    week_end = timezone.make_aware(datetime.combine(monday, time(settings.DIGEST_HOUR)))
    year, week, _weekday = monday.isocalendar()
    return {Frequency.IMMEDIATE: ("immediate:", now),
            Frequency.DAILY: (f"daily:{timezone.localtime(day_end).date():%Y-%m-%d}", day_end),
            Frequency.WEEKLY: (f"weekly:{year}-W{week:02d}", week_end)}


_DUE_SQL = """
SELECT n.user_id, coalesce(s.frequency, %(default)s) AS frequency, max(n.id)
FROM notifications_notification n
JOIN members_user u ON u.id = n.user_id
LEFT JOIN notifications_digestsetting s ON s.user_id = n.user_id
WHERE n.mailed_at IS NULL AND n.created_at >= %(since)s
  AND u.is_active AND (u.administration_id IS NOT NULL OR u.is_superuser)
  AND n.created_at < CASE coalesce(s.frequency, %(default)s)
      WHEN 'immediate' THEN %(immediate)s WHEN 'daily' THEN %(daily)s
      WHEN 'weekly' THEN %(weekly)s END
GROUP BY n.user_id, s.frequency
ORDER BY n.user_id
"""


def _due_people(now: datetime, periods: dict) -> list[tuple[int, str, datetime]]:
    """(user id, period key, end of period) of everyone with a digest due and not yet
    sent (one query, plus one for the digests already there)."""
    with connection.cursor() as cursor:
        cursor.execute(_DUE_SQL, {"default": str(DEFAULT_FREQUENCY),
                                  "since": now - DIGEST_MAX_AGE,
                                  **{str(f): end for f, (_key, end) in periods.items()}})
        rows = cursor.fetchall()
    due = []
    for user_id, frequency, newest in rows:
        key, end = periods[frequency]
        due.append((user_id, f"{key}{newest}" if frequency == Frequency.IMMEDIATE else key, end))
    sent = set(Digest.objects.filter(user_id__in=[uid for uid, _key, _end in due],
                                     period_key__in={key for _uid, key, _end in due})
               .values_list("user_id", "period_key"))
    return [row for row in due if (row[0], row[1]) not in sent]


def digests_dispatch(*, now: datetime | None = None, batch: int = BATCH) -> int:
    """Queue every digest that is due now; returns how many. Safe to repeat."""
    now = now or timezone.now()
    due = _due_people(now, due_periods(now))
    sent = 0
    for start in range(0, len(due), batch):
        sent += _digest_batch(due[start:start + batch], now)
    return sent


def _digest_batch(due: list[tuple[int, str, datetime]], now: datetime) -> int:
    with transaction.atomic():
        claimed = _digests_insert(due, now)
        if not claimed:
            return 0
        digest_of = {user_id: digest_id for digest_id, user_id in claimed}
        end_of = {uid: end for uid, _key, end in due}
        users = User.objects.in_bulk(list(digest_of))
        items: dict[int, list[Notification]] = {uid: [] for uid in digest_of}
        for item in (Notification.objects.filter(
                user_id__in=list(digest_of), mailed_at__isnull=True,
                created_at__gte=now - DIGEST_MAX_AGE)
                # Locked: a concurrent run for another period waits and then skips them.
                .select_for_update().order_by("user_id", "-when", "-pk")):
            if item.created_at < end_of[item.user_id]:
                items[item.user_id].append(item)
        people = [uid for uid in digest_of if items[uid]]
        with translation.override(settings.LANGUAGE_CODE):
            renderer = DigestRenderer()
            mails = mail_queue_bulk([renderer.mail(users[uid], items[uid]) for uid in people])
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE notifications_digest AS d SET mail_id = v.m, count = v.c"
                " FROM unnest(%s::bigint[], %s::bigint[], %s::int[]) AS v(id, m, c)"
                " WHERE d.id = v.id",
                [[digest_of[uid] for uid in people], [mail.pk for mail in mails],
                 [len(items[uid]) for uid in people]])
            pairs = [(item.pk, digest_of[uid]) for uid in people for item in items[uid]]
            cursor.execute(
                "UPDATE notifications_notification AS n SET mailed_at = %s, digest_id = v.d"
                " FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, d) WHERE n.id = v.id",
                [now, [pk for pk, _d in pairs], [d for _pk, d in pairs]])
    return len(people)


def _digests_insert(due: list[tuple[int, str, datetime]], now: datetime) -> list[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO notifications_digest (user_id, period_key, count, created_at)"
            " SELECT u, k, 0, %s FROM unnest(%s::bigint[], %s::text[]) AS v(u, k)"
            " ON CONFLICT (user_id, period_key) DO NOTHING RETURNING id, user_id",
            [now, [row[0] for row in due], [row[1] for row in due]])
        return cursor.fetchall()


# --- building one digest ------------------------------------------------------------------

def digest_groups(items: list[Notification], cap: int = GROUP_CAP,
                  when_texts: dict | None = None) -> list[dict]:
    """Group by kind and followed thing, newest first (items come newest first); each
    group shows at most `cap` items and says how many more there are. The items are
    plain dicts with the full link and the date as text (`when_texts` caches the dates
    across a batch: one change reaches many people)."""
    when_texts = {} if when_texts is None else when_texts
    groups: OrderedDict[tuple[str, str], list[Notification]] = OrderedDict()
    for item in items:
        groups.setdefault((item.kind_label, item.target_label), []).append(item)
    shown = []
    for (kind, target), group in groups.items():
        lines = []
        for item in group[:cap]:
            when = when_texts.get(item.when)
            if when is None:
                when = when_texts[item.when] = date_format(timezone.localtime(item.when),
                                                           "j. F Y, H:i")
            lines.append({"title": item.title, "link": settings.SITE_URL + item.url,
                          "when": when})
        shown.append({"kind": kind, "target": target, "items": lines,
                      "more": max(0, len(group) - cap)})
    return shown


class DigestRenderer:
    """Renders the digests of one batch. One change reaches many people, so the same group
    (kind, followed thing, the same items) recurs across a batch: each distinct group is
    rendered once, as text and as HTML, and each date formatted once."""

    def __init__(self):
        self.when_texts: dict = {}
        self.fragments: dict = {}

    def _fragments(self, group: dict) -> dict:
        key = (group["kind"], group["target"], group["more"],
               tuple((line["title"], line["link"], line["when"]) for line in group["items"]))
        fragment = self.fragments.get(key)
        if fragment is None:
            fragment = self.fragments[key] = {
                "text": render_to_string("notifications/email/_digest_group.txt", group),
                "html": mark_safe(  # noqa: S308 - rendered by an autoescaping template
                    render_to_string("notifications/email/_digest_group.html", group))}
        return fragment

    def mail(self, user: User, items: list[Notification]) -> OutgoingMail:
        groups = [self._fragments(group)
                  for group in digest_groups(items, when_texts=self.when_texts)]
        context = {"recipient": user, "groups": groups, "count": len(items),
                   "site_url": settings.SITE_URL,
                   "list_link": settings.SITE_URL + reverse("notifications:list"),
                   "settings_link": settings_link(), "unsubscribe_link": unsubscribe_link(user)}
        return OutgoingMail(
            to=user.email,
            subject=render_subject("notifications/email/digest_subject.txt", context),
            body_text=render_to_string("notifications/email/digest.txt", context),
            body_html=render_to_string("notifications/email/digest.html", context))


def digest_mail(user: User, items: list[Notification]) -> OutgoingMail:
    """One person's digest mail (unsaved)."""
    return DigestRenderer().mail(user, items)


def digest_unsubscribe(*, user: User) -> None:
    """The unsubscribe link's confirmation: no more digests (in-app notifications stay)."""
    DigestSetting.objects.update_or_create(user=user, defaults={"frequency": Frequency.NEVER})
