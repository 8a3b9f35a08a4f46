"""Writes of the notifications app: following, reading, the digest setting, personal notices."""

import logging
import threading
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from common.mail import render_subject
from common.models import OutgoingMail
from common.outbox import mail_queue_bulk
from common.permissions import permission_check
from members.models import User

from .enums import Frequency
from .models import CollectorState, DigestSetting, Follow, Notification
from .registry import followable, key_split
from .selectors import follows_default_of, member_staff_q

logger = logging.getLogger(__name__)


def follow_set(*, user: User, key: str, follow: bool) -> bool:
    """Follow a thing or stop following it; returns whether the person follows it now.
    Only member staff follow, and only what they may open."""
    permission_check(user, "notifications.follow")
    split = key_split(key)
    kind = followable(split[0]) if split else None
    if kind is None or not kind.visible_to(user, split[1]):
        raise PermissionDenied
    is_default = key in follows_default_of(user)
    if follow:
        if is_default:
            Follow.objects.filter(user=user, target_key=key).delete()
        else:
            Follow.objects.update_or_create(user=user, target_key=key,
                                            defaults={"muted": False})
    elif is_default:
        # A default follow is not stored; stopping it is.
        Follow.objects.update_or_create(user=user, target_key=key, defaults={"muted": True})
    else:
        Follow.objects.filter(user=user, target_key=key).delete()
    return follow


def notification_mark_read(*, user: User, pk: int) -> int:
    """Mark one of the person's notifications read (another's: nothing happens)."""
    return Notification.objects.filter(user=user, pk=pk, read_at__isnull=True).update(
        read_at=timezone.now())


def notifications_mark_all_read(*, user: User) -> int:
    """Mark every unread notification of the person read."""
    return Notification.objects.filter(user=user, read_at__isnull=True).update(
        read_at=timezone.now())


def digest_frequency_set(*, user: User, frequency: str) -> None:
    """Store how often the person gets the e-mail digest."""
    DigestSetting.objects.update_or_create(user=user, defaults={"frequency": Frequency(frequency)})


def notifications_insert(rows: list[tuple]) -> list[tuple[int, int]]:
    """Insert notifications with ONE statement, skipping those that exist: rows are
    (user id, object key, kind, kind label, target key, target label, title, url, when,
    personal). Returns (id, user id) of the new ones only."""
    if not rows:
        return []
    columns = list(zip(*rows, strict=True))
    table = Notification._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (user_id, object_key, kind, kind_label, target_key,"  # noqa: S608
            " target_label, title, url, \"when\", personal, created_at)"
            " SELECT u, o, k, kl, t, tl, ti, ur, w, p, %s FROM unnest("
            "%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[],"
            " %s::text[], %s::text[], %s::timestamptz[], %s::boolean[])"
            " AS v(u, o, k, kl, t, tl, ti, ur, w, p)"
            " ON CONFLICT (user_id, object_key, kind) DO NOTHING RETURNING id, user_id",
            [timezone.now(), *(list(column) for column in columns)])
        return cursor.fetchall()


def notify_personal(users: Iterable[User], *, kind: str, title: str, url: str, key: str,
                    mail: bool = True) -> int:
    """Tell these people of something that concerns them personally (an action item
    assigned to them, a mention, a question to their administration), in the app and, with
    `mail`, at once by e-mail, whatever their digest setting, unless they switched `kind`
    off on the settings page (register it as a common.reminders.ReminderKind to offer
    that). `key` names the event ("comments.comment:12"); a second call with the same key
    and kind adds and sends nothing. `url` is a path of this site. Only active member staff
    are notified. Returns the number of people newly notified."""
    by_id = {user.pk: user for user in users}
    if not by_id:
        return 0
    mail = mail and not _is_quiet()
    recipients = {user.pk: user for user in User.objects.filter(member_staff_q(),
                                                                pk__in=list(by_id))}
    now = timezone.now()
    rows = [(pk, key, kind, _personal_label(), "", "", title[:300], url[:500], now, True)
            for pk in recipients]
    with transaction.atomic():
        new = notifications_insert(rows)
        if not new:
            return 0
        mailed = [(nid, uid) for nid, uid in new
                  if mail and kind not in recipients[uid].muted_reminders]
        if mailed:
            mail_queue_bulk([_personal_mail(recipients[uid], title=title, url=url)
                             for _nid, uid in mailed])
        # None of them waits for a digest: mailed now, or switched off.
        Notification.objects.filter(pk__in=[nid for nid, _uid in new]).update(mailed_at=now)
    return len(new)


def _personal_label() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext("Persönlich")


def _personal_mail(user: User, *, title: str, url: str) -> OutgoingMail:
    from .digests import settings_link

    context = {"recipient": user, "title": title, "link": settings.SITE_URL + url,
               "site_url": settings.SITE_URL, "settings_link": settings_link()}
    with translation.override(settings.LANGUAGE_CODE):
        return OutgoingMail(
            to=user.email,
            subject=render_subject("notifications/email/personal_subject.txt", context),
            body_text=render_to_string("notifications/email/personal.txt", context),
            body_html=render_to_string("notifications/email/personal.html", context))


_quiet = threading.local()


@contextmanager
def notifications_quiet():
    """Loading demo data: personal notices are written to the app without a mail, and the
    collector is not started after the commit (the beat's next run finds the changes)."""
    _quiet.on = True
    try:
        yield
    finally:
        _quiet.on = False


def _is_quiet() -> bool:
    return getattr(_quiet, "on", False)


# A burst of changes (120 articles saved one by one) must not queue 120 collector runs in
# front of the mails: while one run is queued and not yet started, the next change needs
# none (that run reads it). The marker is a row, so web and worker processes share it; the
# task removes it when it starts, so a change committed during a run queues the next one.
# A marker older than DISPATCH_STALE belongs to a lost task and holds nothing back.
DISPATCH_MARKER = "dispatch-queued"
DISPATCH_STALE = timedelta(minutes=2)


def _dispatch_claim() -> bool:
    """Set the marker unless a fresh one is set; True if this caller set it."""
    now = timezone.now()
    table = connection.ops.quote_name(CollectorState._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, watermark) VALUES (%s, %s) "  # noqa: S608
            "ON CONFLICT (key) DO UPDATE SET watermark = EXCLUDED.watermark "
            f"WHERE {table}.watermark < %s RETURNING key",
            [DISPATCH_MARKER, now, now - DISPATCH_STALE])
        return cursor.fetchone() is not None


def dispatch_marker_clear() -> None:
    """Called by the task as it starts: changes from now on queue the next run."""
    CollectorState.objects.filter(key=DISPATCH_MARKER).delete()


def _dispatch() -> None:
    from .tasks import notifications_dispatch

    if not _dispatch_claim():
        return
    try:
        notifications_dispatch.delay()
    except Exception:  # the broker is down: the change is committed, the beat collects it
        logger.warning("Notifications collector not queued; the next beat collects.",
                       exc_info=True)
        dispatch_marker_clear()


def notifications_dispatch_after_commit() -> None:
    """After a change that people follow (minutes published, a new article or project):
    collect its notifications when the transaction commits, not only at the next beat (in
    development without beat, the only way). Once per transaction, however many changes."""
    if _is_quiet():
        return
    connection = transaction.get_connection()
    if any(func is _dispatch for _ids, func, *_rest in connection.run_on_commit):
        return
    transaction.on_commit(_dispatch)
