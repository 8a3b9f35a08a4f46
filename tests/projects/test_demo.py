"""The demo projects: catalogue, statuses with history, survey rounds, joint projects,
summaries, idempotence, no mail."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from meetings import demo as meetings_demo
from meetings.enums import MeetingState
from members import demo as members_demo
from members.models import Administration
from projects import demo
from projects.enums import ProjectStage, Stage, StatusSource, SurveyState, TopicGroup
from projects.models import (
    JointProject,
    MaturityCount,
    Milestone,
    OzgLebenslage,
    OzgService,
    OzgThemenfeld,
    StageCount,
    Status,
    StatusChange,
    SurveyResponse,
    SurveyRound,
    SurveySnapshot,
    Topic,
)
from projects.statuses.services import summaries_rebuild

DISTRICTS = {"07131", "07132", "07135", "07137", "07138", "07140", "07141", "07143", "07233",
             "07339"}
TOPIC_NAMES = {
    "E-Akte", "Dokumentenmanagementsystem", "OZG-Onlinedienste", "Online-Terminvereinbarung",
    "Elterngeld digital", "Papierlose Ratsarbeit", "Digitales Baulastenverzeichnis",
    "Kfz-Ummeldung im Bürgerbüro", "Bürger-/Serviceportal", "Mobiles Arbeiten",
    "Webseminare/Videokonferenzen", "Social Media", "Fortbildung Digitalisierung",
    "Smart Region",
}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo network loaded once for this module and rolled back afterwards."""
    today = timezone.localdate()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        sent_before = len(getattr(mail, "outbox", []))
        members_demo.load()
        meetings_demo.load(today=today)
        demo.load(today=today)
        sent = len(getattr(mail, "outbox", [])) - sent_before
    yield {"today": today, "sent": sent}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo_db(loaded, db):
    return loaded


def _status(key, slug):
    return Status.objects.select_related("contact").get(administration__regional_key=key,
                                                        topic__slug=slug)


def _rows(model, *extra):
    fields = [f.attname for f in model._meta.concrete_fields]
    return sorted((tuple(sorted(row.items())) for row in model.objects.values(*fields, *extra)),
                  key=repr)


def _snapshot():
    """Every column of every projects row the demo writes, timestamps included."""
    return [
        _rows(Topic), _rows(OzgThemenfeld), _rows(OzgLebenslage), _rows(OzgService),
        _rows(Status), _rows(StatusChange), _rows(StageCount), _rows(MaturityCount),
        _rows(SurveyRound), _rows(SurveyResponse), _rows(SurveySnapshot),
        _rows(JointProject), _rows(Milestone),
        sorted(SurveyRound.topics.through.objects.values_list("surveyround_id", "topic_id")),
        sorted(SurveyRound.themenfelder.through.objects.values_list(
            "surveyround_id", "ozgthemenfeld_id")),
        sorted(JointProject.participants.through.objects.values_list(
            "jointproject_id", "administration_id")),
        sorted(JointProject.topics.through.objects.values_list("jointproject_id", "topic_id")),
        sorted(JointProject.decisions.through.objects.values_list(
            "jointproject_id", "decision_id")),
    ]


def test_demo_creates_the_topic_catalogue_in_four_groups(demo_db):
    assert set(Topic.objects.values_list("name", flat=True)) == TOPIC_NAMES
    groups = Counter(Topic.objects.values_list("group", flat=True))
    assert groups == {TopicGroup.INTERNAL: 4, TopicGroup.CITIZEN: 6,
                      TopicGroup.INFRASTRUCTURE: 2, TopicGroup.WORK: 2}
    assert not Topic.objects.filter(description="").exists()
    assert Topic.objects.get(slug="e-akte").group == TopicGroup.INTERNAL


def test_demo_loads_the_ozg_catalogue_from_the_reference_files(demo_db):
    assert (OzgThemenfeld.objects.count(), OzgLebenslage.objects.count(),
            OzgService.objects.count()) == (14, 55, 557)


def test_demo_has_a_status_for_every_district_and_topic(demo_db):
    topic_statuses = Status.objects.filter(topic__isnull=False)
    assert topic_statuses.count() == 140
    pairs = set(topic_statuses.values_list("administration__regional_key", "topic__slug"))
    assert pairs == {(key, slug) for key in DISTRICTS
                     for slug in Topic.objects.values_list("slug", flat=True)}
    for status in topic_statuses.select_related("contact"):
        if status.stage == Stage.NOT_PLANNED:
            assert status.contact is None and status.department == "", status
        else:
            assert status.contact.administration_id == status.administration_id, status
            assert status.department and status.since, status
    assert set(topic_statuses.values_list("stage", flat=True)) == set(Stage.values)
    assert topic_statuses.exclude(product="").count() >= 40


