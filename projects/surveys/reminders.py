"""Reminders for open Sachstandserhebungen, derived from the database like the meeting
reminders (meetings.reminders) and queued through the outbox exactly once.

For every open round whose deadline has not passed, each current member that has not
completed its answer is reminded; the mail goes to the administration's active editors
and to active coordinators who belong to it (the people who may answer for it). Readers
are not reminded: they cannot answer. A member without anyone who may answer gets no
mail; the round page shows it as "ohne Redaktion" so the coordination office can call.

Kinds (object key "survey_round:<pk>", mutable as SURVEY):

* survey_opened: when the round opens (also queued right after opening).
* survey_due_7: from 7 days before the deadline (at REMINDER_TIME).
* survey_due_1: from 1 day before the deadline.

A run sends only the latest point already reached, and only points that lie after the
opening: a late run does not send three mails at once, and a round opened five days
before its deadline starts with survey_opened, not survey_due_7. Nothing is queued once
the deadline day is over, the round is closed, or the member has completed.
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q
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

from ..enums import SurveyState
from ..models import SurveyResponse, SurveyRound

OPENED = "survey_opened"
DUE_DAYS = (7, 1)
REMINDER_TIME = time(7, 0)  # due reminders are sent from this time of day on
TEMPLATE = "projects/email/survey_reminder"
# The kind a person may switch off (registered in ProjectsConfig.ready).
SURVEY = ReminderKind(
    "survey", _("Erinnerungen an offene Sachstandserhebungen"),
    _("Eine E-Mail, solange Ihre Verwaltung in einer laufenden Sachstandserhebung noch nicht "
      "geantwortet hat."))


def survey_object_key(survey_round: SurveyRound) -> str:
    return f"survey_round:{survey_round.pk}"


def survey_reminders_dispatch(now: datetime | None = None) -> int:
    """Queue every survey reminder due at `now` that was not queued before; returns the
    number of mails queued. Safe to run twice, late, or concurrently."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    rounds = [
        (survey_round, survey_reminder_kind(survey_round, now)) for survey_round in
        SurveyRound.objects.filter(state=SurveyState.OPEN, deadline__gte=today,
                                   opened_at__lte=now)
        .select_related("meeting").prefetch_related("topics", "themenfelder")
    ]
    if not rounds:
        return 0
    members = list(Administration.objects.current(today))
    completed = set(SurveyResponse.objects.filter(
        round__in=[r for r, _kind in rounds], completed_at__isnull=False,
    ).values_list("round_id", "administration_id"))
    people = _people_who_may_answer([m.pk for m in members])
    taken = reminders_taken(object_keys=[survey_object_key(r) for r, _kind in rounds])
    count = 0
    with translation.override("de"):
        for survey_round, kind in rounds:
            for administration in members:
                if (survey_round.pk, administration.pk) in completed:
                    continue
                recipients = [
                    user for user in people[administration.pk]
                    if user.email and SURVEY.value not in user.muted_reminders
                    and user.pk not in taken[(kind, survey_object_key(survey_round))]
                ]
                if recipients:
                    count += _queue(survey_round, kind, administration, recipients, today)
    return count


def survey_reminder_kind(survey_round: SurveyRound, now: datetime) -> str:
    """The reminder point that applies now: the latest one reached after the opening."""
    reached = [
        days for days in DUE_DAYS
        if survey_round.opened_at <= _point(survey_round.deadline, days) <= now
    ]
    return f"survey_due_{min(reached)}" if reached else OPENED


def _point(deadline: date, days: int) -> datetime:
    return timezone.make_aware(datetime.combine(deadline - timedelta(days=days), REMINDER_TIME))


def _people_who_may_answer(administration_ids: list[int]) -> dict[int, list[User]]:
    people: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(is_active=True, administration_id__in=administration_ids,
                                    role__in=[Role.EDITOR, Role.COORDINATOR]):
        people[user.administration_id].append(user)
    return people


def _queue(survey_round: SurveyRound, kind: str, administration: Administration,
           recipients: list[User], today: date) -> int:
    """Reminder rows and their mails in one transaction (common.reminders)."""
    def mails_for(users: list[User]) -> list[OutgoingMail]:
        context = {
            "survey_round": survey_round, "administration": administration,
            "kind": kind, "days_left": (survey_round.deadline - today).days,
            "link": settings.SITE_URL + reverse(
                "projects:survey_answer", args=[survey_round.pk, administration.slug]),
            "settings_link": notification_settings_link(),
            "site_url": settings.SITE_URL,
        }
        subject = render_subject(f"{TEMPLATE}_subject.txt", context)
        return [_mail(context, subject, user) for user in users]

    return reminders_queue(kind=kind, object_key=survey_object_key(survey_round),
                           recipients=recipients, mails_for=mails_for)


def _mail(context: dict, subject: str, user: User) -> OutgoingMail:
    context = {**context, "recipient": user}
    return OutgoingMail(
        to=user.email, subject=subject,
        body_text=render_to_string(f"{TEMPLATE}_body.txt", context),
        body_html=render_to_string(f"{TEMPLATE}_body.html", context),
    )


def survey_reminder_expired_reason(reminder: Reminder, now: datetime) -> str:
    """Why a queued survey reminder should no longer go out (empty if it still should);
    for the outbox to ask right before sending."""
    pk = int(reminder.object_key.partition(":")[2])
    survey_round = SurveyRound.objects.filter(pk=pk).first()
    if survey_round is None:
        return "Nicht versandt: Die Erhebung gibt es nicht mehr."
    if survey_round.state != SurveyState.OPEN:
        return "Nicht versandt: Die Erhebung ist abgeschlossen."
    if survey_round.deadline < timezone.localdate(now):
        return "Nicht versandt: Die Frist der Erhebung ist abgelaufen."
    answered = SurveyResponse.objects.filter(
        Q(administration__staff=reminder.recipient_id), round=survey_round,
        completed_at__isnull=False)
    if answered.exists():
        return "Nicht versandt: Die Verwaltung hat bereits geantwortet."
    return ""
