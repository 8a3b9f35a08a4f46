"""Write functions of the Sachstandserhebungen: a coordinator opens a round, every member
confirms or updates its statuses in scope, and closing freezes them as snapshots that later
rounds compare with (surveys.selectors). Each checks its rule of projects.rules.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from members.models import Administration, User

from ..enums import StatusSource, SurveyState
from ..models import (
    OzgService,
    OzgThemenfeld,
    Status,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
    Topic,
)
from ..rules import may_answer_for, response_is_answerable, survey_round_is_open
from ..statuses.services import StatusConflict, status_save
from .selectors import in_round_scope

SNAPSHOT_COLUMNS = ["round_id", "administration_id", "topic_id", "service_id", "stage",
                    "maturity", "product"]


def _already_closed() -> ValidationError:
    return ValidationError(_("Diese Erhebung ist bereits abgeschlossen."))


def survey_round_open(
    *, by: User, title: str, deadline: date, topics: Iterable[Topic] = (),
    themenfelder: Iterable[OzgThemenfeld] = (), meeting=None,
) -> SurveyRound:
    """Open a round for all current members; the opening mails go out after the commit."""
    permission_check(by, "projects.manage_surveys")
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
        from ..tasks import survey_reminders_dispatch

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
    written and the conflicts are returned. The rule projects.answer_survey, part by part so
    that the refusal says why."""
    response = SurveyResponse(round=survey_round, administration=administration)
    if not may_answer_for(by, response):
        raise PermissionDenied
    if not survey_round_is_open(by, survey_round):
        raise _already_closed()
    if not response_is_answerable(by, response):
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
                status_save(administration=administration, by=by,
                            fields=_since_on_stage_change(answer.fields),
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


def _since_on_stage_change(fields: dict) -> dict:
    """A new stage holds from today unless the answer gives its own date, so "seit" (and
    "Wer kann helfen?") never shows the date of the previous stage."""
    if "stage" in fields and not fields.get("since"):
        return {**fields, "since": timezone.localdate()}
    return fields


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
    snapshot, with one INSERT … SELECT (rule projects.close_survey: a coordinator, and the
    round still open under the lock; a second click gets a message, not a refusal)."""
    permission_check(by, "projects.manage_surveys")
    with transaction.atomic():
        survey_round = SurveyRound.objects.select_for_update().get(pk=survey_round.pk)
        if not rules.has_perm("projects.close_survey", by, survey_round):
            raise _already_closed()
        now = timezone.now()
        rows = (in_round_scope(Status.objects.all(), survey_round)
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
