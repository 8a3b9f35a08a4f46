"""Reads of the results: who answered, a summary per question and the table administration ×
answers, from the FINAL answers of the audience only (drafts never count).

`poll_results()` reads everything in four queries whatever the number of administrations,
answers and questions: the audience, the questions, the final answers (with who gave them)
and their items. The summaries are computed in Python from those rows.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import rules
from django.urls import reverse
from django.utils.translation import gettext as _

from members.models import Administration

from ..models import Answer, AnswerItem, AnswerState, Poll, Question, QuestionKind
from ..selectors import audience_administrations, polls_listed_for

# The option label of answers beside the listed ones (an answer flow may also store it as a
# chosen value next to the "Sonstiges" text).
OTHER_LABEL = "Sonstiges"


@dataclass(frozen=True)
class Count:
    """One option of a choice or yes/no question and how many administrations chose it."""

    label: str
    count: int
    percent: int  # of the administrations that answered the question


@dataclass(frozen=True)
class Said:
    """A text an administration gave: a free text or its "Sonstiges"."""

    administration: Administration
    text: str


@dataclass(frozen=True)
class NumberStats:
    count: int
    median: Decimal
    minimum: Decimal
    maximum: Decimal


@dataclass(frozen=True)
class DateStats:
    count: int
    earliest: date
    latest: date


@dataclass
class QuestionSummary:
    question: Question
    number: int  # 1-based position on the page
    answered: int = 0  # final answers with a value for this question
    not_possible: int = 0  # "Keine Angabe möglich"
    counts: list[Count] = field(default_factory=list)
    others: list[Said] = field(default_factory=list)
    texts: list[Said] = field(default_factory=list)
    numbers: NumberStats | None = None
    dates: DateStats | None = None

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def has_counts(self) -> bool:
        return self.question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE,
                                      QuestionKind.YES_NO)


@dataclass(frozen=True, slots=True)
class Item:
    """One answer to one question, read as a plain row (thousands of model instances with
    their relation caches would cost more than the rest of the page)."""

    answer_id: int
    question_id: int
    not_possible: bool
    text: str
    choices: list[str]
    other: str
    yes: bool | None
    number: Decimal | None
    date: date | None


ITEM_FIELDS = ("answer_id", "question_id", "not_possible", "text", "choices", "other", "yes",
               "number", "date")


@dataclass(frozen=True)
class Row:
    """One administration of the audience with its final answer (None: not answered)."""

    administration: Administration
    answer: Answer | None
    items: list[Item | None]  # one per question, in question order


@dataclass(frozen=True)
class PollResults:
    poll: Poll
    audience: list[Administration]
    questions: list[QuestionSummary]
    rows: list[Row]

    @property
    def answered(self) -> list[Administration]:
        return [row.administration for row in self.rows if row.answer is not None]

    @property
    def missing(self) -> list[Administration]:
        return [row.administration for row in self.rows if row.answer is None]

    @property
    def answered_count(self) -> int:
        return len(self.answered)

    @property
    def audience_count(self) -> int:
        return len(self.audience)


def final_answers(poll: Poll):
    """The final answers of the poll's audience (current members asked), by name."""
    return Answer.objects.filter(
        poll=poll, state=AnswerState.FINAL,
        administration__in=audience_administrations(poll).values("pk"))


def final_answer_count(poll: Poll) -> int:
    """How many administrations of the audience gave a final answer (one query)."""
    return final_answers(poll).count()


def poll_results(poll: Poll, *, kind: str = "") -> PollResults:
    """Completion, summaries and table of a poll, limited to administrations of one kind
    when `kind` is given (four queries)."""
    audience_qs = audience_administrations(poll)
    if kind:
        audience_qs = audience_qs.filter(kind=kind)
    audience = list(audience_qs.only("pk", "name", "short_name", "slug", "kind")
                    .order_by("name", "pk"))
    _with_page_urls(audience)
    questions = list(poll.questions.order_by("position", "pk"))
    answers = list(final_answers(poll).filter(administration__in=audience_qs.values("pk"))
                   .select_related("updated_by"))
    by_administration = {answer.administration_id: answer for answer in answers}
    items_of: dict[int, dict[int, Item]] = {answer.pk: {} for answer in answers}
    if answers:
        for values in AnswerItem.objects.filter(answer__in=list(items_of)).values_list(
                *ITEM_FIELDS):
            item = Item(*values)
            items_of[item.answer_id][item.question_id] = item
    rows = []
    for administration in audience:
        answer = by_administration.get(administration.pk)
        if answer is None:
            rows.append(Row(administration=administration, answer=None,
                            items=[None] * len(questions)))
            continue
        items = items_of[answer.pk]
        rows.append(Row(administration=administration, answer=answer,
                        items=[items.get(question.pk) for question in questions]))
    summaries = [_summary(question, number, rows, index)
                 for index, (number, question) in enumerate(enumerate(questions, start=1))]
    return PollResults(poll=poll, audience=audience, questions=summaries, rows=rows)


