"""Demo Rundfragen: two closed ones with final answers from most members (the DMS in use and
the satisfaction with it, with a published summary; online appointment systems) and one
still open to all Landkreise with a few answers and a draft. Runs after members.demo and
projects.demo, whose administrations, logins and topics it uses; a missing one is left out.

Idempotent: a Rundfrage is found by its title, and an existing one is left as it is (demo
users may have answered or closed it since), so a second run creates and changes nothing.
Dates are relative to the day of the run, so the open Rundfrage stays open.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from members import demo as members_demo
from members.models import Administration, User
from projects.models import Topic

from . import demo_texts as texts
from .models import Answer, AnswerItem, AnswerState, Poll, Question, QuestionKind


def _administrations() -> dict[str, Administration]:
    """The demo administrations by their natural key (regional key, or slug)."""
    found = {}
    for administration in Administration.objects.filter(
            regional_key__in=list(members_demo.MEMBERSHIPS)):
        found[administration.regional_key] = administration
    provider = Administration.objects.filter(slug=texts.ITZ).first()
    if provider is not None:
        found[texts.ITZ] = provider
    return found


def _logins() -> dict[str, User]:
    """The demo login that answers for an administration: its editor, else any login."""
    by_key: dict[str, User] = {}
    users = {user.email: user for user in User.objects.filter(
        email__in=[row[0] for row in members_demo.DEMO_LOGINS])}
    for email, _first, _last, role, key in members_demo.DEMO_LOGINS:
        if key and email in users and (key not in by_key or role == "editor"):
            by_key[key] = users[email]
    return by_key


def _moment(today: date, days_ago: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(hour)))


def _item_fields(question: Question, value) -> dict:
    if value is None:
        return {"not_possible": True}
    kind = question.kind
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        values = value if isinstance(value, list) else [value]
        fields = {"choices": [v for v in values if isinstance(v, str)]}
        others = [v[1] for v in values if isinstance(v, tuple)]
        if others:
            fields["other"] = others[0]
        return fields
    if kind == QuestionKind.YES_NO:
        return {"yes": value}
    if kind == QuestionKind.NUMBER:
        return {"number": Decimal(value)}
    if kind == QuestionKind.DATE:
        return {"date": date.fromisoformat(value)}
    return {"text": value}


def _answers(poll: Poll, spec: dict, questions: list[Question], administrations, logins,
             today: date) -> None:
    opened = spec["created_days_ago"]
    for state, rows in ((AnswerState.FINAL, spec["answers"]),
                        (AnswerState.DRAFT, spec["drafts"])):
        for offset, (key, values) in enumerate(rows.items()):
            administration = administrations.get(key)
            if administration is None:
                continue
            by = logins.get(key)
            answered = _moment(today, max(opened - 2 - offset % 9, 0), hour=9 + offset % 8)
            answer = Answer.objects.create(
                poll=poll, administration=administration, state=state, version=1,
                created_by=by, updated_by=by,
                submitted_at=answered if state == AnswerState.FINAL else None)
            AnswerItem.objects.bulk_create(
                AnswerItem(answer=answer, question=questions[number - 1],
                           **_item_fields(questions[number - 1], value))
                for number, value in values.items())
            Answer.objects.filter(pk=answer.pk).update(created_at=answered, updated_at=answered)


def _poll(spec: dict, administrations, logins, today: date) -> Poll | None:
    if Poll.objects.filter(title=spec["title"]).exists():
        return None
    asker = administrations.get(spec["asker"])
    author = User.objects.filter(email=spec["author"]).first()
    if "deadline_in_days" in spec:
        deadline = today + timedelta(days=spec["deadline_in_days"])
    else:
        deadline = today - timedelta(days=spec["deadline_days_ago"])
    poll = Poll.objects.create(
        title=spec["title"], context=spec["context"], author=author, administration=asker,
        audience=spec["audience"], audience_kinds=spec.get("audience_kinds", []),
        deadline=deadline, results_visibility=spec["results_visibility"],
        summary=spec["summary"], summary_public=spec["summary_public"],
        closed_at=(_moment(today, spec["closed_days_ago"], hour=16)
                   if "closed_days_ago" in spec else None))
    poll.topics.set(Topic.objects.filter(slug__in=spec["topics"]))
    questions = [Question.objects.create(
        poll=poll, position=position, text=text, kind=kind, choices=choices,
        allow_other=allow_other)
        for position, (kind, text, choices, allow_other) in enumerate(spec["questions"], 1)]
    _answers(poll, spec, questions, administrations, logins, today)
    created = _moment(today, spec["created_days_ago"], hour=8)
    Poll.objects.filter(pk=poll.pk).update(created_at=created, updated_at=created)
    return poll


@transaction.atomic
def load(today: date | None = None) -> list[Poll]:
    """Create the demo Rundfragen that do not exist yet; returns those created."""
    today = today or timezone.localdate()
    administrations = _administrations()
    logins = _logins()
    created = [_poll(spec, administrations, logins, today) for spec in texts.POLLS]
    return [poll for poll in created if poll is not None]


def counts() -> dict[str, int]:
    """Row counts for the summary line of the demo_data command."""
    return {"polls": Poll.objects.count(),
            "poll_answers": Answer.objects.filter(state=AnswerState.FINAL).count()}
