"""Read functions of the Sachstandserhebungen, shaped for their pages (constant query
counts): the list of rounds, one round's progress, an administration's answer form, the
dashboard's open rounds and the comparison of two closed rounds.

Scope of a round: its topics, and the OZG services of its Themenfelder for which an
administration already has a status (listing all OZG services would be unanswerable).
"""

from dataclasses import dataclass

import rules
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from members.enums import Role
from members.models import Administration, User

from ..enums import SurveyState
from ..models import OzgService, Status, SurveyResponse, SurveyRound, SurveySnapshot, Topic


def in_round_scope(queryset: QuerySet, survey_round: SurveyRound) -> QuerySet:
    """Statuses (or snapshots) of the round's topics and of its Themenfelder's services."""
    return queryset.filter(
        Q(topic__in=survey_round.topics.values("pk"))
        | Q(service__themenfeld__in=survey_round.themenfelder.values("pk")))


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
class SurveyClosePreview:
    """What closing an open round will do, in numbers for the confirmation page."""

    completed: int
    total: int
    statuses: int

    @property
    def missing(self) -> int:
        return self.total - self.completed


def survey_close_preview(survey_round: SurveyRound) -> SurveyClosePreview:
    """Members answered and not, and the statuses closing would freeze (two queries, the
    same set survey_round_close snapshots: current members, the round's scope)."""
    progress = survey_progress(survey_round)
    statuses = in_round_scope(
        Status.objects.filter(administration__in=Administration.objects.current()),
        survey_round).count()
    return SurveyClosePreview(progress.completed, progress.total, statuses)


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
    statuses = list(in_round_scope(Status.objects.filter(administration=administration),
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
    for survey_round in rounds:
        response = SurveyResponse(round=survey_round, administration=administration)
        survey_round.answer_url = reverse(
            "projects:survey_answer", args=[survey_round.pk, administration.slug],
        ) if rules.has_perm("projects.answer_survey", user, response) else None
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
              in_round_scope(SurveySnapshot.objects.filter(round=previous), survey_round)
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
