"""Every write action of projects, for every role: through the page (403 and nothing written
for whoever lacks the permission) and through the service (PermissionDenied), so neither
a hidden button nor the view's declaration is the only guard. The URL list at the end makes
sure a new page of projects is added here or declared read-only."""

import csv
import io
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from members.models import Administration
from projects import urls as projects_urls
from projects.catalogue.services import topic_save
from projects.enums import ProjectStage, Stage, SurveyState
from projects.joint_projects.services import (
    joint_project_save,
    milestone_save,
    milestone_set_done,
    project_document_add,
)
from projects.models import (
    JointProject,
    Milestone,
    OzgService,
    ProjectDocument,
    Status,
    SurveyResponse,
    SurveyRound,
    Topic,
)
from projects.statuses.services import status_save
from projects.surveys.services import survey_answer_save, survey_round_close, survey_round_open
from tests.projects.helpers import make_service, make_topic

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "coordinator", "admin"]
COORDINATION = {"coordinator", "admin"}
# The editor belongs to the administration whose statuses are edited and which leads the
# joint project; the other editor to another member.
EDITORS_OF_IT = COORDINATION | {"editor"}
IN_TWO_WEEKS = timezone.localdate() + timedelta(days=14)


@dataclass
class World:
    administration: Administration
    other: Administration
    topic: Topic
    service: OzgService
    survey_round: SurveyRound
    project: JointProject
    milestone: Milestone
    users: dict


@pytest.fixture
def world(administration, other_administration, reader, editor, other_editor, coordinator,
          admin_user):
    topic = make_topic()
    survey_round = survey_round_open(by=coordinator, title="Erhebung Frühjahr",
                                     deadline=IN_TWO_WEEKS, topics=[topic])
    project = JointProject.objects.create(title="Baulastenakten digitalisieren",
                                          slug="baulastenakten", goal="Akten scannen",
                                          lead=administration, stage=ProjectStage.RUNNING)
    milestone = Milestone.objects.create(project=project, date=IN_TWO_WEEKS,
                                         title="Pilotkreis gescannt")
    return World(administration, other_administration, topic, make_service(), survey_round,
                 project, milestone,
                 {"visitor": None, "reader": reader, "editor": editor,
                  "other_editor": other_editor, "coordinator": coordinator,
                  "admin": admin_user})


# --- through the pages ---------------------------------------------------------------------
# Each action posts what a user with the right would send and says whether it took effect.

def _status_topic(client, w):
    response = client.post(reverse("projects:status_edit_topic",
                                   args=[w.administration.slug, w.topic.slug]),
                           {"version": 0, "stage": Stage.PILOT})
    return response, Status.objects.filter(topic=w.topic, stage=Stage.PILOT).exists()


def _status_service(client, w):
    response = client.post(reverse("projects:status_edit_service",
                                   args=[w.administration.slug, w.service.ozg_id]),
                           {"version": 0, "stage": Stage.LIVE, "maturity": 3})
    return response, Status.objects.filter(service=w.service, maturity=3).exists()


def _status_import(client, w):
    output = io.StringIO()
    csv.writer(output, delimiter=";").writerows([
        ["Verwaltung", "Regionalschlüssel", "Art", "Thema/OZG-ID", "Bezeichnung", "Stand",
         "Reifegrad", "seit", "zuständige Stelle", "Produkt/Anbieter", "Ansprechperson",
         "Notiz"],
        [w.administration.name, w.administration.regional_key, "Thema", w.topic.slug, "",
         "im Betrieb", "", "", "", "", "", ""]])
    upload = SimpleUploadedFile("sachstaende.csv", ("\ufeff" + output.getvalue()).encode())
    response = client.post(reverse("projects:import"), {"file": upload})
    return response, Status.objects.filter(topic=w.topic, stage=Stage.LIVE).exists()


def _survey_open(client, w):
    response = client.post(reverse("projects:survey_create"), {
        "title": "Vor der Herbstsitzung", "topics": [w.topic.pk],
        "deadline": IN_TWO_WEEKS.isoformat()})
    return response, SurveyRound.objects.filter(title="Vor der Herbstsitzung").exists()


