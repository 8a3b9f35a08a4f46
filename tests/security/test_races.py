"""Double clicks and races: every create endpoint, sent two and eight times at once, makes
exactly one object, and every request gets a normal page (never a 500).

The create endpoints are found in the URL conf (routes ending in "neu/", and the
invitation and registration endpoints), not from a hand list: a new create endpoint fails
`test_every_create_endpoint_has_a_race_scenario` until it gets a scenario here. Each
scenario fetches the page with the form as its user, takes the form as rendered (with its
one-time token) and posts it from real threads, each with its own client and database
connection, released together by a barrier.

Then the same without a shared token (two tabs, two people): creates with one slug give
distinct slugs or a German error beside the field, and the "only one" rules (one open
survey round per title, one open invitation per address, one registration per person and
meeting, one status per administration and topic, one answer per administration and
round) hold in the database with a German message instead of a 500.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from common.models import OnceToken, OutgoingMail
from knowledge.models import Article, Category, Document
from meetings.enums import RegistrationStatus
from meetings.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    Registration,
    WorkingGroup,
)
from members.enums import Role
from members.models import Administration, ContactPerson, Invitation, User
from members.services.invitations import invitation_create
from polls.models import Poll
from projects.models import JointProject, Milestone, ProjectDocument, SurveyRound, Topic
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import PDF_BYTES, CategoryFactory
from tests.meetings.helpers import make_group, make_meeting
from tests.security.concurrency import Answer, at_once, clients_like, post_at_once
from tests.security.crawler import FormSpec, fetch, flat, form_data, project_routes

BATCHES = (2, 8)
NORMAL = {200, 302, 303}

# What makes an endpoint a create endpoint (besides ending in "neu/").
CREATE_ENDINGS = ("neu/", "einladen/", "einladung/<str:token>/", "anmeldung/")


# --- The network the scenarios work in --------------------------------------------------

@dataclass
class World:
    office: object
    coordinator: User
    editor: User
    group: WorkingGroup
    meeting: Meeting
    project: JointProject
    topic: Topic
    people: list[User] = field(default_factory=list)

    def person(self, batch: int) -> User:
        """A member of staff of its own per batch (one registration each)."""
        while len(self.people) <= batch:
            self.people.append(UserFactory(administration=self.office, role=Role.READER))
        return self.people[batch]


@pytest.fixture
def world(transactional_db) -> World:
    office = AdministrationFactory(name="Landkreis Mayen-Koblenz", slug="myk")
    coordinator = UserFactory(administration=office, role=Role.COORDINATOR)
    editor = UserFactory(administration=office, role=Role.EDITOR)
    group = make_group(office, slug="ag-digital")
    meeting = make_meeting(group, days=30, state="invited", capacity=50)
    project = JointProject.objects.create(title="Baulastenakten", slug="baulastenakten",
                                          goal="Digital.", lead=office)
    topic = Topic.objects.create(name="E-Akte", slug="e-akte", group="internal")
    CategoryFactory(name="Gute Beispiele", slug="gute-beispiele")
    return World(office, coordinator, editor, group, meeting, project, topic)


def _pdf(batch: int, index: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"unterlage-{batch}-{index}.pdf", PDF_BYTES,
                              content_type="application/pdf")


def _in_days(days: int, hour: int = 10) -> str:
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0).strftime("%Y-%m-%dT%H:%M")


def _invitation_link(world: World, batch: int) -> str:
    """A fresh invitation per batch; the link comes from its mail, as for the invitee."""
    email = f"neu{batch}@example.org"
    invitation_create(email=email, administration=world.office, role=Role.READER,
                      invited_by=world.coordinator)
    [message] = [m for m in mail.outbox if m.to == [email]]
    return re.search(r"https?://[^/\s]+(/mitglieder/einladung/[^/\s]+/)", message.body)[1]


# --- Scenarios: one per create endpoint ---------------------------------------------------

@dataclass
class Scenario:
    """How to submit one create form: as whom, from which page, with which changes to the
    rendered values; `model` is what it creates."""

    url: Callable[[World, int], str]
    model: type[models.Model] | None
    user: Callable[[World, int], User | None] = lambda w, b: w.coordinator
    page: Callable[[World, int], str] | None = None  # the page with the form (default: url)
    data: Callable[[World, int], dict] = lambda w, b: {}
    files: Callable[[int, int], dict] = lambda b, i: {}

    def count(self) -> int:
        return self.model.objects.count() if self.model else 0


SCENARIOS: dict[str, Scenario] = {
    "sitzungen/neu/": Scenario(
        url=lambda w, b: reverse("meetings:create"),
        model=Meeting,
        data=lambda w, b: {"title": f"Sondersitzung {b}", "working_group": w.group.pk,
                           "starts_at": _in_days(40), "ends_at": _in_days(40, 13),
                           "registration_deadline": "", "location": "Kreishaus"}),
    "sitzungen/<int:pk>/tagesordnung/neu/": Scenario(
        url=lambda w, b: reverse("meetings:agenda_create", args=[w.meeting.pk]),
        model=AgendaItem,
        data=lambda w, b: {"title": f"Bericht {b}"}),
    "sitzungen/<int:pk>/beschluesse/neu/": Scenario(
        url=lambda w, b: reverse("meetings:decision_create", args=[w.meeting.pk]),
        model=Decision,
        data=lambda w, b: {"wording": f"Die AG beschließt Punkt {b}."}),
    "sitzungen/<int:pk>/aufgaben/neu/": Scenario(
        url=lambda w, b: reverse("meetings:action_create", args=[w.meeting.pk]),
        model=ActionItem,
        data=lambda w, b: {"title": f"Angebote einholen {b}",
                           "responsible_administration": w.office.pk}),
    "sitzungen/<int:pk>/unterlagen/neu/": Scenario(
        url=lambda w, b: reverse("meetings:document_upload", args=[w.meeting.pk]),
        model=MeetingDocument,
        data=lambda w, b: {"title": f"Präsentation {b}"},
        files=lambda b, i: {"file": _pdf(b, i)}),
    "sitzungen/kalender/neu/": Scenario(
        # Nothing is created: a new link replaces the old; that it happened once per click
        # shows in the single redirect and the single token row.
        url=lambda w, b: reverse("meetings:calendar_regenerate"),
        page=lambda w, b: reverse("meetings:calendar"),
        model=None),
    "arbeitsgruppen/neu/": Scenario(
        url=lambda w, b: reverse("groups:create"),
        model=WorkingGroup,
        data=lambda w, b: {"name": f"AG Bürgerportal {b}", "slug": ""}),
    "vorhaben/themen/neu/": Scenario(
        url=lambda w, b: reverse("projects:topic_create"),
        model=Topic,
        data=lambda w, b: {"name": f"Online-Termine {b}", "slug": ""}),
    "vorhaben/erhebungen/neu/": Scenario(
        url=lambda w, b: reverse("projects:survey_create"),
        model=SurveyRound,
        data=lambda w, b: {"title": f"Erhebung Frühjahr {b}", "topics": [w.topic.pk],
                           "deadline": (timezone.localdate() + timedelta(days=14)).isoformat(),
                           "meeting": ""}),
    "vorhaben/projekte/neu/": Scenario(
        url=lambda w, b: reverse("projects:project_create"),
        model=JointProject,
        data=lambda w, b: {"title": f"Kfz-Wiederzulassung {b}", "slug": "",
                           "goal": "Gemeinsam umsetzen.", "lead": w.office.pk}),
    "vorhaben/projekte/<slug:slug>/meilensteine/neu/": Scenario(
        url=lambda w, b: reverse("projects:milestone_create", args=[w.project.slug]),
        model=Milestone,
        data=lambda w, b: {"title": f"Ausschreibung {b}",
                           "date": (timezone.localdate() + timedelta(days=60)).isoformat()}),
    "vorhaben/projekte/<slug:slug>/unterlagen/neu/": Scenario(
        url=lambda w, b: reverse("projects:project_document_upload", args=[w.project.slug]),
        model=ProjectDocument,
        data=lambda w, b: {"title": f"Leistungsbeschreibung {b}"},
        files=lambda b, i: {"file": _pdf(b, i)}),
    "wissen/artikel/neu/": Scenario(
        url=lambda w, b: reverse("knowledge:article_create"),
        model=Article,
        user=lambda w, b: w.editor,
        data=lambda w, b: {"title": "E-Akte einführen", "summary": "Kurz.",
                           "body": f"Text {b}."}),
    "wissen/kategorien/neu/": Scenario(
        url=lambda w, b: reverse("knowledge:category_create"),
        model=Category,
        data=lambda w, b: {"name": f"Vorlagen {b}", "slug": ""}),
    "wissen/dokumente/neu/": Scenario(
        url=lambda w, b: reverse("knowledge:document_create"),
        model=Document,
        user=lambda w, b: w.editor,
        data=lambda w, b: {"title": f"Musterdienstanweisung {b}"},
        files=lambda b, i: {"file": _pdf(b, i)}),
    "mitglieder/<slug:slug>/ansprechpersonen/neu/": Scenario(
        url=lambda w, b: reverse("members:contact_create", args=[w.office.slug]),
        model=ContactPerson,
        user=lambda w, b: w.editor,
        data=lambda w, b: {"name": f"Dana Beispiel {b}", "function_other": ""}),
    "mitglieder/<slug:slug>/personen/einladen/": Scenario(
        url=lambda w, b: reverse("members:invite", args=[w.office.slug]),
        page=lambda w, b: reverse("members:staff", args=[w.office.slug]),
        model=Invitation,
        data=lambda w, b: {"email": f"kollegin{b}@example.org"}),
    "mitglieder/einladung/<str:token>/": Scenario(
        url=_invitation_link,
        model=User,
        user=lambda w, b: None,
        data=lambda w, b: {"first_name": "Nina", "last_name": f"Neu{b}",
                           "password1": "ein-langes-Passwort-2031",
                           "password2": "ein-langes-Passwort-2031"}),
    "rundfragen/neu/": Scenario(
        url=lambda w, b: reverse("polls:create"),
        model=Poll,
        user=lambda w, b: w.editor,
        data=lambda w, b: {"title": f"Welches DMS? {b}",
                           "deadline": (timezone.localdate() + timedelta(days=14)).isoformat(),
                           "fragen-0-text": "Welches Produkt nutzen Sie?"}),
    "kommentare/<str:kind>/<int:pk>/neu/": Scenario(
        url=lambda w, b: reverse("comments:create", args=["projects.jointproject",
                                                          w.project.pk]),
        page=lambda w, b: reverse("projects:project", args=[w.project.slug]),
        model=Comment,
        user=lambda w, b: w.editor,
        data=lambda w, b: {"body": f"Wir sind dabei, @MYK {b}."}),
    "sitzungen/<int:pk>/anmeldung/": Scenario(
        url=lambda w, b: reverse("meetings:register", args=[w.meeting.pk]),
        page=lambda w, b: reverse("meetings:detail", args=[w.meeting.pk]),
        model=Registration,
        user=lambda w, b: w.person(b)),
}


def _create_routes() -> set[str]:
    return {route for route, _name, _view in project_routes()
            if route.endswith(CREATE_ENDINGS)}


def test_every_create_endpoint_has_a_race_scenario():
    assert sorted(_create_routes()) == sorted(SCENARIOS)


def _rendered_form(client: Client, page_url: str, url: str) -> FormSpec:
    page = fetch(client, page_url)
    assert page.status == 200, (page_url, page.status)
    [form] = [f for f in page.forms if f.method == "post" and f.action.split("?")[0] == url]
    return form


def _client_for(user: User | None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def _submit_at_once(world: World, scenario: Scenario, batch: int, copies: int):
    client = _client_for(scenario.user(world, batch))
    url = scenario.url(world, batch)
    page = scenario.page(world, batch) if scenario.page else url
    data = flat(form_data(_rendered_form(client, page, url)))
    assert re.fullmatch(r"[0-9a-f]{32}", data.get("_once", "")), "the form has no once token"
    data.update(scenario.data(world, batch))
    answers = post_at_once(clients_like(client, copies), url,
                           lambda i: {**data, **scenario.files(batch, i)})
    return client, answers


def _assert_one_acted(answers: list[Answer]) -> None:
    """One request did the work and was redirected; every other one was sent to the same
    result (303) instead of acting again."""
    assert all(answer.status in NORMAL for answer in answers), answers
    first = [a for a in answers if a.status == 302]
    again = [a for a in answers if a.status == 303]
    assert len(first) == 1 and len(again) == len(answers) - 1, answers
    assert {a.location for a in again} == {first[0].location}


def _check_scenario(world: World, route: str) -> None:
    scenario = SCENARIOS[route]
    expected = scenario.count()
    for batch, copies in enumerate(BATCHES):
        tokens_before = OnceToken.objects.count()
        client, answers = _submit_at_once(world, scenario, batch, copies)

        _assert_one_acted(answers)
        expected += 0 if scenario.model is None else 1
        assert scenario.count() == expected, answers
        assert OnceToken.objects.count() == tokens_before + 1
        # The requests that came second are sent to a page that works.
        assert client.get(answers[0].location).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_double_and_eightfold_submission_creates_one_object(world):
    # One database for all endpoints (emptying it after each costs more than the races);
    # every endpoint is still checked and reported on its own.
    problems = {}
    for route in sorted(SCENARIOS):
        try:
            _check_scenario(world, route)
        except AssertionError as error:
            problems[route] = str(error).splitlines()[0]
    assert problems == {}


# --- Same slug, different forms: distinct slugs or a German error, never a 500 ------------

# The field a slug is made from, per slugged model.
SLUG_SOURCES = {WorkingGroup: "name", Topic: "name", JointProject: "title", Category: "name",
                Article: "title"}
SLUG_TAKEN = "Diese Kurzadresse ist schon vergeben."


def _slugged_routes() -> dict[str, Scenario]:
    return {route: scenario for route, scenario in SCENARIOS.items()
            if scenario.model is not None and any(
                f.name == "slug" and f.unique for f in scenario.model._meta.fields)}


def test_every_slugged_create_endpoint_is_raced_with_one_slug():
    assert {s.model for s in _slugged_routes().values()} == set(SLUG_SOURCES)


def _form_of(world: World, scenario: Scenario) -> tuple[Client, str, dict]:
    client = _client_for(scenario.user(world, 0))
    url = scenario.url(world, 0)
    data = flat(form_data(_rendered_form(client, url, url)))
    data.update(scenario.data(world, 0))
    return client, url, data


def _with_new_token(data: dict, **changes) -> dict:
    """The same form as rendered again (another tab, another person): a new token."""
    return {**data, **changes, "_once": uuid.uuid4().hex}


def _check_same_name(world: World, route: str, scenario: Scenario) -> None:
    """Eight people create an object of the same name at once, the address left empty."""
    client, url, data = _form_of(world, scenario)
    source = SLUG_SOURCES[scenario.model]
    before = set(scenario.model.objects.values_list("pk", flat=True))
    answers = post_at_once(clients_like(client, 8), url,
                           lambda i: _with_new_token(data, **{source: "Gleicher Name"}))

    assert all(answer.status in NORMAL for answer in answers), answers
    created = scenario.model.objects.exclude(pk__in=before)
    assert created.count() == sum(a.status == 302 for a in answers) >= 1, answers
    slugs = sorted(created.values_list("slug", flat=True))
    assert all(slug.startswith("gleicher-name") for slug in slugs), slugs
    for answer in answers:
        if answer.status == 200:  # refused: a unique name, said in German beside the field
            assert re.search("existiert bereits|gibt es schon", " ".join(
                answer.form_errors())), answer


def _check_same_typed_slug(world: World, route: str, scenario: Scenario) -> None:
    """Eight people type the same address for eight different objects at once."""
    client, url, data = _form_of(world, scenario)
    source = SLUG_SOURCES[scenario.model]
    answers = post_at_once(clients_like(client, 8), url, lambda i: _with_new_token(
        data, slug="gleiche-adresse", **{source: f"Eigener Name {i}"}))

    assert sorted(a.status for a in answers) == [200] * 7 + [302], answers
    assert scenario.model.objects.filter(slug="gleiche-adresse").count() == 1
    for answer in answers:
        if answer.status == 200:  # the input stays, with the reason beside the field
            assert SLUG_TAKEN in answer.content, answer
            assert 'value="gleiche-adresse"' in answer.content, answer


@pytest.mark.django_db(transaction=True)
def test_concurrent_creates_with_one_slug_give_distinct_slugs_or_a_german_error(world):
    problems = {}
    for route, scenario in sorted(_slugged_routes().items()):
        checks = [_check_same_name]
        if "slug" in _form_of(world, scenario)[2]:  # the form lets the user type one
            checks.append(_check_same_typed_slug)
        for check in checks:
            try:
                check(world, route, scenario)
            except AssertionError as error:
                problems[f"{route} {check.__name__}"] = str(error).splitlines()[0]
    assert problems == {}


# --- "Only one" rules hold under concurrency, with a German message ----------------------

def _race_form(world: World, user: User, page: str, url: str, copies: int = 8,
               **changes) -> tuple[list[Answer], dict]:
    client = _client_for(user)
    data = flat(form_data(_rendered_form(client, page, url)))
    data.update(changes)
    answers = post_at_once(clients_like(client, copies), url,
                           lambda i: _with_new_token(data))
    return answers, data


@pytest.mark.django_db(transaction=True)
def test_one_open_survey_round_per_title_and_its_mails_once(world):
    deadline = (timezone.localdate() + timedelta(days=14)).isoformat()
    url = reverse("projects:survey_create")

    answers, _data = _race_form(world, world.coordinator, url, url, title="Erhebung Herbst",
                                topics=[world.topic.pk], deadline=deadline)

    assert sorted(a.status for a in answers) == [200] * 7 + [302], answers
    assert SurveyRound.objects.filter(title="Erhebung Herbst").count() == 1
    for answer in (a for a in answers if a.status == 200):
        assert "Eine offene Erhebung mit diesem Titel gibt es schon." in answer.content
    # One round's mails: one per recipient, not eight.
    recipients = list(OutgoingMail.objects.values_list("to", flat=True))
    assert recipients and len(recipients) == len(set(recipients))


@pytest.mark.django_db(transaction=True)
def test_one_open_invitation_per_address_and_one_mail(world):
    page = reverse("members:staff", args=[world.office.slug])
    url = reverse("members:invite", args=[world.office.slug])

    answers, _data = _race_form(world, world.coordinator, page, url,
                                email="doppelt@example.org")

    # The form's own convention: refused input answers 400 with the form and its message.
    assert sorted(a.status for a in answers) == [302] + [400] * 7, answers
    for answer in (a for a in answers if a.status == 400):
        assert "An diese E-Mail-Adresse ist bereits eine Einladung unterwegs." in answer.content
    assert Invitation.objects.filter(email="doppelt@example.org").count() == 1
    assert [m.to for m in mail.outbox] == [["doppelt@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_one_registration_per_person_and_meeting(world):
    person = world.person(0)
    page = reverse("meetings:detail", args=[world.meeting.pk])
    url = reverse("meetings:register", args=[world.meeting.pk])

    answers, _data = _race_form(world, person, page, url)

    assert [a.status for a in answers] == [302] * 8, answers
    assert Registration.objects.filter(user=person, meeting=world.meeting).count() == 1
    assert Registration.objects.get(user=person).status == RegistrationStatus.REGISTERED


@pytest.mark.django_db(transaction=True)
def test_one_status_per_topic_and_one_answer_per_survey_round(world):
    other_editor = UserFactory(administration=world.office, role=Role.EDITOR)
    survey = SurveyRound.objects.create(title="Erhebung",
                                        deadline=timezone.localdate() + timedelta(days=14))
    survey.topics.set([world.topic])
    status_url = reverse("projects:status_edit_topic", args=[world.office.slug,
                                                             world.topic.slug])
    answer_url = reverse("projects:survey_answer", args=[survey.pk, world.office.slug])

    statuses, _data = _race_form(world, world.editor, status_url, status_url, copies=2,
                                 stage="3")
    # Both editors of the office confirm the round's statuses at the same moment.
    clients = [_client_for(world.editor), _client_for(other_editor)]
    answers = []
    for client in clients:
        form = _rendered_form(client, answer_url, answer_url)
        ticks = {f.name: "on" for f in form.fields if f.name.endswith("-unchanged")}
        assert ticks, "the answer form has no row"
        answers.append({**flat(form_data(form)), **ticks})
    responses = post_at_once(clients, answer_url, lambda i: answers[i])

    assert all(a.status in NORMAL for a in statuses + responses), statuses + responses
    assert world.office.statuses.filter(topic=world.topic).count() == 1
    assert survey.responses.filter(administration=world.office).count() == 1, responses


@pytest.mark.django_db(transaction=True)
def test_two_administrations_given_one_address_at_once(world):
    other = AdministrationFactory(name="Landkreis Neuwied", slug="nr")
    client = _client_for(world.coordinator)
    urls = [reverse("members:edit", args=[a.slug]) for a in (world.office, other)]
    bodies = [{**flat(form_data(_rendered_form(client, url, url))), "slug": "gleiche-adresse"}
              for url in urls]

    answers = at_once([lambda c, i=i: c.post(urls[i], bodies[i]) for i in range(2)],
                      clients_like(client, 2))

    assert sorted(a.status for a in answers) == [200, 302], answers
    refused = next(a for a in answers if a.status == 200)
    assert SLUG_TAKEN in refused.content and 'value="gleiche-adresse"' in refused.content
    slugs = set(Administration.objects.values_list("slug", flat=True))
    assert slugs in ({"gleiche-adresse", "nr"}, {"myk", "gleiche-adresse"})
