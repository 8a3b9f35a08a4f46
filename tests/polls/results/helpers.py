"""Rundfragen with answers for the results tests, written with the ORM directly (the asking
and answering flow is another part of the app)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from polls.models import Answer, AnswerItem, AnswerState, Poll, Question, QuestionKind

POSITIONS = {"dms": 1, "areas": 2, "happy": 3, "users": 4, "since": 5, "advice": 6}
DMS = ["d.velop d.3ecm", "enaio", "VIS-Suite"]


def poll_make(*, administration=None, author=None, title="Welches DMS nutzen Sie?",
              deadline=None, **fields) -> Poll:
    return Poll.objects.create(
        title=title, administration=administration, author=author,
        deadline=deadline or timezone.localdate() + timedelta(days=10),
        context=fields.pop("context", "Wir planen eine **Ausschreibung**."), **fields)


def questions_make(poll: Poll) -> dict[str, Question]:
    """One question of every kind."""
    make = Question.objects.create
    return {
        "dms": make(poll=poll, position=1, text="Welches DMS nutzen Sie?",
                    kind=QuestionKind.SINGLE, choices=DMS, allow_other=True),
        "areas": make(poll=poll, position=2, text="Wo setzen Sie es ein?",
                      kind=QuestionKind.MULTIPLE, choices=["Bauamt", "Personal", "Kasse"]),
        "happy": make(poll=poll, position=3, text="Sind Sie zufrieden?",
                      kind=QuestionKind.YES_NO),
        "users": make(poll=poll, position=4, text="Wie viele Beschäftigte nutzen es?",
                      kind=QuestionKind.NUMBER),
        "since": make(poll=poll, position=5, text="Seit wann im Betrieb?",
                      kind=QuestionKind.DATE),
        "advice": make(poll=poll, position=6, text="Was raten Sie anderen?",
                       kind=QuestionKind.TEXT),
    }


def answer_make(*, poll: Poll, administration, state=AnswerState.FINAL, by=None,
                **items) -> Answer:
    """An answer with one item per keyword: question key (as in questions_make) = dict of
    AnswerItem fields."""
    by_position = {question.position: question for question in poll.questions.all()}
    answer = Answer.objects.create(
        poll=poll, administration=administration, state=state, created_by=by, updated_by=by,
        submitted_at=timezone.now() if state == AnswerState.FINAL else None)
    for key, values in items.items():
        question = by_position[POSITIONS[key]]
        values = dict(values)
        if "number" in values:
            values["number"] = Decimal(str(values["number"]))
        AnswerItem.objects.create(answer=answer, question=question, **values)
    return answer
