"""Reminders derived from the database, queued through the outbox exactly once.

`reminders_dispatch` runs from Celery beat every few minutes and right after a meeting is
published or cancelled or its minutes are published. It selects what is due *now* and
writes, per recipient, a `Reminder` row with a unique (recipient, object, kind) key and
the mail in the same transaction. A second, late or concurrent run finds the key taken
and sends nothing. What fell due while nothing ran is sent on the next run, as long as
it is still useful.

Kinds (object key "meeting:<pk>" or "action:<pk>"):

* invitation: the meeting is invited and has not started; to the active staff of the
  working group's member administrations (former members excluded) and of its
  coordinating administration. Carries the meeting's .ics file.
* meeting_before_<N>: N from the group's reminder days, the closest point already
  reached (a late run sends the 14-day reminder until the 1-day point takes over),
  and only points after the invitation; to registered people and to invitees without
  any registration. Not after the start. Mutable (MEETING).
* cancellation: the meeting is cancelled and had not started; to people registered or
  on the waiting list.
* action_due: open item, due within 3 days (today < due date); action_overdue_<year>-W<nn>:
  open and past due, once per ISO week. To the responsible person, else the editors
  (and coordinators) of the responsible administration. Mutable (ACTION_ITEM).
* action_assigned_<n>: an open item whose responsible person/administration or due date
  changed (its n-th such change, ActionItem.notice_sequence), once its minutes are
  published, within a week of the change or of the publication; to the same people as
  action_due. Mutable (ACTION_ASSIGNED).
* moved_up_<time>, changed_<sequence>: queued at once by meetings.notices (moving up from
  the waiting list; date, time or place of an invited meeting changed).
* minutes_missing_3 / _7: the meeting was held, its minutes are unpublished and 3 / 7
  days have passed since its end (meetings that ended more than four weeks ago are left
  alone); to active coordinators. Mutable (MINUTES).
* minutes_published: minutes published within the last week; to the invitees.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial

from django.conf import settings
from django.db.models import Q
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
from notifications.services import notify_personal

from .enums import ActionItemStatus, MeetingState, MinutesState, RegistrationStatus
from .ical import meeting_ics
from .models import ActionItem, Meeting, Registration, WorkingGroup

# The kinds a person may switch off (registered in MeetingsConfig.ready).
MEETING = ReminderKind(
    "meeting", _("Erinnerungen vor Sitzungen"),
    _("Eine E-Mail vor Sitzungen Ihrer Arbeitsgruppen – je nach Arbeitsgruppe zum Beispiel "
      "14 Tage und einen Tag vorher."))
ACTION_ITEM = ReminderKind(
    "action_item", _("Erinnerungen an fällige Aufgaben"),
    _("Eine E-Mail, wenn eine Aufgabe, für die Sie oder Ihre Verwaltung zuständig sind, bald "
      "fällig oder überfällig ist."))
ACTION_ASSIGNED = ReminderKind(
    "action_assigned", _("Neue Aufgaben und geänderte Fälligkeiten"),
    _("Eine E-Mail, wenn Sie oder Ihre Verwaltung für eine Aufgabe zuständig werden oder "
      "sich das Fälligkeitsdatum einer Ihrer Aufgaben ändert."))
MINUTES = ReminderKind(
    "minutes", _("Erinnerungen an fehlende Protokolle (Koordinierungsstelle)"),
    _("Für die Koordinierungsstelle: eine E-Mail, wenn das Protokoll einer stattgefundenen "
      "Sitzung noch nicht veröffentlicht ist."))
ACTION_DUE_DAYS = 3
MINUTES_MISSING_DAYS = (3, 7)
MINUTES_MISSING_HORIZON = timedelta(days=28)
MINUTES_PUBLISHED_HORIZON = timedelta(days=7)

Attachment = tuple[str, str, str]


@dataclass
class _Due:
    """One kind of mail about one object to a list of people."""

    kind: str
    obj: Meeting | ActionItem
    template: str
    recipients: list[User]
    mute: ReminderKind | None = None  # the kind with which a person switches it off
    context: dict = field(default_factory=dict)
    attachment: Callable[[], Attachment | None] | None = None

    @property
    def object_key(self) -> str:
        prefix = "meeting" if isinstance(self.obj, Meeting) else "action"
        return f"{prefix}:{self.obj.pk}"


def reminders_dispatch(now: datetime | None = None) -> int:
    """Queue every reminder due at `now` that was not queued before; returns the number of
    mails queued. Safe to run twice, late, or concurrently."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    dues = [
        *_meeting_dues(now, today), *_cancellation_dues(now),
        *_action_item_dues(today), *_action_assigned_dues(now), *_minutes_missing_dues(now),
    ]
    queued_before = _queued_before(dues)
    count = 0
    with translation.override("de"):
        for due in dues:
            recipients = _mailable(due, queued_before[(due.kind, due.object_key)])
            if recipients:
                count += _queue(due, recipients)
                if due.template == "action_assigned":
                    _assigned_in_app(due, recipients)
    return count


