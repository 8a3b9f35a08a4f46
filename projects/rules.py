"""Who may do what in projects (django-rules): every predicate and permission of the app.

Roles come from members.rules (member staff, coordinator, editor of an administration);
this module adds what projects knows: the state of a survey round, whose answer a survey
response is, who leads a joint project. Views declare these permissions
(common.permissions), templates ask them (`{% has_perm %}`, `{% test_rule %}`), services
check them before they write.

Two kinds:

* Role permissions (`view_statuses`, `change_status`, `manage_surveys`, …) depend on who the
  user is. Views declare them, so a stale page that asks for something no longer possible
  (closing a round twice) gets a message, not a refusal.
* State rules (`close_survey`, `answer_survey`) add the state of the object. Services
  check them and templates ask them with `{% test_rule %}`: Django's `user.has_perm` (and so
  `{% has_perm %}`) is always true for active superusers and would offer an admin to close
  a round that is already closed. `rules.test_rule` and `rules.has_perm` answer exactly;
  superusers pass the role predicates anyway (members.rules counts them as coordinators).
"""

import rules
from django.utils import timezone

from members.rules import is_coordinator, is_editor_of, is_member_staff

# --- predicates --------------------------------------------------------------------------


@rules.predicate
def may_edit_statuses_of(user, administration) -> bool:
    """A status is editable by the administration's editors, and by coordinators and admins
    for every administration."""
    return bool(administration is not None and is_editor_of(user, administration))


@rules.predicate
def survey_round_is_open(user, survey_round) -> bool:
    return bool(survey_round is not None and survey_round.is_open)


def _is_current_member(administration, on=None) -> bool:
    # In Python, not AdministrationQuerySet.current(): pages ask this once per row.
    on = on or timezone.localdate()
    return bool(administration.member_since and administration.member_since <= on
                and (administration.member_until is None or administration.member_until > on))


@rules.predicate
def response_is_answerable(user, response) -> bool:
    """The response of one administration to one round (a SurveyResponse, saved or not)
    can still be given: the round is open and the administration a current member."""
    return bool(response is not None and survey_round_is_open(user, response.round)
                and _is_current_member(response.administration))


@rules.predicate
def may_answer_for(user, response) -> bool:
    """Whoever may edit an administration's statuses answers surveys for it."""
    return bool(response is not None and may_edit_statuses_of(user, response.administration))


@rules.predicate
def may_edit_joint_project(user, project) -> bool:
    """Coordinators and admins, and the editors of the lead administration. Rights follow
    the stored lead: pass the project as loaded, not a form's changed instance."""
    return bool(project is not None and is_editor_of(user, project.lead))


# --- permissions -------------------------------------------------------------------------

# Statuses are internal working states of the members: member staff see them on every page,
# list, export and in the search; nobody else does.
rules.add_perm("projects.view_statuses", is_member_staff)
rules.add_perm("projects.change_status", may_edit_statuses_of)  # object: the administration
rules.add_perm("projects.import_statuses", is_coordinator)

# The topic catalogue: member staff read it, the coordination office maintains it.
rules.add_perm("projects.view_catalogue", is_member_staff)
rules.add_perm("projects.maintain_catalogue", is_coordinator)

# Sachstandserhebungen.
rules.add_perm("projects.view_surveys", is_member_staff)
rules.add_perm("projects.manage_surveys", is_coordinator)  # open rounds, close them

# Joint projects: everyone reads the overview and the project pages; member staff also see
# the funding note, the documents and the links to internal topic pages.
rules.add_perm("projects.view_project_internals", is_member_staff)
rules.add_perm("projects.add_joint_project", is_coordinator)
rules.add_perm("projects.change_joint_project", may_edit_joint_project)  # object: project
# Handing a project to another administration is a decision of the network.
rules.add_perm("projects.change_joint_project_lead", is_coordinator)

# State rules (see the module docstring): permissions for services, plain rules (the same
# predicate) for `{% test_rule %}` in templates.
survey_round_can_be_closed = is_coordinator & survey_round_is_open  # object: the round
# object: a SurveyResponse, the answer of one administration to one round
survey_round_can_be_answered = may_answer_for & response_is_answerable

rules.add_perm("projects.close_survey", survey_round_can_be_closed)
rules.add_rule("projects.close_survey", survey_round_can_be_closed)
rules.add_perm("projects.answer_survey", survey_round_can_be_answered)
rules.add_rule("projects.answer_survey", survey_round_can_be_answered)
