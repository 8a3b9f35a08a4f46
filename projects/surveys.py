"""Sachstandserhebungen: a coordinator opens a round, every member confirms or updates its
statuses in scope, and closing freezes them as snapshots that later rounds compare with.

Scope of a round: its topics, and the OZG services of its Themenfelder for which an
administration already has a status (listing all OZG services would be unanswerable).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.enums import Role
from members.models import Administration, User

from .enums import StatusSource, SurveyState
from .models import (
    OzgService,
    OzgThemenfeld,
    Status,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
    Topic,
)
from .services import StatusConflict, status_save

SNAPSHOT_COLUMNS = ["round_id", "administration_id", "topic_id", "service_id", "stage",
                    "maturity", "product"]


# --- services ----------------------------------------------------------------------------

def survey_round_open(
    *, by: User, title: str, deadline: date, topics: Iterable[Topic] = (),
    themenfelder: Iterable[OzgThemenfeld] = (), meeting=None,
) -> SurveyRound:
    """Open a round for all current members; the opening mails go out after the commit."""
    if not by.is_coordinator:
        raise PermissionDenied
    topics, themenfelder = list(topics), list(themenfelder)
    if not topics and not themenfelder:
        raise ValidationError(_("Bitte wählen Sie mindestens ein Thema oder ein "
                                "OZG-Themenfeld."))
    if deadline < timezone.localdate():
        raise ValidationError(_("Die Frist darf nicht in der Vergangenheit liegen."))
    with transaction.atomic():
        if SurveyRound.objects.filter(title__iexact=title, state=SurveyState.OPEN).exists():
            raise _open_title_taken()
        try:
            with transaction.atomic():
                survey_round = SurveyRound.objects.create(title=title, deadline=deadline,
                                                          meeting=meeting, opened_by=by)
        except IntegrityError:
            # A concurrent request opened the same round a moment earlier; the unique index
            # one_open_survey_round_per_title kept it single (and its mails too).
            raise _open_title_taken() from None
        survey_round.topics.set(topics)
        survey_round.themenfelder.set(themenfelder)
        from .tasks import survey_reminders_dispatch

        transaction.on_commit(survey_reminders_dispatch.delay)
    return survey_round


def _open_title_taken() -> ValidationError:
    return ValidationError({"title": _(
        "Eine offene Erhebung mit diesem Titel gibt es schon. Bitte wählen Sie einen anderen "
        "Titel oder schließen Sie zuerst die offene Erhebung.")})


@dataclass
class SurveyAnswer:
    """One row of the answer form: confirm it unchanged, or save new values."""

    expected_version: int
    unchanged: bool
    fields: dict = field(default_factory=dict)
    topic: Topic | None = None
    service: OzgService | None = None


@dataclass
class SurveyConflict:
    answer: SurveyAnswer
    current: Status


def survey_answer_save(
    *, survey_round: SurveyRound, administration: Administration, by: User,
    answers: list[SurveyAnswer],
) -> list[SurveyConflict]:
    """Save every row through status_save (source: survey) and mark the member's response
    completed. All or nothing: if any row was changed by someone else meanwhile, nothing is
    written and the conflicts are returned."""
    if not by.is_editor_of(administration):
        raise PermissionDenied
    if survey_round.state != SurveyState.OPEN:
        raise ValidationError(_("Diese Erhebung ist bereits abgeschlossen."))
    if not Administration.objects.current().filter(pk=administration.pk).exists():
        raise ValidationError(_("Diese Verwaltung ist kein Mitglied."))
    conflicts = []
    with transaction.atomic():
        current = _statuses_locked(administration, answers)
        for answer in answers:
            status = current.get(_key(answer.topic, answer.service))
            if answer.unchanged:
                # Confirming a status someone else has just changed confirms the wrong one.
                if status is not None and status.version != answer.expected_version:
                    conflicts.append(SurveyConflict(answer, status))
                continue
            try:
                status_save(administration=administration, by=by, fields=answer.fields,
                            topic=answer.topic, service=answer.service,
                            expected_version=answer.expected_version,
                            source=StatusSource.SURVEY)
            except StatusConflict as conflict:
                conflicts.append(SurveyConflict(answer, conflict.current))
        if conflicts:
            transaction.set_rollback(True)
            return conflicts
        SurveyResponse.objects.update_or_create(
            round=survey_round, administration=administration,
            defaults={"completed_at": timezone.now(), "completed_by": by})
    return []


def _key(topic, service) -> tuple[str, int]:
    return ("topic", topic.pk) if topic is not None else ("service", service.pk)


def _statuses_locked(administration, answers) -> dict[tuple[str, int], Status]:
    topic_ids = [a.topic.pk for a in answers if a.topic is not None]
    service_ids = [a.service.pk for a in answers if a.service is not None]
    rows = (Status.objects.select_for_update(of=("self",)).select_related("updated_by")
            .filter(Q(topic_id__in=topic_ids) | Q(service_id__in=service_ids),
                    administration=administration))
    return {("topic", s.topic_id) if s.topic_id else ("service", s.service_id): s
            for s in rows}


def survey_round_close(*, survey_round: SurveyRound, by: User) -> SurveyRound:
    """Close the round and freeze every status in its scope of every current member as a
    snapshot, with one INSERT … SELECT."""
    if not by.is_coordinator:
        raise PermissionDenied
    with transaction.atomic():
        survey_round = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
        if survey_round.state != SurveyState.OPEN:
            raise ValidationError(_("Diese Erhebung ist bereits abgeschlossen."))
        now = timezone.now()
        rows = (_in_scope(Status.objects.all(), survey_round)
                .filter(administration__in=Administration.objects.current(
                    timezone.localdate(now)))
                .order_by()
                .values_list(Value(survey_round.pk), "administration_id", "topic_id",
                             "service_id", "stage", "maturity", "product"))
        select_sql, params = rows.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {SurveySnapshot._meta.db_table} "  # noqa: S608
                f"({', '.join(SNAPSHOT_COLUMNS)}) {select_sql}", params)
        survey_round.state = SurveyState.CLOSED
        survey_round.closed_at = now
        survey_round.save(update_fields=["state", "closed_at"])
    return survey_round


def _in_scope(queryset: QuerySet, survey_round: SurveyRound) -> QuerySet:
    """Statuses (or snapshots) of the round's topics and of its Themenfelder's services."""
    return queryset.filter(
        Q(topic__in=survey_round.topics.values("pk"))
        | Q(service__themenfeld__in=survey_round.themenfelder.values("pk")))


# --- selectors ---------------------------------------------------------------------------

def survey_rounds_for_list() -> QuerySet[SurveyRound]:
    """All rounds, newest first, with the number of members that completed."""
    return SurveyRound.objects.select_related("meeting").annotate(
        completed=Count("responses", filter=Q(responses__completed_at__isnull=False)),
    ).order_by("-opened_at", "-pk")


def survey_round_for_page(pk: int) -> QuerySet[SurveyRound]:
    return (SurveyRound.objects.filter(pk=pk).select_related("meeting", "opened_by")
            .prefetch_related("topics", "themenfelder"))


@dataclass
class SurveyProgress:
    members: list[Administration]
    completed: int

    @property
    def total(self) -> int:
        return len(self.members)


def survey_progress(survey_round: SurveyRound) -> SurveyProgress:
    """Members of the round (current when it was open, or when it closed) with
    `completed_at` and their number of active editors, in one query."""
    on = timezone.localdate(survey_round.closed_at) if survey_round.closed_at else None
    responses = SurveyResponse.objects.filter(round=survey_round,
                                              administration=OuterRef("pk"))
    members = list(
        Administration.objects.current(on).annotate(
            completed_at=Subquery(responses.values("completed_at")[:1]),
            editor_count=Count("staff", filter=Q(staff__is_active=True,
                                                 staff__role=Role.EDITOR)),
        ).order_by("name"))
    return SurveyProgress(members, sum(1 for m in members if m.completed_at))


@dataclass
class SurveyRow:
    """One status of the answer form; `status` is None while none has been recorded."""

    topic: Topic | None
    service: OzgService | None
    status: Status | None

    @property
    def key(self) -> str:
        return f"t{self.topic.pk}" if self.topic else f"s{self.service.pk}"

    @property
    def label(self) -> str:
        return self.topic.name if self.topic else f"{self.service.ozg_id} {self.service.name}"

    @property
    def group(self) -> str:
        return _("Themen") if self.topic else self.service.themenfeld.name


def survey_rows_for(survey_round: SurveyRound, administration: Administration
                    ) -> list[SurveyRow]:
    """The rows an administration answers: every topic of the round, then its existing
    statuses for OZG services of the round's Themenfelder, by Themenfeld."""
    statuses = list(_in_scope(Status.objects.filter(administration=administration),
                              survey_round)
                    .select_related("topic", "service__themenfeld", "updated_by"))
    by_topic = {s.topic_id: s for s in statuses if s.topic_id}
    rows = [SurveyRow(topic, None, by_topic.get(topic.pk))
            for topic in survey_round.topics.all()]
    services = sorted((s for s in statuses if s.service_id),
                      key=lambda s: (s.service.themenfeld.number, s.service.ozg_id))
    rows += [SurveyRow(None, s.service, s) for s in services]
    return rows