def _assigned_in_app(due: _Due, recipients: list[User]) -> None:
    """An action item one became responsible for is also a personal notification in the
    app (the mail above is the immediate one)."""
    item = due.obj
    notify_personal(recipients, kind="action_assigned", key=f"{due.object_key}:{due.kind}",
                    title=_("Aufgabe für Sie: %(title)s") % {"title": item.title},
                    url=f"{item.meeting.get_absolute_url()}#aufgaben", mail=False)


def _mailable(due: _Due, taken: set[int]) -> list[User]:
    """The recipients of a due mail who get it: active, with an address, not served before
    and not having switched its kind off."""
    return [user for user in due.recipients
            if user.is_active and user.email and user.pk not in taken
            and not (due.mute and due.mute.value in user.muted_reminders)]


def notice_recipients(meeting: Meeting, kind: str, now: datetime | None = None) -> list[User]:
    """Who the "cancellation" or "minutes_published" mail about this meeting reaches if the
    step is taken now: the same selection and filter as reminders_dispatch, for the
    confirmation pages ("37 Personen werden benachrichtigt")."""
    now = now or timezone.now()
    if kind == "cancellation":
        if meeting.starts_at <= now:
            return []
        due = _cancellation_due(meeting, [
            r.user for r in _cancellation_registrations().filter(meeting=meeting)])
    elif kind == "minutes_published":
        due = _minutes_published_due(meeting, _invitees([meeting], timezone.localdate(now)))
    else:
        raise ValueError(kind)
    taken = reminders_taken(object_keys={due.object_key}, kinds={kind})
    return _mailable(due, taken[(kind, due.object_key)])


def _minutes_published_due(meeting: Meeting, invitees: dict[int, list[User]]) -> _Due:
    return _Due("minutes_published", meeting, "minutes_published", invitees.get(meeting.pk, []))


def _cancellation_due(meeting: Meeting, people: list[User]) -> _Due:
    return _Due("cancellation", meeting, "cancellation", people)


def _cancellation_registrations():
    """Registrations whose people are told of a cancellation (registered or waiting)."""
    return Registration.objects.filter(
        status__in=[RegistrationStatus.REGISTERED, RegistrationStatus.WAITING],
    ).select_related("user", "meeting__working_group")


def _meeting_dues(now: datetime, today: date) -> list[_Due]:
    invited = list(Meeting.objects.filter(state=MeetingState.INVITED, starts_at__gt=now)
                   .select_related("working_group"))
    published = list(Meeting.objects.filter(
        state=MeetingState.MINUTES_PUBLISHED, minutes__state=MinutesState.PUBLISHED,
        minutes__published_at__gt=now - MINUTES_PUBLISHED_HORIZON,
    ).select_related("working_group"))
    invitees = _invitees([*invited, *published], today)
    answers: dict[int, dict[int, Registration]] = defaultdict(dict)
    for registration in Registration.objects.filter(meeting__in=invited).select_related("user"):
        answers[registration.meeting_id][registration.user_id] = registration

    dues = []
    for meeting in invited:
        dues.append(_Due("invitation", meeting, "invitation", invitees[meeting.pk],
                         attachment=partial(_ics_attachment, meeting)))
        days = _days_before_due(meeting, now)
        if days is None:
            continue
        kind, answered = f"meeting_before_{days}", answers[meeting.pk]
        registered = [r.user for r in answered.values()
                      if r.status == RegistrationStatus.REGISTERED]
        unanswered = [user for user in invitees[meeting.pk] if user.pk not in answered]
        dues.append(_Due(kind, meeting, "meeting_reminder", registered, MEETING,
                         {"registered": True, "days": days}))
        dues.append(_Due(kind, meeting, "meeting_reminder", unanswered, MEETING,
                         {"registered": False, "days": days}))
    for meeting in published:
        dues.append(_minutes_published_due(meeting, invitees))
    return dues


