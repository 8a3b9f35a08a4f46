"""Answering a Rundfrage: one answer per administration, drafted by any of its staff and
handed in ("abgegeben") by its editors, changeable until the deadline.

Two people of one administration may answer at the same moment. Every form carries the
answer's `version`; the save locks the Rundfrage and the answer row, and a form posted
against an older version is refused with the newer answer (AnswerConflict), so nobody
overwrites what a colleague saved meanwhile without having seen it.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check

from ..models import Answer, AnswerItem, AnswerState, Poll, QuestionKind
from ..selectors import is_open


@dataclass(frozen=True)
class ItemData:
    """What was entered for one question (the fields its kind uses)."""

    not_possible: bool = False
    text: str = ""
    choices: list[str] = field(default_factory=list)
    other: str = ""
    yes: bool | None = None
    number: Decimal | None = None
    date: dt.date | None = None

    def is_empty(self) -> bool:
        return not (self.not_possible or self.text or self.choices or self.other
                    or self.yes is not None or self.number is not None or self.date)


class AnswerConflict(Exception):
    """Someone saved the answer after the form was opened; `answer` is the stored one."""

    def __init__(self, answer: Answer):
        super().__init__("answer changed meanwhile")
        self.answer = answer


def answer_save(*, poll: Poll, by, version: int, items: dict[int, ItemData],
                finalise: bool) -> Answer:
    """Save the answer of `by`'s administration (a draft, or handed in with `finalise`);
    `items` maps question ids to entries. Raises AnswerConflict if the stored answer is
    newer than `version`, ValidationError if the Rundfrage no longer takes answers."""
    administration = by.administration
    with transaction.atomic():
        # The poll row first, in every writer (poll_update too): one order, no deadlock,
        # and the questions cannot change under the answer.
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if not is_open(poll):
            raise ValidationError(_("Diese Rundfrage nimmt keine Antworten mehr an."),
                                  code="closed")
        permission_check(by, "polls.answer_open_poll", poll)
        answer = _answer_locked(poll, administration)
        if answer is not None and answer.version != version:
            raise AnswerConflict(answer)
        if finalise or (answer is not None and answer.state == AnswerState.FINAL):
            # A handed-in answer stays handed in; only editors change it.
            permission_check(by, "polls.finalise_answer", poll)
            finalise = True
        questions = list(poll.questions.all())
        if finalise:
            _complete_check(questions, items)
        if answer is None:
            answer = _answer_create(poll, administration, by)
        _items_replace(answer, questions, items)
        answer.version += 1
        answer.updated_by = by
        if finalise:
            answer.state = AnswerState.FINAL
            answer.submitted_at = answer.submitted_at or timezone.now()
        # Saved last: the search index reads the items through this save (polls.search).
        answer.save()
    return answer


def _answer_locked(poll: Poll, administration) -> Answer | None:
    return (Answer.objects.select_for_update(of=("self",)).select_related("updated_by")
            .filter(poll=poll, administration=administration).first())


def _answer_create(poll: Poll, administration, by) -> Answer:
    try:
        with transaction.atomic():
            return Answer.objects.create(poll=poll, administration=administration,
                                         created_by=by, updated_by=by)
    except IntegrityError:
        # Another request created it first (outside the poll lock, e.g. the admin).
        raise AnswerConflict(_answer_locked(poll, administration)) from None


def _complete_check(questions, items: dict[int, ItemData]) -> None:
    missing = [q for q in questions if items.get(q.pk, ItemData()).is_empty()]
    if missing:
        raise ValidationError(
            _("Bitte beantworten Sie jede Frage oder kreuzen Sie „Keine Angabe möglich“ an, "
              "bevor Sie die Antwort abgeben. Offen: %(questions)s")
            % {"questions": ", ".join(f"„{q.text}“" for q in missing)}, code="incomplete")


def _items_replace(answer: Answer, questions, items: dict[int, ItemData]) -> None:
    AnswerItem.objects.filter(answer=answer).delete()
    rows = []
    for question in questions:
        data = items.get(question.pk)
        if data is None or data.is_empty():
            continue
        if data.not_possible:
            rows.append(AnswerItem(answer=answer, question=question, not_possible=True))
            continue
        rows.append(AnswerItem(answer=answer, question=question, **_fields_for(question, data)))
    AnswerItem.objects.bulk_create(rows)


def _fields_for(question, data: ItemData) -> dict:
    kind = question.kind
    if kind == QuestionKind.TEXT:
        return {"text": data.text}
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        chosen = [c for c in data.choices if c in question.choices]
        return {"choices": chosen if kind == QuestionKind.MULTIPLE else chosen[:1],
                "other": data.other if question.allow_other else ""}
    if kind == QuestionKind.YES_NO:
        return {"yes": data.yes}
    if kind == QuestionKind.NUMBER:
        return {"number": data.number}
    if kind == QuestionKind.DATE:
        return {"date": data.date}
    return {}  # a kind this code does not know: nothing but the item