def survey_response_of(survey_round: SurveyRound, administration: Administration
                       ) -> SurveyResponse | None:
    return (SurveyResponse.objects.filter(round=survey_round, administration=administration)
            .select_related("completed_by").first())


def survey_rounds_open_for(user: User) -> list[SurveyRound]:
    """Open rounds in which the user's administration has not completed its answer, by
    deadline; `answer_url` is set where the user may answer."""
    administration = user.administration if user.is_authenticated else None
    if administration is None or administration.is_former or not (
            administration.member_since and administration.member_since <= timezone.localdate()):
        return []
    completed = SurveyResponse.objects.filter(round=OuterRef("pk"),
                                              administration=administration,
                                              completed_at__isnull=False)
    rounds = list(SurveyRound.objects.filter(state=SurveyState.OPEN)
                  .filter(~Exists(completed)).order_by("deadline", "pk"))
    may_answer = user.is_editor_of(administration)
    for survey_round in rounds:
        survey_round.answer_url = reverse("projects:survey_answer",
                                          args=[survey_round.pk, administration.slug]
                                          ) if may_answer else None
    return rounds


@dataclass
class ComparisonRow:
    subject: str
    before: SurveySnapshot | None
    after: SurveySnapshot | None


@dataclass
class SurveyComparison:
    previous: SurveyRound | None
    groups: list[tuple[Administration, list[ComparisonRow]]]

    @property
    def count(self) -> int:
        return sum(len(rows) for _administration, rows in self.groups)