def _invitees(meetings: list[Meeting], today: date) -> dict[int, list[User]]:
    """Active staff of each meeting's working group (current members and the coordinating
    administration), in two queries however many meetings and people there are."""
    if not meetings:
        return {}
    administrations: dict[int, set[int]] = defaultdict(set)
    memberships = (
        WorkingGroup.members.through.objects
        .filter(workinggroup_id__in={m.working_group_id for m in meetings})
        .exclude(administration__member_until__lte=today)
        .values_list("workinggroup_id", "administration_id")
    )
    for group_id, administration_id in memberships:
        administrations[group_id].add(administration_id)
    for meeting in meetings:
        if meeting.working_group.coordinating_administration_id:
            administrations[meeting.working_group_id].add(
                meeting.working_group.coordinating_administration_id)
    staff: dict[int, list[User]] = defaultdict(list)
    everyone = set().union(*administrations.values())
    for user in User.objects.filter(is_active=True, administration_id__in=everyone):
        staff[user.administration_id].append(user)
    return {
        meeting.pk: [user for administration_id in sorted(administrations[meeting.working_group_id])
                     for user in staff[administration_id]]
        for meeting in meetings
    }


def _days_before_due(meeting: Meeting, now: datetime) -> int | None:
    """The reminder point that applies now: the closest one already reached, ignoring
    points that lay before the invitation went out."""
    reached = [
        days for days in set(meeting.working_group.reminder_days or []) if days > 0
        and meeting.starts_at - timedelta(days=days) <= now
        and (meeting.invited_at is None
             or meeting.starts_at - timedelta(days=days) >= meeting.invited_at)
    ]
    return min(reached, default=None)


def _ics_attachment(meeting: Meeting) -> Attachment:
    return (f"sitzung-{meeting.pk}.ics", meeting_ics(meeting), "text/calendar")


def _cancellation_dues(now: datetime) -> list[_Due]:
    registrations = _cancellation_registrations().filter(
        meeting__state=MeetingState.CANCELLED, meeting__starts_at__gt=now)
    meetings, people = {}, defaultdict(list)
    for registration in registrations:
        meetings[registration.meeting_id] = registration.meeting
        people[registration.meeting_id].append(registration.user)
    return [_cancellation_due(meetings[pk], people[pk]) for pk in meetings]


def _responsible_people(items: list[ActionItem]) -> dict[int, list[User]]:
    """Per item: the responsible person, else the editors (and coordinators) of the
    responsible administration; one query for all items."""
    without_person = {item.responsible_administration_id for item in items
                      if not _is_active(item.responsible_user)}
    editors: dict[int, list[User]] = defaultdict(list)
    for user in User.objects.filter(is_active=True, role__in=[Role.EDITOR, Role.COORDINATOR],
                                    administration_id__in=without_person - {None}):
        editors[user.administration_id].append(user)
    return {item.pk: [item.responsible_user] if _is_active(item.responsible_user)
            else editors.get(item.responsible_administration_id, []) for item in items}


def _action_item_dues(today: date) -> list[_Due]:
    items = list(
        ActionItem.objects.filter(
            status=ActionItemStatus.OPEN, due_date__isnull=False,
            due_date__lte=today + timedelta(days=ACTION_DUE_DAYS),
        ).exclude(due_date=today)
        .select_related("meeting__working_group", "responsible_user",
                        "responsible_administration")
    )
    people = _responsible_people(items)
    year, week, _weekday = today.isocalendar()
    dues = []
    for item in items:
        recipients = people[item.pk]
        if item.due_date < today:
            dues.append(_Due(f"action_overdue_{year}-W{week:02d}", item, "action_overdue",
                             recipients, ACTION_ITEM))
        else:
            dues.append(_Due("action_due", item, "action_due", recipients,
                             ACTION_ITEM))
    return dues


def _action_assigned_dues(now: datetime) -> list[_Due]:
    """Who became responsible for an item, or whose item got another due date. Told once
    the minutes are out (drafts are the coordination office's own); people told about an
    earlier change of the item read that the due date changed."""
    since = now - MINUTES_PUBLISHED_HORIZON
    items = list(
        ActionItem.objects.filter(status=ActionItemStatus.OPEN, notice_sequence__gt=0,
                                  meeting__minutes__state=MinutesState.PUBLISHED)
        .filter(Q(notice_changed_at__gt=since) | Q(meeting__minutes__published_at__gt=since))
        .select_related("meeting__working_group", "responsible_user",
                        "responsible_administration")
    )
    if not items:
        return []
    people = _responsible_people(items)
    told = set(Reminder.objects.filter(
        object_key__in=[f"action:{item.pk}" for item in items],
        kind__startswith="action_assigned_").values_list("object_key", "recipient_id"))
    dues = []
    for item in items:
        kind = f"action_assigned_{item.notice_sequence}"
        earlier = [u for u in people[item.pk] if (f"action:{item.pk}", u.pk) in told]
        first = [u for u in people[item.pk] if u not in earlier]
        dues.append(_Due(kind, item, "action_assigned", first, ACTION_ASSIGNED))
        dues.append(_Due(kind, item, "action_assigned", earlier, ACTION_ASSIGNED,
                         {"due_changed": True}))
    return dues


