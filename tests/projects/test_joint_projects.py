"""Joint projects: overview, project page by role, writing by coordinators and the lead's
editors, forms and query counts."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.enums import MinutesState
from meetings.models import Decision, Minutes
from members.enums import AdministrationKind, FederalState
from members.models import Administration
from projects.enums import ProjectStage
from projects.joint_projects.services import joint_project_save, milestone_save, milestone_set_done
from projects.models import JointProject, Milestone
from tests.factories import AdministrationFactory
from tests.meetings.helpers import make_group, make_meeting
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "lead_editor", "other_editor", "coordinator", "admin"]
COORDINATION = {"coordinator", "admin"}
PROJECT_WRITERS = COORDINATION | {"lead_editor"}
# The open milestone of the demo project is overdue whenever the tests run.
DONE_DAY = timezone.localdate() - timedelta(days=200)
OPEN_DAY = timezone.localdate() - timedelta(days=10)


def _project(lead, title="Baulastenakten digitalisieren", slug="baulastenakten",
             participants=(), **fields):
    project = JointProject.objects.create(
        title=title, slug=slug, lead=lead,
        goal=fields.pop("goal", "Die Baulastenakten aller Kreise werden gescannt."), **fields)
    project.participants.set(participants)
    return project


def _administration(slug, name=None):
    # Bulk rows bypass AdministrationFactory: its regional keys run out after 1,000 rows
    # in one test session, and these tests create hundreds.
    return Administration.objects.create(name=name or f"Verwaltung {slug}", slug=slug,
                                         kind=AdministrationKind.GEMEINDE,
                                         federal_state=FederalState.RP,
                                         member_since=date(2020, 1, 1))


def _milestone(project, day, title="Meilenstein", done=False):
    return Milestone.objects.create(project=project, date=day, title=title, done=done)


def _decision(meeting, wording="Die AG beschließt das Projekt.",
              minutes=MinutesState.PUBLISHED):
    # Member staff see a decision once the minutes holding it are published.
    Minutes.objects.update_or_create(meeting=meeting, defaults={"state": minutes})
    return Decision.objects.create(meeting=meeting, wording=wording)


@pytest.fixture
def group(administration, other_administration):
    return make_group(administration, other_administration, slug="bauen", name="AG Bauen")


@pytest.fixture
def project(administration, other_administration, group):
    project = _project(administration, participants=[administration, other_administration],
                       working_group=group, stage=ProjectStage.RUNNING,
                       start=date(2025, 3, 1), end=date(2026, 12, 31),
                       funding_note="Gefördert aus dem Landesprogramm Digitale Kommune.")
    project.topics.set([make_topic(name="Bauen und Wohnen", slug="bauen-wohnen")])
    meeting = make_meeting(group, days=-20, title="Sitzung AG Bauen", state="held")
    project.decisions.set([_decision(meeting, "Die AG beauftragt die Ausschreibung des "
                                              "Scandienstleisters.")])
    _milestone(project, DONE_DAY, "Ausschreibung veröffentlicht", done=True)
    _milestone(project, OPEN_DAY, "Pilotkreis gescannt")
    return project


@pytest.fixture
def users(reader, editor, other_editor, coordinator, admin_user):
    return {"visitor": None, "reader": reader, "lead_editor": editor,
            "other_editor": other_editor, "coordinator": coordinator, "admin": admin_user}


# --- Overview -------------------------------------------------------------------------------

def test_project_list_shows_stage_lead_participants_and_next_open_milestone(client, project):
    today = timezone.localdate()
    _milestone(project, today + timedelta(days=40), "Alle Kreise gescannt")
    training = _project(AdministrationFactory(name="Stadt Koblenz"),
                        title="Gemeinsames Fortbildungsprogramm", slug="fortbildung",
                        stage=ProjectStage.IDEA)
    _milestone(training, today - timedelta(days=1), "Bedarf erhoben", done=True)

    response = client.get(reverse("projects:projects"))

    page = response.content.decode()
    rows = [(p.title, p.participant_count, p.next_milestone_title, p.next_milestone_overdue)
            for p in response.context["projects"]]
    assert rows == [("Baulastenakten digitalisieren", 2, "Pilotkreis gescannt", True),
                    ("Gemeinsames Fortbildungsprogramm", 0, None, None)]
    assert f'href="{project.get_absolute_url()}">Baulastenakten digitalisieren</a>' in page
    assert '<span class="kern-label">Umsetzung</span>' in page
    assert '<span class="kern-label">Idee</span>' in page
    assert f'href="{project.lead.get_absolute_url()}">Landkreis Mayen-Koblenz</a>' in page
    assert f"{OPEN_DAY:%d.%m.%Y}</time>: Pilotkreis gescannt" in page
    assert page.count("überfällig") == 1
    assert "keiner offen" in page
    assert "Ausschreibung veröffentlicht" not in page and "Bedarf erhoben" not in page
    assert "Projekt anlegen" not in page


def test_project_list_is_empty_state_for_a_new_network(client):
    page = client.get(reverse("projects:projects")).content.decode()

    assert "Noch keine gemeinsamen Projekte angelegt." in page


@pytest.mark.parametrize("role", ROLES)
def test_project_list_offers_create_button_to_coordinators_only(client, users, role):
    if users[role]:
        client.force_login(users[role])

    page = client.get(reverse("projects:projects")).content.decode()

    assert (f'href="{reverse("projects:project_create")}"' in page) == (role in COORDINATION)


# --- Project page ---------------------------------------------------------------------------

def test_project_page_shows_visitors_public_facts_and_milestones(client, project, group):
    response = client.get(project.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert "Die Baulastenakten aller Kreise werden gescannt." in page
    assert '<span class="kern-label">Umsetzung</span>' in page
    for participant in project.participants.all():
        assert f'href="{participant.get_absolute_url()}">{participant.name}</a>' in page
    assert f'href="{group.get_absolute_url()}">AG Bauen</a>' in page
    assert "01.03.2025" in page and "31.12.2026" in page
    milestones = [(m.title, m.done) for m in response.context["project"].milestone_list]
    assert milestones == [("Ausschreibung veröffentlicht", True), ("Pilotkreis gescannt", False)]
    assert (f'{DONE_DAY:%d.%m.%Y}</time>: Ausschreibung veröffentlicht – <span class="kern-badge '
            'kern-badge--success"><span class="kern-label">erreicht</span>') in page
    assert (f'{OPEN_DAY:%d.%m.%Y}</time>: Pilotkreis gescannt – <span class="kern-badge '
            'kern-badge--info"><span class="kern-label">offen</span>') in page
    assert "Bauen und Wohnen" in page
    assert "Beschlüsse" not in page and "Scandienstleisters" not in page
    assert "Landesprogramm Digitale Kommune" not in page
    assert "Projekt bearbeiten" not in page and "als erreicht markieren" not in page


def test_project_page_shows_member_staff_decisions_with_meeting_and_funding(client, project,
                                                                            other_editor):
    client.force_login(other_editor)
    meeting = Decision.objects.get().meeting

    page = client.get(project.get_absolute_url()).content.decode()

    assert "Die AG beauftragt die Ausschreibung des Scandienstleisters." in page
    assert f'href="{meeting.get_absolute_url()}">Sitzung AG Bauen</a>' in page
    assert timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y") in page
    assert "Gefördert aus dem Landesprogramm Digitale Kommune." in page
    assert "Projekt bearbeiten" not in page


def test_project_page_links_topics_for_member_staff_only(client, project, reader):
    # Topic pages show statuses and are internal: visitors get the name without a link.
    visitor_page = client.get(project.get_absolute_url()).content.decode()
    client.force_login(reader)
    member_page = client.get(project.get_absolute_url()).content.decode()

    topic_url = reverse("projects:topic", args=["bauen-wohnen"])
    assert "<li>Bauen und Wohnen</li>" in visitor_page and topic_url not in visitor_page
    assert f'href="{topic_url}">Bauen und Wohnen</a>' in member_page


def test_project_page_hides_decisions_of_draft_minutes_from_readers(client, project, group,
                                                                      reader, coordinator):
    meeting = make_meeting(group, days=-5, title="Sitzung mit Entwurf", state="held")
    project.decisions.add(_decision(meeting, "Entwurfsbeschluss zur Ausschreibung",
                                    minutes=MinutesState.DRAFT))
    client.force_login(reader)
    reader_page = client.get(project.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    coordinator_page = client.get(project.get_absolute_url()).content.decode()

    # As on the meeting page: readers see decisions once the minutes are published.
    assert "Entwurfsbeschluss zur Ausschreibung" not in reader_page
    assert "Die AG beauftragt die Ausschreibung des Scandienstleisters." in reader_page
    assert "Entwurfsbeschluss zur Ausschreibung" in coordinator_page


@pytest.mark.parametrize("role", ROLES)
def test_project_page_offers_edit_and_milestone_buttons_to_writers_only(client, users, project,
                                                                        role):
    if users[role]:
        client.force_login(users[role])
    milestone = project.milestones.get(title="Pilotkreis gescannt")

    page = client.get(project.get_absolute_url()).content.decode()

    shown = [reverse("projects:project_edit", args=["baulastenakten"]) in page,
             reverse("projects:milestone_create", args=["baulastenakten"]) in page,
             reverse("projects:milestone_edit", args=["baulastenakten", milestone.pk]) in page,
             "„Pilotkreis gescannt“ als erreicht markieren" in page,
             "„Ausschreibung veröffentlicht“ wieder öffnen" in page]
    assert shown == [role in PROJECT_WRITERS] * 5


def test_unknown_project_is_404(client):
    assert client.get(reverse("projects:project", args=["gibt-es-nicht"])).status_code == 404


# --- Query counts ---------------------------------------------------------------------------

def _populate(project, count):
    group = make_group(slug=f"ag-{project.slug}", name=f"AG {project.title}")
    project.working_group = group
    project.save()
    for n in range(count):
        member = _administration(f"{project.slug}-{n}")
        project.participants.add(member)
        project.topics.add(make_topic(name=f"Thema {project.slug} {n}",
                                      slug=f"thema-{project.slug}-{n}"))
        _milestone(project, date(2026, 1, 1) + timedelta(days=n), f"Schritt {n}", done=n % 2)
        meeting = make_meeting(group, days=-n - 1, host=member, title=f"Sitzung {n}")
        project.decisions.add(_decision(meeting, f"Beschluss {n}"))


@pytest.mark.parametrize("role", ["visitor", "reader", "coordinator"])
def test_project_list_queries_do_not_grow_with_projects(client, users, role,
                                                        django_assert_num_queries):
    if users[role]:
        client.force_login(users[role])
    for n in range(3):
        _populate(_project(_administration(f"lead-klein-{n}"), title=f"Klein {n}",
                          slug=f"klein-{n}"), 3)
    client.get(reverse("projects:projects"))  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("projects:projects"))
    for n in range(27):
        _populate(_project(_administration(f"lead-gross-{n}"), title=f"Groß {n}",
                          slug=f"gross-{n}"), 3)

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("projects:projects"))

    assert len(response.context["projects"]) == 30
    assert response.content.decode().count(": Schritt 0") == 30


@pytest.mark.parametrize("role", ["visitor", "reader", "lead_editor"])
def test_project_page_queries_do_not_grow_with_participants_and_milestones(
        client, users, administration, role, django_assert_num_queries):
    if users[role]:
        client.force_login(users[role])
    small_project = _project(administration, title="Kfz-Wiederzulassung", slug="kfz")
    large_project = _project(administration, title="Fortbildungsprogramm", slug="fortbildung")
    _populate(small_project, 3)
    _populate(large_project, 30)
    client.get(small_project.get_absolute_url())  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(small_project.get_absolute_url())

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(large_project.get_absolute_url())

    project = response.context["project"]
    assert (len(project.participant_list), len(project.milestone_list),
            len(project.topic_list)) == (30, 30, 30)
    assert len(project.decision_list) == (0 if role == "visitor" else 30)


# --- Who may write --------------------------------------------------------------------------

def _form_data(lead_admin, *participants, **overrides):
    data = {"title": "Kfz-Wiederzulassung in den Zulassungsstellen", "slug": "kfz",
            "goal": "Wiederzulassung online und in allen Zulassungsstellen gleich.",
            "lead": lead_admin.pk, "participants": [p.pk for p in participants],
            "working_group": "", "stage": ProjectStage.PREPARATION,
            "start": "2026-01-15", "end": "2026-12-31", "funding_note": "",
            "topics": [], "decisions": []}
    data.update(overrides)
    return data


def _assert_refused(*responses):
    for response in responses:
        assert response.status_code == 403
        assert "Zugriff verweigert" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_create_allowed_only_for_coordinators(client, users, administration, role):
    if users[role]:
        client.force_login(users[role])

    page = client.get(reverse("projects:project_create"))
    response = client.post(reverse("projects:project_create"), _form_data(administration))

    created = JointProject.objects.filter(slug="kfz").first()
    if role in COORDINATION:
        assert page.status_code == 200
        assert response.status_code == 302
        assert response["Location"] == reverse("projects:project", args=["kfz"])
        assert created.title == "Kfz-Wiederzulassung in den Zulassungsstellen"
    else:
        _assert_refused(page, response)
        assert created is None


@pytest.mark.parametrize("role", ROLES)
def test_edit_allowed_for_coordinators_and_editors_of_the_lead(client, users, project,
                                                               administration, role):
    if users[role]:
        client.force_login(users[role])
    url = reverse("projects:project_edit", args=["baulastenakten"])

    page = client.get(url)
    response = client.post(url, _form_data(administration, administration,
                                           title="Baulastenakten digital", slug="baulastenakten",
                                           stage=ProjectStage.COMPLETED))

    project.refresh_from_db()
    if role in PROJECT_WRITERS:
        assert page.status_code == 200
        assert response.status_code == 302
        assert (project.title, project.stage) == ("Baulastenakten digital",
                                                  ProjectStage.COMPLETED)
        assert list(project.participants.all()) == [administration]
    else:
        _assert_refused(page, response)
        assert (project.title, project.stage) == ("Baulastenakten digitalisieren",
                                                  ProjectStage.RUNNING)
        assert project.participants.count() == 2


@pytest.mark.parametrize("role", ROLES)
def test_milestone_create_allowed_for_project_writers(client, users, project, role):
    if users[role]:
        client.force_login(users[role])
    url = reverse("projects:milestone_create", args=["baulastenakten"])

    page = client.get(url)
    response = client.post(url, {"date": "2026-09-30", "title": "Alle Akten gescannt"})

    created = project.milestones.filter(title="Alle Akten gescannt").first()
    if role in PROJECT_WRITERS:
        assert page.status_code == 200
        assert response.status_code == 302
        assert response["Location"] == project.get_absolute_url() + "#meilensteine"
        assert (created.date, created.done) == (date(2026, 9, 30), False)
    else:
        _assert_refused(page, response)
        assert created is None


@pytest.mark.parametrize("role", ROLES)
def test_milestone_edit_allowed_for_project_writers(client, users, project, role):
    if users[role]:
        client.force_login(users[role])
    milestone = project.milestones.get(title="Pilotkreis gescannt")
    url = reverse("projects:milestone_edit", args=["baulastenakten", milestone.pk])

    page = client.get(url)
    response = client.post(url, {"date": "2026-03-15", "title": "Pilotkreis Mayen gescannt",
                                 "done": "on"})

    milestone.refresh_from_db()
    if role in PROJECT_WRITERS:
        assert page.status_code == 200
        assert response.status_code == 302
        assert (milestone.date, milestone.title, milestone.done) == (
            date(2026, 3, 15), "Pilotkreis Mayen gescannt", True)
    else:
        _assert_refused(page, response)
        assert (milestone.date, milestone.title, milestone.done) == (
            OPEN_DAY, "Pilotkreis gescannt", False)


@pytest.mark.parametrize("role", ROLES)
def test_milestone_toggle_allowed_for_project_writers(client, users, project, role):
    if users[role]:
        client.force_login(users[role])
    milestone = project.milestones.get(title="Pilotkreis gescannt")
    url = reverse("projects:milestone_done", args=["baulastenakten", milestone.pk])

    response = client.post(url, {"done": "1"}, follow=role in PROJECT_WRITERS)

    milestone.refresh_from_db()
    if role in PROJECT_WRITERS:
        assert milestone.done is True
        assert "Der Meilenstein „Pilotkreis gescannt“ ist erreicht." in response.content.decode()
        client.post(url, {"done": "0"})
        milestone.refresh_from_db()
        assert milestone.done is False
    else:
        _assert_refused(response)
        assert milestone.done is False


def test_milestone_toggle_twice_keeps_the_asked_state(client, editor, project):
    client.force_login(editor)
    milestone = project.milestones.get(title="Pilotkreis gescannt")
    url = reverse("projects:milestone_done", args=["baulastenakten", milestone.pk])

    client.post(url, {"done": "1"})
    client.post(url, {"done": "1"})

    milestone.refresh_from_db()
    assert milestone.done is True


def test_milestone_toggle_refuses_get(client, editor, project):
    client.force_login(editor)
    milestone = project.milestones.get(title="Pilotkreis gescannt")

    response = client.get(reverse("projects:milestone_done",
                                  args=["baulastenakten", milestone.pk]))

    assert response.status_code == 405
    milestone.refresh_from_db()
    assert milestone.done is False


def test_milestone_of_another_project_is_404(client, coordinator, project, other_administration):
    client.force_login(coordinator)
    other = _project(other_administration, title="Fortbildungsprogramm", slug="fortbildung")
    foreign = _milestone(other, date(2026, 5, 1), "Fremder Meilenstein")

    edit = client.post(reverse("projects:milestone_edit", args=["baulastenakten", foreign.pk]),
                       {"date": "2026-05-02", "title": "Übernommen"})
    toggle = client.post(reverse("projects:milestone_done", args=["baulastenakten", foreign.pk]),
                         {"done": "1"})

    assert (edit.status_code, toggle.status_code) == (404, 404)
    foreign.refresh_from_db()
    assert (foreign.title, foreign.done) == ("Fremder Meilenstein", False)


def test_editor_of_lead_cannot_hand_the_project_to_another_administration(
        client, editor, project, administration, other_administration):
    client.force_login(editor)
    url = reverse("projects:project_edit", args=["baulastenakten"])

    page = client.get(url).content.decode()
    response = client.post(url, _form_data(other_administration, administration,
                                           title="Baulastenakten", slug="baulastenakten"))

    assert '<select name="lead" required disabled' in page
    assert "Die Federführung ändert die Koordinierungsstelle." in page
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.title, project.lead) == ("Baulastenakten", administration)


def test_coordinator_may_change_the_lead(client, coordinator, project, other_administration):
    client.force_login(coordinator)

    client.post(reverse("projects:project_edit", args=["baulastenakten"]),
                _form_data(other_administration, slug="baulastenakten"))

    project.refresh_from_db()
    assert project.lead == other_administration


def test_editor_loses_write_access_when_the_lead_changes(client, editor, project,
                                                         other_administration):
    project.lead = other_administration
    project.save()
    client.force_login(editor)

    response = client.get(reverse("projects:project_edit", args=["baulastenakten"]))

    assert response.status_code == 403


def test_services_refuse_users_without_write_access(project, reader, editor, other_editor,
                                                    other_administration):
    milestone = project.milestones.get(title="Pilotkreis gescannt")

    with pytest.raises(PermissionDenied):
        joint_project_save(project=JointProject(), fields={"title": "X", "slug": "x",
                                                          "goal": "Y", "lead": project.lead},
                           participants=[], topics=[], decisions=[], by=editor)
    with pytest.raises(PermissionDenied):
        joint_project_save(project=project, fields={"title": "Fremd"}, participants=[],
                           topics=[], decisions=[], by=other_editor)
    with pytest.raises(PermissionDenied):
        joint_project_save(project=project, fields={"lead": other_administration},
                           participants=[], topics=[], decisions=[], by=editor)
    with pytest.raises(PermissionDenied):
        milestone_save(milestone=Milestone(project=project),
                       fields={"date": date(2026, 1, 1), "title": "X"}, by=reader)
    with pytest.raises(PermissionDenied):
        milestone_set_done(milestone=milestone, done=True, by=other_editor)

    project.refresh_from_db()
    milestone.refresh_from_db()
    assert (project.title, project.lead.name) == ("Baulastenakten digitalisieren",
                                                  "Landkreis Mayen-Koblenz")
    assert JointProject.objects.count() == 1 and project.milestones.count() == 2
    assert milestone.done is False


# --- The forms ------------------------------------------------------------------------------

def test_create_saves_all_fields(client, coordinator, administration, other_administration,
                                 group):
    topic = make_topic(name="Kfz-Zulassung", slug="kfz-zulassung", group="citizen")
    decision = _decision(make_meeting(group, days=-5, title="AG Bauen 1/2026"),
                         "Wiederzulassung gemeinsam ausschreiben.")
    client.force_login(coordinator)

    response = client.post(reverse("projects:project_create"), _form_data(
        other_administration, administration, other_administration, working_group=group.pk,
        funding_note="Mittel aus dem OZG-Programm.", topics=[topic.pk],
        decisions=[decision.pk]), follow=True)

    project = JointProject.objects.get(slug="kfz")
    assert (project.title, project.goal, project.lead, project.working_group, project.stage,
            project.start, project.end, project.funding_note) == (
        "Kfz-Wiederzulassung in den Zulassungsstellen",
        "Wiederzulassung online und in allen Zulassungsstellen gleich.", other_administration,
        group, ProjectStage.PREPARATION, date(2026, 1, 15), date(2026, 12, 31),
        "Mittel aus dem OZG-Programm.")
    assert set(project.participants.all()) == {administration, other_administration}
    assert list(project.topics.all()) == [topic]
    assert list(project.decisions.all()) == [decision]
    page = response.content.decode()
    assert "Das Projekt wurde gespeichert." in page
    assert '<h1 class="kern-heading-large">Kfz-Wiederzulassung in den Zulassungsstellen</h1>' \
        in page
    assert "Wiederzulassung gemeinsam ausschreiben." in page


def test_end_before_start_is_explained_in_german_and_input_kept(client, coordinator,
                                                                administration):
    client.force_login(coordinator)

    response = client.post(reverse("projects:project_create"),
                           _form_data(administration, start="2026-06-01", end="2026-05-31"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in page
    assert 'value="2026-06-01"' in page and 'value="2026-05-31"' in page
    assert 'value="Kfz-Wiederzulassung in den Zulassungsstellen"' in page
    assert "Wiederzulassung online und in allen Zulassungsstellen gleich." in page
    assert not JointProject.objects.exists()


def test_missing_required_fields_are_explained_in_german(client, coordinator, administration):
    client.force_login(coordinator)

    response = client.post(reverse("projects:project_create"),
                           _form_data(administration, goal="", lead=""))

    page = response.content.decode()
    assert page.count("Dieses Feld ist zwingend erforderlich.") == 2
    assert 'value="Kfz-Wiederzulassung in den Zulassungsstellen"' in page
    assert not JointProject.objects.exists()


@pytest.mark.parametrize(("slug", "message"), [
    ("neu", "Die Kurzadresse „neu“ ist reserviert."),
    ("baulastenakten", "Diese Kurzadresse ist schon vergeben."),
])
def test_slug_must_be_free(client, coordinator, administration, project, slug, message):
    client.force_login(coordinator)

    response = client.post(reverse("projects:project_create"),
                           _form_data(administration, slug=slug))

    page = response.content.decode()
    assert message in page
    assert f'value="{slug}"' in page
    assert JointProject.objects.count() == 1


def test_empty_slug_is_built_from_the_title(client, coordinator, administration):
    client.force_login(coordinator)

    client.post(reverse("projects:project_create"),
                _form_data(administration, title="Gemeinsames Fortbildungsprogramm", slug=""))

    assert JointProject.objects.get().slug == "gemeinsames-fortbildungsprogramm"


def test_form_offers_current_members_as_checkboxes_and_dates_as_date_fields(
        client, coordinator, project):
    former = AdministrationFactory(name="Landkreis Altmark", member_since=date(2019, 1, 1),
                                   member_until=date(2023, 12, 31))
    AdministrationFactory(name="Stadt Interessiert", member_since=None)
    client.force_login(coordinator)

    page = client.get(reverse("projects:project_create")).content.decode()
    response = client.post(reverse("projects:project_create"),
                           _form_data(project.lead, former, slug="kfz"))

    assert page.count('type="checkbox" name="participants"') == 2
    assert "Landkreis Altmark" not in page and "Stadt Interessiert" not in page
    assert 'type="date" name="start"' in page and 'type="date" name="end"' in page
    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert JointProject.objects.count() == 1


def test_edit_form_keeps_former_participants_selectable(client, coordinator, project):
    former = AdministrationFactory(name="Landkreis Altmark", member_since=date(2019, 1, 1),
                                   member_until=date(2023, 12, 31))
    project.participants.add(former)
    client.force_login(coordinator)

    page = client.get(reverse("projects:project_edit", args=["baulastenakten"])).content.decode()

    assert page.count('type="checkbox" name="participants"') == 3
    assert page.count('name="participants" value=') == 3
    assert "Landkreis Altmark" in page
    assert 'value="2025-03-01"' in page and 'value="2026-12-31"' in page
    assert '<h1 class="kern-heading-large">Baulastenakten digitalisieren: Projekt bearbeiten' \
        in page


def test_decision_choices_come_from_the_chosen_working_group(client, coordinator, project,
                                                             group):
    other_group = make_group(slug="ordnung", name="AG Ordnung")
    own = _decision(make_meeting(group, days=-3, title="AG Bauen 2/2026"), "Eigener Beschluss")
    foreign = _decision(make_meeting(other_group, days=-3, title="AG Ordnung 1/2026"),
                        "Fremder Beschluss")
    client.force_login(coordinator)
    url = reverse("projects:project_edit", args=["baulastenakten"])

    page = client.get(url).content.decode()
    response = client.post(url, _form_data(project.lead, slug="baulastenakten",
                                           working_group=group.pk,
                                           decisions=[own.pk, foreign.pk]))

    assert "Eigener Beschluss" in page and "Scandienstleisters" in page
    assert "Fremder Beschluss" not in page
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert list(project.decisions.values_list("wording", flat=True)) == [
        "Die AG beauftragt die Ausschreibung des Scandienstleisters."]


def test_without_working_group_the_newest_decisions_are_offered(client, coordinator, group):
    older = _decision(make_meeting(group, days=-30, title="Alt"), "Älterer Beschluss")
    newer = _decision(make_meeting(make_group(slug="ordnung", name="AG Ordnung"), days=-2,
                                   title="Neu"), "Neuerer Beschluss")
    client.force_login(coordinator)

    response = client.get(reverse("projects:project_create"))

    choices = [d.pk for d in response.context["form"].fields["decisions"].queryset]
    assert choices == [newer.pk, older.pk]


def test_milestone_form_errors_are_german_and_keep_the_input(client, editor, project):
    client.force_login(editor)

    response = client.post(reverse("projects:milestone_create", args=["baulastenakten"]),
                           {"date": "", "title": "Abnahme durch den Kreistag"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in page
    assert 'value="Abnahme durch den Kreistag"' in page
    assert 'type="date" name="date"' in page
    assert project.milestones.count() == 2


def test_unknown_project_edit_is_404_for_coordinators(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("projects:project_edit", args=["gibt-es-nicht"]))

    assert response.status_code == 404