def survey_comparison(survey_round: SurveyRound) -> SurveyComparison:
    """What changed between the previous closed round and this (closed) one: per member,
    only the topics and services in this round's scope whose stage, maturity or product
    differ. One query per round's snapshots."""
    previous = (SurveyRound.objects.filter(state=SurveyState.CLOSED,
                                           closed_at__lt=survey_round.closed_at)
                .order_by("-closed_at").first())
    if previous is None:
        return SurveyComparison(None, [])
    related = ("administration", "topic", "service")
    before = {_snapshot_key(s): s for s in
              _in_scope(SurveySnapshot.objects.filter(round=previous), survey_round)
              .select_related(*related)}
    after = {_snapshot_key(s): s for s in
             SurveySnapshot.objects.filter(round=survey_round).select_related(*related)}
    grouped: dict[int, tuple[Administration, list[ComparisonRow]]] = {}
    for key in before.keys() | after.keys():
        old, new = before.get(key), after.get(key)
        if old and new and (old.stage, old.maturity, old.product) == (
                new.stage, new.maturity, new.product):
            continue
        any_ = new or old
        subject = any_.topic.name if any_.topic_id else f"{any_.service.ozg_id} {any_.service.name}"
        grouped.setdefault(any_.administration_id, (any_.administration, []))[1].append(
            ComparisonRow(subject, old, new))
    groups = sorted(grouped.values(), key=lambda group: group[0].name)
    for _administration, rows in groups:
        rows.sort(key=lambda row: (bool((row.after or row.before).service_id), row.subject))
    return SurveyComparison(previous, groups)


def _snapshot_key(snapshot: SurveySnapshot) -> tuple[int, int | None, int | None]:
    return snapshot.administration_id, snapshot.topic_id, snapshot.service_id
