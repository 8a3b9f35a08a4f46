"""The rules of projects.rules: who may edit statuses and joint projects, and the state
rules of survey rounds, which hold for admins too."""

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import rules
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from projects.models import JointProject, SurveyResponse
from projects.surveys.services import survey_round_close, survey_round_open
from tests.factories import AdministrationFactory
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_round(coordinator):
    return survey_round_open(by=coordinator, title="Erhebung Frühjahr", topics=[make_topic()],
                             deadline=timezone.localdate() + timedelta(days=14))


def _answer(survey_round, administration):
    return SurveyResponse(round=survey_round, administration=administration)


def test_statuses_are_editable_by_own_editors_and_the_coordination_office(
        administration, reader, editor, other_editor, coordinator, admin_user):
    allowed = {user.first_name: rules.has_perm("projects.change_status", user, administration)
               for user in [reader, editor, other_editor, coordinator, admin_user]}

    assert allowed == {"Rita": False, "Erik": True, "Olga": False, "Katrin": True,
                       "Paula": True}
    assert rules.has_perm("projects.change_status", AnonymousUser(), administration) is False


def test_joint_project_is_editable_by_the_leads_editors_not_the_participants(
        administration, other_administration, editor, other_editor, coordinator):
    project = JointProject.objects.create(title="Baulasten", slug="baulasten", goal="Scannen",
                                          lead=administration)
    project.participants.set([administration, other_administration])

    assert rules.has_perm("projects.change_joint_project", editor, project) is True
    assert rules.has_perm("projects.change_joint_project", other_editor, project) is False
    assert rules.has_perm("projects.change_joint_project", coordinator, project) is True
    assert rules.has_perm("projects.change_joint_project_lead", editor) is False
    assert rules.has_perm("projects.change_joint_project_lead", coordinator) is True


def test_open_round_can_be_closed_by_coordinators_only(survey_round, editor, coordinator,
                                                       admin_user):
    assert rules.test_rule("projects.close_survey", coordinator, survey_round) is True
    assert rules.test_rule("projects.close_survey", admin_user, survey_round) is True
    assert rules.test_rule("projects.close_survey", editor, survey_round) is False


def test_closed_round_cannot_be_closed_again_not_even_by_an_admin(survey_round, coordinator,
                                                                 admin_user):
    survey_round_close(survey_round=survey_round, by=coordinator)
    survey_round.refresh_from_db()

    assert rules.test_rule("projects.close_survey", coordinator, survey_round) is False
    assert rules.test_rule("projects.close_survey", admin_user, survey_round) is False
    assert rules.has_perm("projects.close_survey", admin_user, survey_round) is False
    # Django lets active superusers pass every has_perm; templates therefore ask the state
    # rules with {% test_rule %}.
    assert admin_user.has_perm("projects.close_survey", survey_round) is True


def test_round_is_answered_for_an_administration_by_its_editors_while_open(
        survey_round, administration, other_administration, reader, editor, other_editor,
        coordinator):
    mine, theirs = _answer(survey_round, administration), _answer(survey_round,
                                                                  other_administration)

    assert [rules.test_rule("projects.answer_survey", user, mine)
            for user in [reader, editor, other_editor, coordinator]] == [
        False, True, False, True]
    assert rules.test_rule("projects.answer_survey", editor, theirs) is False
    assert rules.test_rule("projects.answer_survey", coordinator, theirs) is True

    survey_round_close(survey_round=survey_round, by=coordinator)
    survey_round.refresh_from_db()

    assert rules.test_rule("projects.answer_survey", editor, mine) is False
    assert rules.test_rule("projects.answer_survey", coordinator, mine) is False


def test_round_is_not_answered_for_former_or_future_members(survey_round, coordinator):
    former = AdministrationFactory(member_until=date(2021, 1, 1))
    future = AdministrationFactory(member_since=timezone.localdate() + timedelta(days=30))

    assert rules.test_rule("projects.answer_survey", coordinator,
                           _answer(survey_round, former)) is False
    assert rules.test_rule("projects.answer_survey", coordinator,
                           _answer(survey_round, future)) is False


def test_closed_round_page_offers_admins_the_comparison_not_the_closing(
        client, survey_round, coordinator, admin_user):
    survey_round_close(survey_round=survey_round, by=coordinator)
    client.force_login(admin_user)

    page = client.get(survey_round.get_absolute_url()).content.decode()

    assert "Erhebung abschließen" not in page
    assert reverse("projects:survey_close", args=[survey_round.pk]) not in page
    assert reverse("projects:survey_compare", args=[survey_round.pk]) in page


def test_open_round_page_offers_the_closing_to_coordinators_only(
        client, survey_round, editor, coordinator):
    close_url = reverse("projects:survey_close", args=[survey_round.pk])
    client.force_login(editor)
    editor_page = client.get(survey_round.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    coordinator_page = client.get(survey_round.get_absolute_url()).content.decode()

    assert close_url not in editor_page and "Jetzt beantworten" in editor_page
    assert close_url in coordinator_page


def test_every_permission_the_code_and_templates_ask_is_a_rule_and_every_rule_is_asked():
    # rules answers an unknown name with False: a typo would refuse everyone, silently.
    root = Path(settings.BASE_DIR)
    files = [*(root / "projects").rglob("*.py"), *(root / "templates" / "projects").rglob("*.html")]
    asked = {name for path in files for name in re.findall(
        r"(?:has_perm|permission_required|test_rule)\(?\s*\"(projects\.[a-z_]+)\"",
        path.read_text(encoding="utf-8"))}

    assert sorted(name for name in asked if not rules.perm_exists(name)) == []
    # Templates ask the state rules with {% test_rule %}, which reads the plain rules.
    assert {"projects.close_survey", "projects.answer_survey"} <= asked
    assert rules.rule_exists("projects.close_survey") and rules.rule_exists(
        "projects.answer_survey")
    # And no rule is left that nothing asks.
    assert asked == {name for name in rules.permissions.permissions
                     if name.startswith("projects.")}
