"""Visitors find public items only: never internal articles or documents, internal meeting
content, internal Steckbrief answers or contacts, or the internal parts of a project."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from common.search.query import search_results
from knowledge.articles.services import article_archive
from knowledge.enums import Visibility
from members.models import ContactPerson, ProfileAnswer, ProfileQuestion
from projects.models import JointProject, Milestone
from tests.factories import AdministrationFactory
from tests.knowledge.factories import article_make, document_make
from tests.meetings.helpers import add_agenda, make_group, make_meeting

from .helpers import found, search_page, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(reader):
    client = Client()  # a second browser: the `client` fixture stays a visitor
    client.force_login(reader)
    return client


def _visitor_titles(query: str) -> list[str]:
    results = search_results(query=query, user=AnonymousUser())
    return [row.title for row in results.page.object_list] if results.page else []


def test_visitor_finds_public_articles_only(client, member_client, reader):
    article_make(author=reader, title="Open Data veröffentlichen", visibility=Visibility.PUBLIC)
    article_make(author=reader, title="Open Data intern abstimmen",
                 visibility=Visibility.INTERNAL)

    assert _visitor_titles("Open Data") == ["Open Data veröffentlichen"]
    page = search_page(client, "Open Data")
    assert titles(page) == ["Open Data veröffentlichen"]
    assert "intern abstimmen" not in page
    assert sorted(found(member_client, "Open Data")) == [
        "Open Data intern abstimmen", "Open Data veröffentlichen"]


def test_visitor_finds_public_documents_only(client, member_client, reader):
    document_make(uploaded_by=reader, title="Mustersatzung Breitband",
                  visibility=Visibility.PUBLIC)
    document_make(uploaded_by=reader, title="Kalkulation Breitband",
                  visibility=Visibility.INTERNAL, description="Vertrauliche Zahlen")

    assert _visitor_titles("Breitband") == ["Mustersatzung Breitband"]
    assert found(client, "Breitband") == ["Mustersatzung Breitband"]
    assert found(client, "Zahlen") == []
    assert sorted(found(member_client, "Breitband")) == [
        "Kalkulation Breitband", "Mustersatzung Breitband"]


def test_visitor_never_finds_archived_articles(client, member_client, reader, coordinator):
    article = article_make(author=reader, title="Faxgeräte abschaffen",
                           visibility=Visibility.PUBLIC)
    article_archive(article=article, user=coordinator)

    assert found(client, "Faxgeräte") == []
    assert found(member_client, "Faxgeräte") == []


def test_visitor_sees_upcoming_meetings_without_internals(client, member_client, administration):
    group = make_group(administration)
    meeting = make_meeting(group, days=20, state="invited", host=administration,
                           title="Quartalssitzung Frühjahr")
    add_agenda(meeting, "Zauberwort-Projekt vorstellen")

    assert found(client, "Zauberwort") == []
    assert found(client, "Quartalssitzung") == []
    page = search_page(client, "Digitales Kreishaus")
    assert titles(page) == ["Sitzung der AG Digitales Kreishaus"]
    assert "Quartalssitzung" not in page
    assert "Zauberwort" not in page
    assert _visitor_titles("Koblenz") == ["Landkreis Mayen-Koblenz",
                                          "Sitzung der AG Digitales Kreishaus"]

    assert found(member_client, "Zauberwort") == ["Quartalssitzung Frühjahr"]


@pytest.mark.parametrize(("days", "state"), [
    (20, "planned"), (20, "cancelled"), (-20, "invited"), (-20, "held")])
def test_visitor_does_not_find_other_meetings(client, member_client, administration, days,
                                              state):
    make_meeting(make_group(administration), days=days, state=state, title="Quartalssitzung")

    assert found(client, "Digitales Kreishaus") == []
    assert found(member_client, "Quartalssitzung") == ["Quartalssitzung"]


def test_visitor_finds_public_steckbrief_and_contacts_only(client, member_client,
                                                           administration):
    public_question = ProfileQuestion.objects.create(text="Schwerpunkte?", order=1)
    internal_question = ProfileQuestion.objects.create(text="Sorgen?", order=2)
    ProfileAnswer.objects.create(administration=administration, question=public_question,
                                 text="Wir setzen auf Telemedizin.", is_public=True)
    ProfileAnswer.objects.create(administration=administration, question=internal_question,
                                 text="Der Haushalt ist knapp bei Sanierungsfällen.",
                                 is_public=False)
    ContactPerson.objects.create(administration=administration, name="Petra Öffentlich",
                                 expertise="Geodaten", is_public=True)
    ContactPerson.objects.create(administration=administration, name="Ingo Intern",
                                 expertise="Lizenzverträge", is_public=False)

    assert found(client, "Telemedizin") == ["Landkreis Mayen-Koblenz"]
    assert found(client, "Geodaten") == ["Landkreis Mayen-Koblenz"]
    for word in ("Sanierungsfällen", "Intern", "Lizenzverträge", "Lizenz"):
        assert found(client, word) == [], word
        assert _visitor_titles(word) == [], word
        assert found(member_client, word) == ["Landkreis Mayen-Koblenz"], word
    page = search_page(client, "Landkreis Mayen-Koblenz")
    assert "Telemedizin" in page
    assert "Sanierungsfällen" not in page
    assert "Ingo" not in page


def test_inactive_steckbrief_questions_are_not_searchable(member_client, administration):
    question = ProfileQuestion.objects.create(text="Alt?", is_active=False)
    ProfileAnswer.objects.create(administration=administration, question=question,
                                 text="Lochkarten")

    assert found(member_client, "Lochkarten") == []


def test_administrations_that_never_joined_are_not_found(client):
    AdministrationFactory(name="Gemeinde Nirgendwo", member_since=None)
    AdministrationFactory(name="Gemeinde Irgendwo")

    assert found(client, "Gemeinde") == ["Gemeinde Irgendwo"]


def test_visitor_does_not_find_internal_parts_of_projects(client, member_client, administration):
    project = JointProject.objects.create(
        title="Baulastenakten digitalisieren", slug="baulasten", lead=administration,
        goal="Alle Baulastenakten werden gescannt.", funding_note="Landesförderung Sonderfonds")
    Milestone.objects.create(project=project, date=date(2026, 3, 1), title="Scanner beschafft")

    assert found(client, "Baulastenakte") == ["Baulastenakten digitalisieren"]
    assert found(client, "Scanner") == ["Baulastenakten digitalisieren"]
    assert found(client, "Sonderfonds") == []
    assert found(member_client, "Sonderfonds") == ["Baulastenakten digitalisieren"]
