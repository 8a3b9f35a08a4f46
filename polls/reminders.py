"""Reminders for open Rundfragen, derived from the database like the meeting and survey
reminders (meetings.reminders, projects.surveys.reminders), queued through the outbox
exactly once.

For every open, visible Rundfrage, each administration of its audience that has not handed
in its answer is reminded 3 days and 1 day before the deadline; the mail goes to the
administration's active editors (and coordinators who belong to it), the people who may
hand the answer in. A run sends only the latest point already reached, and only points
after the Rundfrage was asked (or reopened): a late run does not send two mails at once,
and a Rundfrage asked two days before its deadline gets only the 1-day reminder.

Kinds (object key "poll:<pk>", mutable as POLL): poll_due_3, poll_due_1; after a reopening
poll_due_3_reopened, poll_due_1_reopened (the new deadline is reminded of again, once).
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.conf import settings
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
from members.models import Administration, User
from members.rules import is_editor

from .models import Answer, AnswerState, Poll
from .selectors import audience_administrations, is_open

PREFIX = "poll"
DUE_DAYS = (3, 1)
REMINDER_TIME = time(7, 0)  # reminders go out from this time of day on
TEMPLATE = "polls/email/poll_reminder"
# The kind a person may switch off (registered in PollsConfig.ready); offered to those who
# receive it, the people who may hand in an answer.
POLL = ReminderKind(
    "poll", _("Erinnerungen an offene Rundfragen"),
    _("Eine E-Mail drei Tage und einen Tag vor der Frist, solange Ihre Verwaltung eine "
      "Rundfrage, in der sie gefragt ist, noch nicht beantwortet hat."),
    offered_to=is_editor)


def poll_object_key(poll: Poll) -> str:
    return f"{PREFIX}:{poll.pk}"


def poll_reminder_kind(poll: Poll, now: datetime) -> str | None:
    """The reminder point that applies now (None before the first): the latest one reached
    after the Rundfrage was asked or reopened."""
    start = poll.reopened_at or poll.created_at
    reached = [days for days in DUE_DAYS if start <= _point(poll.deadline, days) <= now]
    if not reached:
        return None
    return f"poll_due_{min(reached)}" + ("_reopened" if poll.reopened_at else "")


def _point(deadline: date, days: int) -> datetime:
    return timezone.make_aware(datetime.combine(deadline - timedelta(days=days), REMINDER_TIME))


def poll_reminders_dispatch(now: datetime | None = None) -> int:
    """Queue every Rundfrage reminder due at `now` that was not queued before; returns the
    number of mails queued. Safe to run twice, late, or concurrently."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = [(poll, kind) for poll in Poll.objects.filter(
               closed_at__isnull=True, hidden_at__isnull=True, deadline__gte=today,
               deadline__lte=today + timedelta(days=max(DUE_DAYS)))
           if is_open(poll, now) and (kind := poll_reminder_kind(poll, now))]
    if not due:
        return 0
    answered = set(Answer.objects.filter(
        poll__in=[poll for poll, _kind in due], state=AnswerState.FINAL,
    ).values_list("poll_id", "administration_id"))
    taken = reminders_taken(object_keys=[poll_object_key(poll) for poll, _kind in due])
    count = 0
    with translation.override("de"):
        for poll, kind in due:
            asked = [a for a in audience_administrations(poll) if (poll.pk, a.pk) not in answered]
            people = _people_who_may_answer([a.pk for a in asked])
            already = taken[(kind, poll_object_key(poll))]
            for administration in asked:
                recipients = [user for user in people[administration.pk]
                              if user.email and POLL.value not in user.muted_reminders
                              and user.pk not in already]
                if recipients:
                    count += _queue(poll, kind, administration, recipients, today)
    return count


def _people_who_may_answer(administration_ids: list[int]) -> dict[int, list[User]]:
    people: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(is_active=True, administration_id__in=administration_ids,
                                    role__in=[Role.EDITOR, Role.COORDINATOR]):
        people[user.administration_id].append(user)
    return people


def _queue(poll: Poll, kind: str, administration: Administration, recipients: list[User],
           today: date) -> int:
    """Reminder rows and their mails in one transaction (common.reminders)."""
    def mails_for(users: list[User]) -> list[OutgoingMail]:
        context = {
            "poll": poll, "administration": administration, "kind": kind,
            "days_left": (poll.deadline - today).days,
            "link": settings.SITE_URL + reverse("polls:detail", args=[poll.pk]) + "#antwort",
            "settings_link": notification_settings_link(), "site_url": settings.SITE_URL,
        }
        subject = render_subject(f"{TEMPLATE}_subject.txt", context)
        return [_mail(context, subject, user) for user in users]

    return reminders_queue(kind=kind, object_key=poll_object_key(poll), recipients=recipients,
                           mails_for=mails_for)


def _mail(context: dict, subject: str, user: User) -> OutgoingMail:
    context = {**context, "recipient": user}
    return OutgoingMail(to=user.email, subject=subject,
                        body_text=render_to_string(f"{TEMPLATE}_body.txt", context),
                        body_html=render_to_string(f"{TEMPLATE}_body.html", context))


def poll_reminder_expired_reason(reminder: Reminder, now: datetime) -> str:
    """Why a queued Rundfrage reminder should no longer go out (empty if it still should);
    for the outbox to ask right before sending."""
    pk = int(reminder.object_key.partition(":")[2])
    poll = Poll.objects.filter(pk=pk).first()
    if poll is None:
        return "Nicht versandt: Die Rundfrage gibt es nicht mehr."
    if poll.hidden_at is not None:
        return "Nicht versandt: Die Rundfrage wurde ausgeblendet."
    if not is_open(poll, now):
        return "Nicht versandt: Die Rundfrage ist beendet."
    answered = Answer.objects.filter(poll=poll, administration__staff=reminder.recipient_id,
                                     state=AnswerState.FINAL)
    if answered.exists():
        return "Nicht versandt: Die Verwaltung hat bereits geantwortet."
    return ""
