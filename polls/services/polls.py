"""Asking a Rundfrage, changing it while nobody has handed in an answer, closing it early,
reopening it once with a new deadline, and the coordination office's moderation."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from common.search.indexing import search_index

from ..follows import poll_asked_notify
from ..models import AnswerItem, Audience, Poll, Question, QuestionKind

CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


@dataclass(frozen=True)
class QuestionData:
    text: str
    kind: str = QuestionKind.TEXT
    choices: list[str] = field(default_factory=list)
    allow_other: bool = False
    help_text: str = ""


def _deadline_check(deadline: date) -> None:
    if deadline < timezone.localdate():
        raise ValidationError(_("Die Frist darf nicht in der Vergangenheit liegen."),
                              code="deadline_past")


def _questions_check(questions: Sequence[QuestionData]) -> None:
    if not questions:
        raise ValidationError(_("Bitte stellen Sie mindestens eine Frage."), code="no_question")
    for question in questions:
        if question.kind in CHOICE_KINDS and not question.choices:
            raise ValidationError(
                _("Die Frage „%(text)s“ braucht Auswahlmöglichkeiten.") % {"text": question.text},
                code="no_choices")


def _audience_set(poll: Poll, *, audience: str, audience_kinds, audience_groups,
                  audience_administrations) -> None:
    """Keep only the part of the audience its kind uses (a form may send them all)."""
    poll.audience = audience
    poll.audience_kinds = list(audience_kinds) if audience == Audience.KINDS else []
    poll.save()
    poll.audience_groups.set(audience_groups if audience == Audience.GROUPS else [])
    poll.audience_administrations.set(
        audience_administrations if audience == Audience.CHOSEN else [])


def _audience_check(*, audience: str, audience_kinds, audience_groups,
                    audience_administrations) -> None:
    empty = {
        Audience.KINDS: (not audience_kinds, _("Bitte wählen Sie mindestens eine Art von "
                                              "Verwaltungen.")),
        Audience.GROUPS: (not audience_groups, _("Bitte wählen Sie mindestens eine "
                                                 "Arbeitsgruppe.")),
        Audience.CHOSEN: (not audience_administrations, _("Bitte nennen Sie mindestens eine "
                                                          "Verwaltung.")),
    }.get(audience)
    if empty and empty[0]:
        raise ValidationError(empty[1], code="audience_empty")


def poll_create(*, by, title: str, context: str = "", topics=(), audience: str = Audience.ALL,
                audience_kinds=(), audience_groups=(), audience_administrations=(),
                deadline: date, results_visibility: str,
                questions: Sequence[QuestionData]) -> Poll:
    """Ask the network: the Rundfrage with its questions, recorded with its author and the
    author's administration."""
    permission_check(by, "polls.add_poll")
    _deadline_check(deadline)
    _questions_check(questions)
    audience_parts = {"audience_kinds": audience_kinds, "audience_groups": audience_groups,
                      "audience_administrations": audience_administrations}
    _audience_check(audience=audience, **audience_parts)
    with transaction.atomic():
        poll = Poll(title=title, context=context, author=by,
                    administration_id=getattr(by, "administration_id", None),
                    deadline=deadline, results_visibility=results_visibility)
        _audience_set(poll, audience=audience, **audience_parts)
        poll.topics.set(topics)
        Question.objects.bulk_create(
            Question(poll=poll, position=position, **_question_fields(question))
            for position, question in enumerate(questions, start=1))
        # bulk_create sends no signals: the entry written by the first save lacks them.
        search_index("poll", [poll.pk])
        poll_asked_notify(poll)
    return poll


def _question_fields(question: QuestionData) -> dict:
    return {"text": question.text, "kind": question.kind,
            "choices": list(question.choices) if question.kind in CHOICE_KINDS else [],
            "allow_other": question.allow_other and question.kind in CHOICE_KINDS,
            "help_text": question.help_text}


def poll_update(*, poll: Poll, by, title: str, context: str = "", topics=(),
                audience: str = Audience.ALL, audience_kinds=(), audience_groups=(),
                audience_administrations=(), deadline: date, results_visibility: str,
                questions: Sequence[QuestionData]) -> Poll:
    """Change a Rundfrage while it is open and nobody has handed in an answer. Questions
    are matched by position: drafts keep their entries for questions whose kind stayed."""
    _deadline_check(deadline)
    _questions_check(questions)
    audience_parts = {"audience_kinds": audience_kinds, "audience_groups": audience_groups,
                      "audience_administrations": audience_administrations}
    _audience_check(audience=audience, **audience_parts)
    with transaction.atomic():
        # Locked: an answer handed in meanwhile (answer_save locks the poll too) wins.
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        permission_check(by, "polls.edit_poll", poll)
        poll.title, poll.context, poll.deadline = title, context, deadline
        poll.results_visibility = results_visibility
        _audience_set(poll, audience=audience, **audience_parts)
        poll.topics.set(topics)
        _questions_replace(poll, questions)
    return poll


def _questions_replace(poll: Poll, questions: Sequence[QuestionData]) -> None:
    existing = list(poll.questions.order_by("position", "pk"))
    for position, data in enumerate(questions, start=1):
        fields = _question_fields(data)
        if position > len(existing):
            Question.objects.create(poll=poll, position=position, **fields)
            continue
        question = existing[position - 1]
        if question.kind != fields["kind"] or question.choices != fields["choices"]:
            # Draft entries for another kind of answer (or other choices) no longer fit.
            AnswerItem.objects.filter(question=question).delete()
        for name, value in fields.items():
            setattr(question, name, value)
        question.position = position
        question.save()
    Question.objects.filter(pk__in=[q.pk for q in existing[len(questions):]]).delete()


def poll_close(*, poll: Poll, by) -> Poll:
    """End the Rundfrage before its deadline (the asker or the coordination office)."""
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        permission_check(by, "polls.close_poll", poll)
        poll.closed_at = timezone.now()
        poll.save(update_fields=["closed_at", "updated_at"])
    return poll


def poll_reopen(*, poll: Poll, by, deadline: date) -> Poll:
    """Open a closed (or expired) Rundfrage once more, with a new deadline; only once."""
    _deadline_check(deadline)
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        permission_check(by, "polls.reopen_poll", poll)
        poll.closed_at = None
        poll.reopened_at = timezone.now()
        poll.deadline = deadline
        poll.save(update_fields=["closed_at", "reopened_at", "deadline", "updated_at"])
    return poll


def poll_hide(*, poll: Poll, by) -> Poll:
    """Moderation: only the asker and the coordination office still see it."""
    return _hidden_set(poll, by, "polls.hide_poll", hidden=True)


def poll_unhide(*, poll: Poll, by) -> Poll:
    return _hidden_set(poll, by, "polls.unhide_poll", hidden=False)


def _hidden_set(poll: Poll, by, rule: str, *, hidden: bool) -> Poll:
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        permission_check(by, rule, poll)
        poll.hidden_at = timezone.now() if hidden else None
        poll.save(update_fields=["hidden_at", "updated_at"])
    return poll
