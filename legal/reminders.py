"""Reminders about unanswered feedback messages, derived from the database and queued
through the outbox exactly once (common.reminders).

The beat task `legal.tasks.feedback_reminders_dispatch` runs every few minutes. A message
that is still unanswered REMIND_DAYS_BEFORE days before its one-month deadline (or later,
if nothing ran in time) gets one reminder per active coordinator: a unique
(recipient, "feedback:<pk>", "feedback_due") row written in the transaction that queues
the mail, so beat may fire twice, late or concurrently and nothing goes out twice. If the
message is answered before the mail leaves, the outbox drops it (feedback_reminder_expired).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.template.loader import render_to_string
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
from members.rules import is_coordinator

from .enums import OPEN_STATES
from .models import Feedback

FEEDBACK = ReminderKind(
    "feedback", _("Erinnerungen an unbeantwortete Rückmeldungen (Koordinierungsstelle)"),
    _("Für die Koordinierungsstelle: eine E-Mail eine Woche bevor die Monatsfrist für die "
      "Antwort auf eine Rückmeldung („Barriere melden“, Kontakt) abläuft."),
    offered_to=is_coordinator)
KIND = "feedback_due"
REMIND_DAYS_BEFORE = 7


def _object_key(feedback: Feedback) -> str:
    return f"feedback:{feedback.pk}"


def feedback_reminders_dispatch(now: datetime | None = None) -> int:
    """Queue the reminders due at `now` that were not queued before; returns the number of
    mails queued. Safe to run twice, late, or concurrently."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = list(Feedback.objects.filter(
        state__in=OPEN_STATES, answer_due__lte=today + timedelta(days=REMIND_DAYS_BEFORE))
        .order_by("answer_due", "pk"))
    if not due:
        return 0
    coordinators = [user for user in User.objects.filter(
        is_active=True, role=Role.COORDINATOR).exclude(email="").order_by("pk")
        if FEEDBACK.value not in user.muted_reminders]
    if not coordinators:
        return 0
    taken = reminders_taken(object_keys={_object_key(f) for f in due}, kinds={KIND},
                            recipient_ids={user.pk for user in coordinators})
    count = 0
    with translation.override("de"):
        for feedback in due:
            key = _object_key(feedback)
            recipients = [user for user in coordinators if user.pk not in taken[(KIND, key)]]
            if recipients:
                count += reminders_queue(
                    kind=KIND, object_key=key, recipients=recipients,
                    mails_for=lambda users, feedback=feedback: _mails(feedback, users, today))
    return count


def _mails(feedback: Feedback, users: list[User], today) -> list[OutgoingMail]:
    context = {"feedback": feedback, "days_left": (feedback.answer_due - today).days,
               "link": settings.SITE_URL + feedback.get_absolute_url(),
               "settings_link": notification_settings_link(), "site_url": settings.SITE_URL}
    subject = render_subject("legal/email/feedback_due_subject.txt", context)
    mails = []
    for user in users:
        personal = {**context, "recipient": user}
        mails.append(OutgoingMail(
            to=user.email, subject=subject,
            body_text=render_to_string("legal/email/feedback_due.txt", personal),
            body_html=render_to_string("legal/email/feedback_due.html", personal)))
    return mails


def feedback_reminder_expired(reminder: Reminder, now: datetime) -> str:
    """Why a queued reminder should no longer go out (empty if it should); asked by the
    outbox right before sending."""
    pk = reminder.object_key.partition(":")[2]
    feedback = Feedback.objects.filter(pk=int(pk)).first() if pk.isdecimal() else None
    if feedback is None:
        return "Nicht versandt: Die Rückmeldung gibt es nicht mehr."
    if not feedback.is_open:
        return "Nicht versandt: Die Rückmeldung ist beantwortet."
    return ""