def test_demo_has_ozg_statuses_with_maturity_levels_per_district(demo_db):
    services = Status.objects.filter(service__isnull=False)
    assert services.count() == 128
    per_district = Counter(services.values_list("administration__regional_key", flat=True))
    assert set(per_district) == DISTRICTS
    assert all(10 <= count <= 20 for count in per_district.values())
    assert not services.filter(maturity__isnull=True).exists()
    assert not services.exclude(contact=None).exists()
    assert set(services.values_list("maturity", flat=True)) == {1, 2, 3, 4}
    kfz = services.get(administration__regional_key="07138", service__ozg_id=10439)
    assert (kfz.stage, kfz.maturity, kfz.department, kfz.product) == (
        Stage.LIVE, 4, "Kfz-Zulassungsstelle", "i-Kfz")


def test_demo_contains_the_examples_the_networks_report(demo_db):
    appointments = _status("07141", "online-terminvereinbarung")
    assert appointments.stage == Stage.LIVE
    assert "Ausländerbehörde" in appointments.department
    assert "Kfz-Zulassungsstelle" in appointments.department
    e_file = _status("07138", "e-akte")
    assert (e_file.stage, e_file.department) == (Stage.IN_PROGRESS, "Ausländerbehörde")
    assert _status("07137", "e-akte").stage == Stage.LIVE
    council = _status("07143", "papierlose-ratsarbeit")
    assert council.stage == Stage.IN_PROGRESS
    assert _status("07131", "papierlose-ratsarbeit").stage == Stage.LIVE
    assert _status("07131", "baulastenverzeichnis").contact.name == "Stefan Wagner"


def test_demo_history_shows_progress_over_the_survey_rounds(demo_db):
    today = demo_db["today"]
    changes = StatusChange.objects.all()
    per_status = Counter(changes.values_list("status_id", flat=True))
    assert set(per_status) == set(Status.objects.values_list("pk", flat=True))
    assert sum(1 for count in per_status.values() if count >= 3) >= 50
    assert set(changes.values_list("changed_by__email", flat=True)) == {
        "koordination@example.org"}
    assert set(changes.values_list("source", flat=True)) == {StatusSource.FORM,
                                                             StatusSource.SURVEY}
    dates = [timezone.localdate(at) for at in changes.values_list("changed_at", flat=True)]
    assert max(dates) < today
    assert (today - min(dates)).days > 200
    # versions count the changes, as status_save keeps them
    for status in Status.objects.all():
        assert status.version == per_status[status.pk]
        assert status.updated_at == status.changes.order_by("pk").last().changed_at


def test_demo_summaries_equal_a_full_recount(demo_db):
    def counts():
        return (set(StageCount.objects.filter(count__gt=0).values_list(
                    "scope", "scope_id", "stage", "count")),
                set(MaturityCount.objects.filter(count__gt=0).values_list(
                    "themenfeld_id", "maturity", "count")))
    incremental = counts()

    summaries_rebuild()

    assert counts() == incremental
    assert sum(StageCount.objects.filter(scope="network_topics").values_list(
        "count", flat=True)) == 140


def test_demo_has_two_closed_survey_rounds_and_an_open_one(demo_db):
    today = demo_db["today"]
    closed = list(SurveyRound.objects.filter(state=SurveyState.CLOSED).order_by("deadline"))
    assert [r.title for r in closed] == [
        "Sachstandserhebung zur Sitzung in Daun",
        "Sachstandserhebung zur Sitzung in Ingelheim am Rhein"]
    for survey in closed:
        assert survey.closed_at and survey.opened_at < survey.closed_at
        assert survey.deadline < today
        assert survey.meeting.state == MeetingState.MINUTES_PUBLISHED
        assert survey.deadline < timezone.localdate(survey.meeting.starts_at)
        assert survey.topics.count() == 14
    completed = [r.responses.exclude(completed_at=None).count() for r in closed]
    assert completed == [8, 9]
    assert all(r.responses.count() == 10 for r in closed)

    survey = SurveyRound.objects.get(state=SurveyState.OPEN)
    assert survey.title == "Sachstandserhebung zur Sitzung in Montabaur"
    assert timedelta(days=8) <= survey.deadline - today <= timedelta(days=18)
    assert survey.closed_at is None
    assert survey.meeting.state == MeetingState.INVITED
    assert survey.meeting.working_group.name == "AG Digitales Kreishaus"
    assert survey.deadline < timezone.localdate(survey.meeting.starts_at)
    assert survey.responses.exclude(completed_at=None).count() == 4
    assert not survey.snapshots.exists()
    assert survey.themenfelder.count() == len(set(Status.objects.exclude(service=None)
                                                  .values_list("service__themenfeld", flat=True)))
    assert all(not r.themenfelder.exists() for r in closed)


