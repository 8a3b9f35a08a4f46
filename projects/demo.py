"""Demo projects: the topic catalogue, the OZG catalogue, statuses of the ten districts with
their history, three survey rounds (two closed with snapshots, one open) and three joint
projects with milestones. Runs after members.demo and meetings.demo, whose districts,
contacts, logins, working group, meetings and decisions it uses (meetings are optional).

Statuses are written through projects.statuses.services.status_save by the coordinator login, so
history and summary counts are kept as in real use. A topic status that does not exist yet is
built phase by phase (first capture, two survey rounds, today; see demo_texts.PHASES) and its
history rows are then dated back to those phases; OZG statuses with their maturity levels are
recorded once, in the open round (fewer writes: each status_save costs about ten queries). A
status that exists is only brought to today's values, and only if they differ. Every other
row is found by a natural key (topic and project: slug; round: title; response and
snapshot: round, administration and subject; milestone: project and title) and only written
when a value differs, so a second run changes nothing. Dates are derived from the meeting series of
meetings.demo (and so from the Monday of the current week). No mail is sent.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import models
from django.utils import timezone

from meetings import demo as meetings_demo
from meetings.enums import MeetingState
from meetings.models import Decision, Meeting, WorkingGroup
from meetings.selectors.planning import add_months
from members.models import Administration, ContactPerson, User

from . import demo_texts as texts
from .catalogue.ozg_import import ozg_catalogue_import
from .enums import StatusSource, SurveyState
from .models import (
    JointProject,
    Milestone,
    OzgService,
    Status,
    StatusChange,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
    Topic,
)
from .statuses.history_summaries import stage_months_rebuild
from .statuses.services import status_save

BERLIN = meetings_demo.BERLIN
SURVEY_WINDOW = timedelta(days=28)  # a closed round was open four weeks
DEADLINE_BEFORE_MEETING = timedelta(days=14)
FIRST_CAPTURE_BEFORE_ROUND = timedelta(days=28)
OPEN_ROUND_DEADLINE = timedelta(days=18)  # after the Monday of this week: about two weeks


def _at(day: date, at: time = time(10)) -> datetime:
    return datetime.combine(day, at, tzinfo=BERLIN)


@dataclass(frozen=True)
class _RoundDates:
    opened: datetime
    deadline: date
    closed: datetime | None


class _Calendar:
    """Every date of the demo, derived from the meeting series for the day of the run."""

    def __init__(self, today: date):
        self.today = today
        self.monday = today - timedelta(days=today.weekday())
        self.meetings = [start.astimezone(BERLIN).date()
                         for start in meetings_demo.series_starts(texts.KREISHAUS, today)]

    def meeting(self, number: int) -> date:
        return self.meetings[number - 1]

    def round(self, spec: texts.Round) -> _RoundDates:
        if not spec.closed:
            return _RoundDates(_at(self.monday - timedelta(days=7), time(9)),
                               self.monday + OPEN_ROUND_DEADLINE, None)
        deadline = self.meeting(spec.meeting) - DEADLINE_BEFORE_MEETING
        return _RoundDates(_at(deadline - SURVEY_WINDOW, time(9)), deadline,
                           _at(deadline + timedelta(days=1), time(9)))

    def phases(self, index: int) -> list[datetime]:
        """When district number `index` entered each phase of its statuses."""
        first, second, current = (self.round(spec).opened.date()
                                  for spec in texts.SURVEY_ROUNDS)
        return [_at(first - FIRST_CAPTURE_BEFORE_ROUND + timedelta(days=index)),
                _at(first + timedelta(days=3 + 2 * index)),
                _at(second + timedelta(days=3 + 2 * index)),
                _at(current + timedelta(days=1 + index % 5))]


def _differs(obj: models.Model, values: dict) -> bool:
    for name, value in values.items():
        field = obj._meta.get_field(name)
        current = getattr(obj, field.attname if field.is_relation else name)
        if field.is_relation:
            value = value.pk if value is not None else None
        if current != value:
            return True
    return False


def _sync(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """Find by natural key; create, or validate and save only when a value differs."""
    obj = model.objects.filter(**lookup).order_by("pk").first()
    if obj is not None and not _differs(obj, values):
        return obj
    if obj is None:
        obj = model(**lookup, **values)
    else:
        for name, value in values.items():
            setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def load_topics() -> dict[str, Topic]:
    order_in_group: dict[str, int] = {}
    topics = {}
    for slug, name, group, description in texts.TOPICS:
        order_in_group[group] = order_in_group.get(group, 0) + 1
        topics[slug] = _sync(Topic, {"slug": slug}, {
            "name": name, "group": group, "description": description,
            "order": order_in_group[group], "is_active": True})
    return topics


def load_ozg_catalogue() -> None:
    report = ozg_catalogue_import()
    if report.rejected:
        raise ValueError(report.rejection_message())


@dataclass
class _Subject:
    """One status to load: a topic or a service of one district, with its spec."""

    administration: Administration
    topic: Topic | None
    service: OzgService | None
    spec: texts.T | texts.S
    department: str


def _topic_phases(subject: _Subject, dates: list[datetime], contact: ContactPerson | None
                  ) -> list[dict]:
    """The tracked fields of a topic status as they stood in each phase."""
    spec, stages = subject.spec, [int(digit) for digit in subject.spec.stages]
    active = next((i for i, stage in enumerate(stages) if stage > 0), len(stages))
    in_progress = next((i for i, stage in enumerate(stages) if stage >= 2), len(stages))
    reached = [i for i in range(len(stages)) if i == 0 or stages[i] != stages[i - 1]]
    phases = []
    for phase, stage in enumerate(stages):
        since = dates[max(i for i in reached if i <= phase)].date() if stage else None
        phases.append({
            "stage": stage, "since": since,
            "department": subject.department if phase >= active else "",
            "contact_id": contact.pk if contact and phase >= active else None,
            "product": spec.product if phase >= in_progress else "",
            # The note describes today's stage, so it was written when that was reached.
            "note": spec.note if phase >= reached[-1] else "",
        })
    return phases


def _service_phases(subject: _Subject) -> list[dict | None]:
    """OZG statuses are recorded for the first time in the open round (the last phase)."""
    spec = subject.spec
    return [None] * (len(texts.PHASES) - 1) + [{
        "stage": spec.stage, "maturity": spec.maturity, "since": None,
        "department": subject.department, "contact_id": None, "product": spec.product,
        "note": spec.note}]


def _subjects(districts: dict[str, Administration], topics: dict[str, Topic],
              services: dict[int, OzgService]) -> list[_Subject]:
    subjects = []
    for key, statuses in texts.TOPIC_STATUSES.items():
        for slug, spec in statuses.items():
            subjects.append(_Subject(districts[key], topics[slug], None, spec,
                                     spec.department or texts.TOPIC_DEPARTMENTS[slug]))
    for key, statuses in texts.SERVICE_STATUSES.items():
        for spec in statuses:
            subjects.append(_Subject(districts[key], None, services[spec.ozg_id], spec,
                                     texts.SERVICE_DEPARTMENTS[spec.ozg_id]))
    return subjects


def _subject_key(administration_id: int, topic_id: int | None, service_id: int | None):
    return administration_id, topic_id, service_id


def _key(subject: _Subject) -> tuple[int, int | None, int | None]:
    return _subject_key(subject.administration.pk, subject.topic and subject.topic.pk,
                        subject.service and subject.service.pk)


def phases_of(subjects: list[_Subject], calendar: _Calendar
              ) -> dict[tuple, list[dict | None]]:
    """Every subject's tracked fields per phase (None: no status yet), by subject key."""
    admin_ids = {subject.administration.pk for subject in subjects}
    contacts = {(c.administration_id, c.name): c
                for c in ContactPerson.objects.filter(administration_id__in=admin_ids)
                .order_by("administration_id", "order", "name")}
    first_contact: dict[int, ContactPerson] = {}
    for (admin_id, _name), contact in contacts.items():
        first_contact.setdefault(admin_id, contact)
    order = list(texts.ALL_DISTRICTS)
    result = {}
    for subject in subjects:
        admin = subject.administration
        if subject.topic is None:
            result[_key(subject)] = _service_phases(subject)
            continue
        name = subject.spec.contact
        contact = contacts[admin.pk, name] if name else first_contact.get(admin.pk)
        result[_key(subject)] = _topic_phases(
            subject, calendar.phases(order.index(admin.regional_key)), contact)
    return result