def _is_active(user: User | None) -> bool:
    return user is not None and user.is_active


def _minutes_missing_dues(now: datetime) -> list[_Due]:
    meetings = list(
        Meeting.objects.filter(
            state=MeetingState.HELD, ends_at__lte=now - timedelta(days=MINUTES_MISSING_DAYS[0]),
            ends_at__gt=now - MINUTES_MISSING_HORIZON,
        ).exclude(minutes__state=MinutesState.PUBLISHED).select_related("working_group")
    )
    if not meetings:
        return []
    coordinators = list(User.objects.filter(is_active=True, role=Role.COORDINATOR))
    dues = []
    for meeting in meetings:
        days = max(d for d in MINUTES_MISSING_DAYS if meeting.ends_at + timedelta(days=d) <= now)
        dues.append(_Due(f"minutes_missing_{days}", meeting, "minutes_missing", coordinators,
                         MINUTES, {"days": days}))
    return dues


def _queued_before(dues: list[_Due]) -> dict[tuple[str, str], set[int]]:
    """Who already has each (kind, object) reminder, in one query."""
    user_ids = {user.pk for due in dues for user in due.recipients}
    if not user_ids:
        return defaultdict(set)
    return reminders_taken(object_keys={due.object_key for due in dues},
                           kinds={due.kind for due in dues}, recipient_ids=user_ids)


def _queue(due: _Due, recipients: list[User]) -> int:
    """Reminder rows and their mails in one transaction (common.reminders)."""
    def mails_for(users: list[User]) -> list[OutgoingMail]:
        attachment = due.attachment() if due.attachment else None
        context = _context(due)
        subject = render_subject(f"meetings/email/{due.template}_subject.txt", context)
        return [_mail(due.template, context, subject, user, attachment) for user in users]

    return reminders_queue(kind=due.kind, object_key=due.object_key, recipients=recipients,
                           mails_for=mails_for)


def _context(due: _Due) -> dict:
    meeting = due.obj if isinstance(due.obj, Meeting) else due.obj.meeting
    return {
        **due.context,
        "meeting": meeting,
        "item": due.obj if isinstance(due.obj, ActionItem) else None,
        "link": settings.SITE_URL + meeting.get_absolute_url(),
        "settings_link": notification_settings_link() if due.mute else "",
        "site_url": settings.SITE_URL,
    }


def _mail(template: str, context: dict, subject: str, user: User,
          attachment: Attachment | None) -> OutgoingMail:
    context = {**context, "recipient": user, "attachment": attachment is not None}
    name, content, mimetype = attachment or ("", "", "")
    return OutgoingMail(
        to=user.email, subject=subject,
        body_text=render_to_string(f"meetings/email/{template}.txt", context),
        body_html=render_to_string(f"meetings/email/{template}.html", context),
        attachment_name=name, attachment_content=content, attachment_mimetype=mimetype,
    )


def meeting_reminder_expired_reason(reminder: Reminder, now: datetime) -> str:
    """Why a queued reminder should no longer go out (empty if it still should); asked by
    the outbox right before sending."""
    prefix, _sep, pk = reminder.object_key.partition(":")
    kind = reminder.kind
    if prefix == "action":
        item = ActionItem.objects.filter(pk=int(pk)).first()
        if item is None or item.status != ActionItemStatus.OPEN:
            return "Nicht versandt: Die Aufgabe ist erledigt oder gelöscht."
        return ""
    if prefix != "meeting":
        return ""
    meeting = Meeting.objects.filter(pk=int(pk)).first()
    if meeting is None:
        return "Nicht versandt: Die Sitzung gibt es nicht mehr."
    before_meeting = kind == "invitation" or kind.startswith(
        ("meeting_before_", "moved_up_", "changed_"))
    if before_meeting and meeting.state != MeetingState.INVITED:
        return "Nicht versandt: Die Sitzung ist abgesagt oder vorbei."
    if (before_meeting or kind == "cancellation") and meeting.starts_at <= now:
        return "Nicht versandt: Die Sitzung hat bereits begonnen."
    if kind.startswith("minutes_missing_") and meeting.state != MeetingState.HELD:
        return "Nicht versandt: Das Protokoll ist inzwischen veröffentlicht."
    return ""