def test_demo_snapshots_freeze_the_statuses_as_they_were_when_a_round_closed(demo_db):
    closed = SurveyRound.objects.filter(state=SurveyState.CLOSED).order_by("deadline")
    statuses = {s.pk: (s.administration_id, s.topic_id, s.service_id)
                for s in Status.objects.all()}
    for survey in closed:
        assert survey.snapshots.count() == 140  # OZG services are asked for from now on
        # replay the history up to the close of the round
        stages, maturities = {}, {}
        for change in StatusChange.objects.filter(changed_at__lte=survey.closed_at).order_by(
                "changed_at", "pk"):
            key = statuses[change.status_id]
            stages[key] = change.changes.get("stage", [None, stages.get(key, 0)])[1]
            maturities[key] = change.changes.get("maturity", [None, maturities.get(key)])[1]
        for snapshot in survey.snapshots.all():
            key = (snapshot.administration_id, snapshot.topic_id, snapshot.service_id)
            assert (snapshot.stage, snapshot.maturity) == (stages[key], maturities[key])
    first, second = closed
    progress = {(s.administration_id, s.topic_id, s.service_id): s.stage
                for s in first.snapshots.all()}
    improved = [s for s in second.snapshots.all()
                if s.stage > progress[s.administration_id, s.topic_id, s.service_id]]
    assert len(improved) >= 20


def test_demo_joint_projects_with_milestones_and_decisions(demo_db):
    today = demo_db["today"]
    projects = {p.slug: p for p in JointProject.objects.select_related("lead", "working_group")}
    assert {p.title for p in projects.values()} == {
        "Baulastenakten digitalisieren", "Kfz-Ummeldung in den Bürgerbüros",
        "Gemeinsames Fortbildungsprogramm Digitalisierung"}
    baulasten = projects["baulastenakten-digitalisieren"]
    assert baulasten.lead.name == "Landkreis Ahrweiler"
    assert baulasten.stage == ProjectStage.RUNNING
    assert "Rahmenvertrag" in baulasten.funding_note
    assert set(baulasten.topics.values_list("slug", flat=True)) == {
        "baulastenverzeichnis", "e-akte"}
    kfz = projects["kfz-ummeldung-buergerbueros"]
    assert set(kfz.participants.values_list("name", flat=True)) >= {
        "Landkreis Mayen-Koblenz", "Stadt Andernach"}
    assert projects["fortbildungsprogramm-digitalisierung"].lead.name.startswith(
        "Landkreis Altenkirchen")
    for project in projects.values():
        assert project.working_group.name == "AG Digitales Kreishaus"
        assert project.lead in project.participants.all()
        assert project.start < today < project.end
        milestones = list(project.milestones.all())
        assert 3 <= len(milestones) <= 5
        assert all(m.date < today for m in milestones if m.done)
        assert any(not m.done and m.date > today for m in milestones)
        decisions = list(project.decisions.select_related("meeting"))
        assert 1 <= len(decisions) <= 2
        assert all(d.meeting.starts_at < timezone.now() for d in decisions)
    assert "Scandienstleistungen" in baulasten.decisions.order_by("pk").first().wording


def test_demo_sends_no_mail(demo_db):
    assert demo_db["sent"] == 0


def test_demo_data_second_run_changes_nothing(demo_db):
    before = _snapshot()
    out = StringIO()

    call_command("demo_data", stdout=out)

    assert _snapshot() == before
    assert ("14 topics, 557 OZG services, 268 statuses, 3 survey rounds, 3 joint projects"
            in out.getvalue())
    assert Administration.objects.filter(regional_key__in=DISTRICTS).count() == 10
    assert len(mail.outbox) == 0