def load_statuses(subjects: list[_Subject], phases: dict[tuple, list[dict | None]],
                  calendar: _Calendar, coordinator: User) -> None:
    """New statuses replay their phases; existing ones are brought to today's values."""
    existing = {_subject_key(s.administration_id, s.topic_id, s.service_id): s
                for s in Status.objects.filter(
                    administration_id__in={s.administration.pk for s in subjects})}
    order = list(texts.ALL_DISTRICTS)
    completed = [set(spec.completed) for spec in texts.SURVEY_ROUNDS]
    dated: dict[int, list[datetime]] = {}  # status pk -> when each of its changes was made
    for subject in subjects:
        admin, key = subject.administration, _key(subject)
        lookup = {"topic": subject.topic, "service": subject.service}
        status = existing.get(key)
        if status is not None:
            final = phases[key][-1]
            if any(getattr(status, name) != value for name, value in final.items()):
                status_save(administration=admin, by=coordinator, fields=final, **lookup)
            continue
        dates = calendar.phases(order.index(admin.regional_key))
        history, previous = [], None
        for phase, values in enumerate(phases[key]):
            if values is None or values == previous:
                continue
            # Phases 1-3 are survey rounds: answered there, or by form if not answered.
            answered = phase > 0 and admin.regional_key in completed[phase - 1]
            saved = status_save(administration=admin, by=coordinator, fields=values,
                                source=StatusSource.SURVEY if answered else StatusSource.FORM,
                                **lookup)
            history.append(dates[phase])
            previous = values
        dated[saved.pk] = history
    _date_history(dated)


