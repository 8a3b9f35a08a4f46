"""Rundfragen for the tests: asked through the service, as the portal asks them."""

from datetime import timedelta

from django.utils import timezone

from polls.models import Audience, Poll, QuestionKind, ResultsVisibility
from polls.services import QuestionData, poll_create

IN_A_WEEK = timezone.localdate() + timedelta(days=7)

QUESTIONS = [
    QuestionData(text="Welches DMS nutzen Sie?", kind=QuestionKind.SINGLE,
                 choices=["enaio", "d.velop", "VIS"], allow_other=True),
    QuestionData(text="Sind Sie zufrieden?", kind=QuestionKind.YES_NO),
    QuestionData(text="Was würden Sie anderen raten?", kind=QuestionKind.TEXT),
]


def ask(by, *, title="DMS im Einsatz", audience=Audience.ALL, deadline=IN_A_WEEK,
        questions=None, **extra) -> Poll:
    extra.setdefault("results_visibility", ResultsVisibility.MEMBERS)
    return poll_create(by=by, title=title, audience=audience, deadline=deadline,
                       questions=questions or QUESTIONS, **extra)


def answer_data(poll, *, version=0, action="abgeben", dms="enaio", happy="ja",
                advice="Früh mit dem Personalrat sprechen.", **extra) -> dict:
    """The POST body of the answer form."""
    questions = list(poll.questions.all())
    data = {"version": str(version), "aktion": action,
            f"q{questions[0].pk}_value": dms, f"q{questions[1].pk}_value": happy,
            f"q{questions[2].pk}_value": advice}
    data.update(extra)
    return data
