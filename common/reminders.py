"""The generic reminder queue and the registries the apps fill with their reminders.

Reminders are derived from data: an app's periodic task selects what is due and calls
`reminders_queue`, which inserts one `Reminder` row per (recipient, object, kind) and
queues its mail in the same transaction. A row another run inserted first is skipped by
the database, and so is its mail: beat may fire twice, late or concurrently, and nothing
goes out twice.

Two registries, filled in the apps' AppConfig.ready():

* `reminder_kinds_register(ReminderKind(...))`: the kinds of reminder a person may switch
  off on the notification settings page; the values are stored in `User.muted_reminders`.
* `reminder_expiry_register(prefix, check)`: for reminders whose object key starts with
  "<prefix>:", the function the outbox asks right before sending why the reminder is no
  longer useful (meeting cancelled, task done, survey closed; empty if it still is).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from .models import OutgoingMail, Reminder
from .outbox import mail_queue_bulk


@dataclass(frozen=True)
class ReminderKind:
    """A kind of reminder a person may switch off (invitations and cancellations always
    go). `value` is stored in the users' muted reminders and must never change."""

    value: str
    label: str
    help_text: str
    # Who gets this kind at all (e.g. only the coordination office); None: everyone.
    offered_to: Callable[[object], bool] | None = None

    def is_offered_to(self, user) -> bool:
        return self.offered_to is None or self.offered_to(user)


_KINDS: dict[str, ReminderKind] = {}
_EXPIRY_CHECKS: dict[str, Callable[[Reminder, datetime], str]] = {}


def reminder_kinds_register(*kinds: ReminderKind) -> None:
    """Offer these kinds on the notification settings page (in the order registered)."""
    for kind in kinds:
        existing = _KINDS.get(kind.value)
        if existing is not None and existing != kind:
            raise ValueError(f"Reminder kind {kind.value!r} is already registered.")
        _KINDS[kind.value] = kind


def reminder_kinds(user=None) -> list[ReminderKind]:
    """Every kind of reminder a person may switch off, in the order the apps registered;
    with `user`, only the kinds that person can receive."""
    return [kind for kind in _KINDS.values() if user is None or kind.is_offered_to(user)]


def reminder_expiry_register(prefix: str, check: Callable[[Reminder, datetime], str]) -> None:
    """Let the outbox ask `check(reminder, now)` before sending a reminder whose object key
    is "<prefix>:…"; a non-empty answer is the reason it is not sent."""
    _EXPIRY_CHECKS[prefix] = check


def reminder_expired_reason(reminder: Reminder, now: datetime) -> str:
    """Why a queued reminder should no longer go out; empty if it should (or nobody
    registered a check for its object)."""
    check = _EXPIRY_CHECKS.get(reminder.object_key.partition(":")[0])
    return check(reminder, now) if check else ""


def notification_settings_link() -> str:
    """The full address of the page on which a person switches reminders off."""
    return settings.SITE_URL + reverse("notifications")


def reminders_taken(*, object_keys: Iterable[str], kinds: Iterable[str] | None = None,
                    recipient_ids: Iterable[int] | None = None
                    ) -> dict[tuple[str, str], set[int]]:
    """Who already has each (kind, object key) reminder, in one query."""
    taken: dict[tuple[str, str], set[int]] = defaultdict(set)
    rows = Reminder.objects.filter(object_key__in=set(object_keys))
    if kinds is not None:
        rows = rows.filter(kind__in=set(kinds))
    if recipient_ids is not None:
        rows = rows.filter(recipient_id__in=set(recipient_ids))
    for kind, object_key, user_id in rows.values_list("kind", "object_key", "recipient_id"):
        taken[(kind, object_key)].add(user_id)
    return taken


def reminders_queue(*, kind: str, object_key: str, recipients: Sequence,
                    mails_for: Callable[[list], list[OutgoingMail]]) -> int:
    """Insert the reminder rows of these recipients and queue their mails, in one
    transaction; returns the number of new reminders. `mails_for(users)` gets the
    recipients who had no such reminder yet and returns one unsaved mail per user, in the
    same order (it runs only if there is any, so shared work such as an attachment is
    done only then)."""
    by_id = {user.pk: user for user in recipients}
    if not by_id:
        return 0
    with transaction.atomic():
        new = _reminders_insert(kind, object_key, list(by_id))
        if not new:
            return 0
        mails = mail_queue_bulk(mails_for([by_id[user_id] for _reminder_id, user_id in new]))
        _reminders_link(new, mails)
    return len(new)


def _reminders_insert(kind: str, object_key: str, user_ids: list[int]) -> list[tuple[int, int]]:
    """INSERT … ON CONFLICT DO NOTHING, returning (reminder id, recipient id) of new rows
    only (the ORM's ignore_conflicts cannot say which rows were new)."""
    table = Reminder._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (recipient_id, object_key, kind, created_at)"  # noqa: S608
            " SELECT r, %s, %s, %s FROM unnest(%s::bigint[]) AS r"
            " ON CONFLICT (recipient_id, object_key, kind) DO NOTHING"
            " RETURNING id, recipient_id",
            [object_key, kind, timezone.now(), user_ids],
        )
        return cursor.fetchall()


def _reminders_link(new: list[tuple[int, int]], mails: list[OutgoingMail]) -> None:
    table = Reminder._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} AS r SET mail_id = v.mail_id"  # noqa: S608
            " FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, mail_id) WHERE r.id = v.id",
            [[reminder_id for reminder_id, _user_id in new], [mail.pk for mail in mails]],
        )