def _date_history(dated: dict[int, list[datetime]]) -> None:
    """Move the history rows just written (and the statuses' timestamps) to their phases."""
    if not dated:
        return
    changes = list(StatusChange.objects.filter(status_id__in=dated).order_by("status_id", "pk"))
    position: dict[int, int] = {}
    for change in changes:
        index = position[change.status_id] = position.get(change.status_id, -1) + 1
        change.changed_at = dated[change.status_id][index]
    StatusChange.objects.bulk_update(changes, ["changed_at"], batch_size=500)
    statuses = list(Status.objects.filter(pk__in=dated).only("pk"))
    for status in statuses:
        status.updated_at = dated[status.pk][-1]
    Status.objects.bulk_update(statuses, ["updated_at"], batch_size=500)
    stage_months_rebuild()  # the monthly summaries follow the history to its dates


def _meeting(number: int) -> Meeting | None:
    return Meeting.objects.filter(uid=meetings_demo.meeting_uid(texts.KREISHAUS, number)).first()


def _next_meeting() -> Meeting | None:
    return (Meeting.objects.filter(working_group__slug=texts.KREISHAUS,
                                   state=MeetingState.INVITED)
            .order_by("starts_at").first())


def load_rounds(subjects: list[_Subject], phases: dict[tuple, list[dict | None]],
                calendar: _Calendar, coordinator: User,
                topics: dict[str, Topic]) -> list[SurveyRound]:
    districts = {s.administration.regional_key: s.administration for s in subjects}
    users = {user.email: user for user in User.objects.filter(
        email__in=[texts.COORDINATOR, *texts.EDITORS.values()])}
    themenfelder = sorted({s.service.themenfeld_id for s in subjects if s.service})
    order = list(texts.ALL_DISTRICTS)
    rounds = []
    for number, spec in enumerate(texts.SURVEY_ROUNDS, start=1):
        dates = calendar.round(spec)
        meeting = _meeting(spec.meeting) if spec.closed else _next_meeting()
        survey = _sync(SurveyRound, {"title": spec.title}, {
            "deadline": dates.deadline, "meeting": meeting, "opened_by": coordinator,
            "state": SurveyState.CLOSED if spec.closed else SurveyState.OPEN,
            "closed_at": dates.closed})
        if survey.opened_at != dates.opened:  # auto_now_add: only an update can set it
            SurveyRound.objects.filter(pk=survey.pk).update(opened_at=dates.opened)
            survey.opened_at = dates.opened
        survey.topics.set(topics.values())
        # OZG services are asked for from the open round on (see _service_phases).
        survey.themenfelder.set([] if spec.closed else themenfelder)
        for key in texts.ALL_DISTRICTS:
            answered = key in spec.completed
            when = calendar.phases(order.index(key))[number].replace(hour=16)
            _sync(SurveyResponse, {"round": survey, "administration": districts[key]}, {
                "completed_at": when if answered else None,
                "completed_by": (users.get(texts.EDITORS.get(key)) or coordinator)
                if answered else None})
        if spec.closed:
            _load_snapshots(survey, {key: values[number] for key, values in phases.items()
                                     if values[number] is not None})
        rounds.append(survey)
    return rounds