def _survey_answer(client, w):
    key = f"t{w.topic.pk}"
    response = client.post(reverse("projects:survey_answer",
                                   args=[w.survey_round.pk, w.administration.slug]),
                           {f"{key}-version": 0, f"{key}-stage": Stage.PLANNED})
    return response, SurveyResponse.objects.filter(administration=w.administration).exists()


def _survey_close(client, w):
    response = client.post(reverse("projects:survey_close", args=[w.survey_round.pk]))
    w.survey_round.refresh_from_db()
    return response, w.survey_round.state == SurveyState.CLOSED


def _topic_create(client, w):
    response = client.post(reverse("projects:topic_create"), {
        "name": "Digitale Bauakte", "slug": "", "group": "citizen", "order": 3,
        "is_active": "on"})
    return response, Topic.objects.filter(slug="digitale-bauakte").exists()


def _topic_edit(client, w):
    response = client.post(reverse("projects:topic_edit", args=[w.topic.slug]), {
        "name": "E-Akte und Scannen", "slug": w.topic.slug, "group": "internal", "order": 1,
        "is_active": "on"})
    return response, Topic.objects.filter(name="E-Akte und Scannen").exists()


def _project_data(w, **changes):
    return {"title": "Baulastenakten digitalisieren", "slug": "baulastenakten",
            "goal": "Akten scannen", "lead": w.administration.pk, "participants": [],
            "working_group": "", "stage": ProjectStage.RUNNING, "start": "", "end": "",
            "funding_note": "", "topics": [], "decisions": [], **changes}


def _project_create(client, w):
    response = client.post(reverse("projects:project_create"), _project_data(
        w, title="Kfz-Wiederzulassung", slug="kfz"))
    return response, JointProject.objects.filter(slug="kfz").exists()


def _project_edit(client, w):
    response = client.post(reverse("projects:project_edit", args=[w.project.slug]),
                           _project_data(w, stage=ProjectStage.COMPLETED))
    return response, JointProject.objects.filter(stage=ProjectStage.COMPLETED).exists()


def _project_lead(client, w):
    response = client.post(reverse("projects:project_edit", args=[w.project.slug]),
                           _project_data(w, lead=w.other.pk))
    return response, JointProject.objects.filter(lead=w.other).exists()


def _milestone_create(client, w):
    response = client.post(reverse("projects:milestone_create", args=[w.project.slug]),
                           {"date": "2026-09-30", "title": "Alle Akten gescannt"})
    return response, Milestone.objects.filter(title="Alle Akten gescannt").exists()


def _milestone_edit(client, w):
    response = client.post(reverse("projects:milestone_edit",
                                   args=[w.project.slug, w.milestone.pk]),
                           {"date": "2026-03-15", "title": "Pilotkreis Mayen gescannt"})
    return response, Milestone.objects.filter(title="Pilotkreis Mayen gescannt").exists()


def _milestone_done(client, w):
    response = client.post(reverse("projects:milestone_done",
                                   args=[w.project.slug, w.milestone.pk]), {"done": "1"})
    return response, Milestone.objects.filter(done=True).exists()


def _document_upload(client, w):
    response = client.post(reverse("projects:project_document_upload", args=[w.project.slug]),
                           {"title": "Projektplan",
                            "file": SimpleUploadedFile("plan.pdf", b"%PDF-1.7 Projektplan")})
    return response, ProjectDocument.objects.filter(title="Projektplan").exists()


