"""Who may do what with Rundfragen (django-rules): every predicate of the app.

Roles from members.rules. Member staff see every Rundfrage that is not hidden; visitors see
none (only a summary the asker published). The administrations of the audience answer,
once each: any of their staff may draft, editors finalise. Results are shown to all member
staff or, if the asker chose so, to the asking administration and the coordination office.
The asker (the author or an editor of the asking administration) closes, reopens once and
turns results into an article; coordinators see everything and moderate (hide, close).
"""

import rules

from members.rules import belongs_to, is_coordinator, is_editor_of, is_member_staff

from .models import Answer, AnswerState, ResultsVisibility
from .selectors import in_audience, is_open

# --- predicates --------------------------------------------------------------------------


@rules.predicate
def is_asker(user, poll) -> bool:
    """Wrote the Rundfrage, or is an editor of the asking administration."""
    if poll is None or not user.is_authenticated:
        return False
    # is_editor_of is also true for coordinators, who may manage every Rundfrage anyway.
    return poll.author_id == user.pk or is_editor_of(user, poll.administration)


@rules.predicate
def is_visible(user, poll) -> bool:
    if poll is None or not is_member_staff(user):
        return False
    return poll.hidden_at is None or is_coordinator(user) or is_asker(user, poll)


@rules.predicate
def is_asked(user, poll) -> bool:
    """The person's administration is in the audience."""
    return poll is not None and is_member_staff(user) and in_audience(
        poll, getattr(user, "administration", None))


@rules.predicate
def is_open_poll(user, poll) -> bool:
    return poll is not None and is_open(poll)


@rules.predicate
def results_shown(user, poll) -> bool:
    if not is_visible(user, poll):
        return False
    if poll.results_visibility == ResultsVisibility.MEMBERS:
        return True
    return is_coordinator(user) or is_asker(user, poll) or (
        poll.administration is not None and belongs_to(user, poll.administration))


@rules.predicate
def editor_of_own(user, poll) -> bool:
    """An editor of their administration (finalises its answer)."""
    administration = getattr(user, "administration", None)
    return administration is not None and is_editor_of(user, administration)


@rules.predicate
def may_reopen(user, poll) -> bool:
    return poll is not None and poll.reopened_at is None and not is_open(poll)


@rules.predicate
def is_hidden(user, poll) -> bool:
    return poll is not None and poll.hidden_at is not None


@rules.predicate
def has_final_answer(user, poll) -> bool:
    """Some administration has handed in its answer: the questions are fixed from then on."""
    return poll is not None and Answer.objects.filter(
        poll=poll, state=AnswerState.FINAL).exists()


# --- permissions on who the user is (views declare them) --------------------------------

rules.add_perm("polls.view_polls", is_member_staff)
rules.add_perm("polls.add_poll", is_member_staff)
rules.add_perm("polls.view_poll", is_visible)
rules.add_perm("polls.answer_poll", is_visible & is_asked)
rules.add_perm("polls.view_results", results_shown)
rules.add_perm("polls.manage_poll", is_visible & (is_asker | is_coordinator))
rules.add_perm("polls.moderate_poll", is_coordinator)

# --- state rules (services check them, templates ask `{% test_rule %}`) ------------------

# Also as permissions: services ask them through common.permissions.permission_check.
for _name, _rule in {
    "polls.answer_open_poll": is_visible & is_asked & is_open_poll,
    "polls.finalise_answer": is_visible & is_asked & editor_of_own,
    "polls.close_poll": is_visible & (is_asker | is_coordinator) & is_open_poll,
    "polls.reopen_poll": is_visible & (is_asker | is_coordinator) & may_reopen,
    # The asker changes questions and audience only while nobody has handed in an answer.
    "polls.edit_poll": is_visible & is_asker & is_open_poll & ~has_final_answer,
    "polls.hide_poll": is_coordinator & ~is_hidden,
    "polls.unhide_poll": is_coordinator & is_hidden,
}.items():
    rules.add_rule(_name, _rule)
    rules.add_perm(_name, _rule)