def _load_snapshots(survey: SurveyRound, wanted_statuses: dict[tuple, dict]) -> None:
    """The statuses as they stood when the round closed, one row each."""
    wanted = {key: {"stage": values["stage"], "maturity": values.get("maturity"),
                    "product": values["product"]}
              for key, values in wanted_statuses.items()}
    existing = {_subject_key(s.administration_id, s.topic_id, s.service_id): s
                for s in SurveySnapshot.objects.filter(round=survey)}
    new, changed = [], []
    for key, values in wanted.items():
        snapshot = existing.get(key)
        if snapshot is None:
            admin_id, topic_id, service_id = key
            new.append(SurveySnapshot(round=survey, administration_id=admin_id,
                                      topic_id=topic_id, service_id=service_id, **values))
        elif any(getattr(snapshot, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(snapshot, name, value)
            changed.append(snapshot)
    SurveySnapshot.objects.bulk_create(new)
    if changed:
        SurveySnapshot.objects.bulk_update(changed, ["stage", "maturity", "product"])
    stale = [snapshot.pk for key, snapshot in existing.items() if key not in wanted]
    if stale:
        SurveySnapshot.objects.filter(pk__in=stale).delete()


def load_projects(calendar: _Calendar, topics: dict[str, Topic]) -> list[JointProject]:
    keys = {key for spec in texts.PROJECTS for key in (spec.lead, *spec.participants)}
    admins = {a.regional_key: a for a in Administration.objects.filter(regional_key__in=keys)}
    group = WorkingGroup.objects.filter(slug=texts.KREISHAUS).first()
    projects = []
    for spec in texts.PROJECTS:
        start_meeting, start_days = spec.start
        end_meeting, end_months = spec.end
        project = _sync(JointProject, {"slug": spec.slug}, {
            "title": spec.title, "goal": spec.goal, "lead": admins[spec.lead],
            "working_group": group, "stage": spec.stage,
            "start": calendar.meeting(start_meeting) + timedelta(days=start_days),
            "end": add_months(calendar.meeting(end_meeting), end_months),
            "funding_note": spec.funding_note,
            # Agreed at its first meeting: the recent changes show it from that day.
            "created_at": _at(calendar.meeting(start_meeting), time(16))})
        project.participants.set([admins[key] for key in spec.participants if key in admins])
        project.topics.set([topics[slug] for slug in spec.topics])
        decisions = [Decision.objects.filter(
            meeting__uid=meetings_demo.meeting_uid(texts.KREISHAUS, number), order=order,
        ).first() for number, order in spec.decisions]
        project.decisions.set([decision for decision in decisions if decision is not None])
        for milestone in spec.milestones:
            _sync(Milestone, {"project": project, "title": milestone.title}, {
                "date": calendar.meeting(milestone.meeting) + timedelta(days=milestone.days),
                "done": milestone.done})
        projects.append(project)
    return projects


def load(today: date | None = None) -> None:
    """Create or update the demo topics, statuses, survey rounds and joint projects."""
    calendar = _Calendar(today or timezone.localdate())
    load_ozg_catalogue()
    topics = load_topics()
    districts = {a.regional_key: a for a in
                 Administration.objects.filter(regional_key__in=texts.ALL_DISTRICTS)}
    ozg_ids = {spec.ozg_id for specs in texts.SERVICE_STATUSES.values() for spec in specs}
    services = {s.ozg_id: s for s in OzgService.objects.filter(ozg_id__in=ozg_ids)}
    coordinator = User.objects.get(email=texts.COORDINATOR)
    subjects = _subjects(districts, topics, services)
    phases = phases_of(subjects, calendar)
    load_statuses(subjects, phases, calendar, coordinator)
    load_rounds(subjects, phases, calendar, coordinator, topics)
    load_projects(calendar, topics)


def counts() -> dict[str, int]:
    """Row counts for the summary line of the demo_data command."""
    return {"topics": Topic.objects.count(), "ozg_services": OzgService.objects.count(),
            "statuses": Status.objects.count(), "survey_rounds": SurveyRound.objects.count(),
            "joint_projects": JointProject.objects.count()}