def _with_page_urls(administrations: list[Administration]) -> None:
    """Sets `page_url` on each: one reverse() for all (a table of hundreds of members would
    otherwise spend most of its time resolving the same pattern)."""
    placeholder = "slug-placeholder"
    pattern = reverse("members:detail", args=[placeholder])
    for administration in administrations:
        administration.page_url = pattern.replace(placeholder, administration.slug)


# --- one question's summary ------------------------------------------------------------


def has_value(item: Item | None, question: Question) -> bool:
    """The item gives an answer (not empty, not "Keine Angabe möglich")."""
    if item is None or item.not_possible:
        return False
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return bool(item.choices or item.other.strip())
    if kind == QuestionKind.YES_NO:
        return item.yes is not None
    if kind == QuestionKind.NUMBER:
        return item.number is not None
    if kind == QuestionKind.DATE:
        return item.date is not None
    return bool(item.text.strip())


def other_text(item: Item, question: Question) -> str:
    """What an administration gave beside the listed options: its "Sonstiges" text, and
    choices that are not (or no longer) among the question's options."""
    unknown = [choice for choice in item.choices
               if choice not in question.choices and choice != OTHER_LABEL]
    parts = [*unknown, *([item.other.strip()] if item.other.strip() else [])]
    return ", ".join(parts)


def _summary(question: Question, number: int, rows: list[Row], index: int) -> QuestionSummary:
    summary = QuestionSummary(question=question, number=number)
    given: list[tuple[Administration, Item]] = []
    for row in rows:
        item = row.items[index]
        if item is not None and item.not_possible and row.answer is not None:
            summary.not_possible += 1
        elif row.answer is not None and has_value(item, question):
            given.append((row.administration, item))
    summary.answered = len(given)
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        _choice_counts(summary, question, given)
    elif kind == QuestionKind.YES_NO:
        yes = sum(1 for _admin, item in given if item.yes)
        summary.counts = [_count(_("Ja"), yes, len(given)),
                          _count(_("Nein"), len(given) - yes, len(given))]
    elif kind == QuestionKind.NUMBER and given:
        values = [item.number for _admin, item in given]
        summary.numbers = NumberStats(count=len(values), median=statistics.median(values),
                                      minimum=min(values), maximum=max(values))
    elif kind == QuestionKind.DATE and given:
        values = [item.date for _admin, item in given]
        summary.dates = DateStats(count=len(values), earliest=min(values), latest=max(values))
    elif kind == QuestionKind.TEXT:
        summary.texts = [Said(administration=admin, text=item.text.strip())
                         for admin, item in given]
    return summary


def _count(label: str, count: int, total: int) -> Count:
    return Count(label=label, count=count, percent=round(100 * count / total) if total else 0)


def _choice_counts(summary: QuestionSummary, question: Question,
                   given: list[tuple[Administration, Item]]) -> None:
    total = len(given)
    summary.counts = [
        _count(option, sum(1 for _admin, item in given if option in item.choices), total)
        for option in question.choices]
    for admin, item in given:
        text = other_text(item, question)
        if text:
            summary.others.append(Said(administration=admin, text=text))
    if summary.others or question.allow_other:
        summary.counts.append(_count(_("Sonstiges"), len(summary.others), total))


# --- lists ------------------------------------------------------------------------------

TOPIC_POLLS_LIMIT = 10


def polls_with_results_on_topic(*, topic, user) -> list[Poll]:
    """The newest Rundfragen on a topic whose results the user may see (one query)."""
    candidates = (polls_listed_for(user).filter(topics=topic).select_related("administration")
                  .order_by("-deadline", "-pk")[:TOPIC_POLLS_LIMIT * 3])
    shown = [poll for poll in candidates if rules.has_perm("polls.view_results", user, poll)]
    return shown[:TOPIC_POLLS_LIMIT]