# action → (the roles it works for, the status code of success)
ACTIONS = {
    "status_edit_topic": (_status_topic, EDITORS_OF_IT, 302),
    "status_edit_service": (_status_service, EDITORS_OF_IT, 302),
    "import": (_status_import, COORDINATION, 200),
    "survey_create": (_survey_open, COORDINATION, 302),
    "survey_answer": (_survey_answer, EDITORS_OF_IT, 302),
    "survey_close": (_survey_close, COORDINATION, 302),
    "topic_create": (_topic_create, COORDINATION, 302),
    "topic_edit": (_topic_edit, COORDINATION, 302),
    "project_create": (_project_create, COORDINATION, 302),
    "project_edit": (_project_edit, EDITORS_OF_IT, 302),
    "project_lead": (_project_lead, COORDINATION, 302),
    "milestone_create": (_milestone_create, EDITORS_OF_IT, 302),
    "milestone_edit": (_milestone_edit, EDITORS_OF_IT, 302),
    "milestone_done": (_milestone_done, EDITORS_OF_IT, 302),
    "project_document_upload": (_document_upload, EDITORS_OF_IT, 302),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_write_action_works_only_for_its_roles(client, world, role, action):
    perform, allowed, success = ACTIONS[action]
    if world.users[role]:
        client.force_login(world.users[role])

    response, changed = perform(client, world)

    assert changed is (role in allowed)
    if role in allowed:
        assert response.status_code == success
    elif action == "project_lead" and role == "editor":
        # The lead's editors save the project; the lead field is locked for them.
        assert response.status_code == 302
        assert JointProject.objects.get().lead == world.administration
    else:
        assert response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()


# URL names of projects that only read (their permissions are tested with their pages).
READ_ONLY = {
    "index", "progress", "ozg", "service", "catalogue", "topic", "status_history",
    "status_service_pick", "export_statuses_csv", "export_statuses_xlsx", "export_matrix_csv",
    "export_matrix_xlsx", "surveys", "survey", "survey_compare", "survey_compare_export",
    "projects", "project", "project_document",
}


def test_every_page_of_projects_is_a_tested_write_action_or_read_only():
    names = {pattern.name for pattern in projects_urls.urlpatterns}

    assert names == READ_ONLY | (set(ACTIONS) - {"project_lead"})


# --- through the services ------------------------------------------------------------------

def _user(world, role):
    return world.users[role] or AnonymousUser()


SERVICES = {
    "status_save": (lambda w, by: status_save(
        administration=w.administration, topic=w.topic, by=by,
        fields={"stage": Stage.PILOT}), EDITORS_OF_IT),
    "topic_save": (lambda w, by: topic_save(
        topic=Topic(), by=by, fields={"name": "Digitale Bauakte", "group": "citizen"}),
        COORDINATION),
    "survey_round_open": (lambda w, by: survey_round_open(
        by=by, title="Vor der Herbstsitzung", deadline=IN_TWO_WEEKS, topics=[w.topic]),
        COORDINATION),
    "survey_answer_save": (lambda w, by: survey_answer_save(
        survey_round=w.survey_round, administration=w.administration, by=by, answers=[]),
        EDITORS_OF_IT),
    "survey_round_close": (lambda w, by: survey_round_close(
        survey_round=w.survey_round, by=by), COORDINATION),
    "joint_project_save (new)": (lambda w, by: joint_project_save(
        project=JointProject(title="Kfz", goal="Online", lead=w.administration), by=by,
        fields={}, participants=[], topics=[], decisions=[]), COORDINATION),
    "joint_project_save": (lambda w, by: joint_project_save(
        project=w.project, by=by, fields={"stage": ProjectStage.COMPLETED}, participants=[],
        topics=[], decisions=[]), EDITORS_OF_IT),
    "joint_project_save (lead)": (lambda w, by: joint_project_save(
        project=w.project, by=by, fields={"lead": w.other}, participants=[], topics=[],
        decisions=[]), COORDINATION),
    "milestone_save": (lambda w, by: milestone_save(
        milestone=w.milestone, by=by, fields={"title": "Neu"}), EDITORS_OF_IT),
    "milestone_set_done": (lambda w, by: milestone_set_done(
        milestone=w.milestone, done=True, by=by), EDITORS_OF_IT),
    "project_document_add": (lambda w, by: project_document_add(
        project=w.project, title="Plan", by=by,
        file=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 x")), EDITORS_OF_IT),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("service", SERVICES)
def test_service_refuses_whoever_lacks_the_permission(world, role, service):
    call, allowed = SERVICES[service]

    if role in allowed:
        call(world, _user(world, role))  # no refusal
    else:
        with pytest.raises(PermissionDenied):
            call(world, _user(world, role))
