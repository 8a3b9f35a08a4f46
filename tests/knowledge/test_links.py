"""Knowledge on the other pages: meeting, joint project, topic, administration, dashboard."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knowledge.enums import Visibility
from knowledge.models import Article, Document
from projects.models import JointProject
from tests.knowledge.factories import article_make, document_make
from tests.meetings.helpers import make_group, make_meeting
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start:page.index("</section>", start)]


def _archive(item):
    type(item).objects.filter(pk=item.pk).update(archived_at=timezone.now())


def _article_link(article) -> str:
    return f'href="{reverse("knowledge:article_detail", kwargs={"slug": article.slug})}"'


def _document_link(document) -> str:
    return f'href="{reverse("knowledge:document_detail", args=[document.pk])}"'


# --- Meeting page ------------------------------------------------------------------------------

@pytest.fixture
def meeting(administration):
    return make_meeting(make_group(administration), days=-7, state="held",
                        title="Quartalssitzung Mai")


def test_meeting_page_lists_linked_articles_and_documents(client, reader, meeting):
    article = article_make(author=reader, title="Scanstrecke aufbauen", meetings=[meeting])
    archived_article = article_make(author=reader, title="Alter Stand", meetings=[meeting])
    _archive(archived_article)
    document = document_make(uploaded_by=reader, title="Folien zur Scanstrecke")
    document.meetings.add(meeting)
    archived_document = document_make(uploaded_by=reader, title="Veraltete Folien")
    archived_document.meetings.add(meeting)
    _archive(archived_document)
    document_make(uploaded_by=reader, title="Nicht verknüpft")
    client.force_login(reader)

    section = _section(client.get(meeting.get_absolute_url()).content.decode(), "wissen")

    assert "Wissen zu dieser Sitzung" in section
    assert f'{_article_link(article)}>Scanstrecke aufbauen</a>' in section
    assert f'{_document_link(document)}>Folien zur Scanstrecke</a>' in section
    assert "Alter Stand" not in section and "Veraltete Folien" not in section
    assert "Nicht verknüpft" not in section
    assert (f'href="{reverse("knowledge:document_create")}?sitzung={meeting.pk}">'
            "Dokument hinzufügen</a>") in section


def test_meeting_page_without_knowledge_says_so(client, reader, meeting):
    client.force_login(reader)

    section = _section(client.get(meeting.get_absolute_url()).content.decode(), "wissen")

    assert "Keine Artikel verknüpft." in section and "Keine Dokumente verknüpft." in section


def test_meeting_page_queries_do_not_grow_with_knowledge(client, reader, administration,
                                                         django_assert_num_queries):
    group = make_group(administration)
    small = make_meeting(group, days=-7, title="Klein")
    large = make_meeting(group, days=-14, title="Groß")
    for n in range(6):
        targets = [small, large] if n == 0 else [large]
        article_make(author=reader, title=f"Artikel {n}", meetings=targets)
        document_make(uploaded_by=reader, title=f"Dokument {n}").meetings.add(*targets)
    client.force_login(reader)
    client.get(small.get_absolute_url())  # warm up session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(small.get_absolute_url())

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(large.get_absolute_url())

    # The section's context (knowledge.sections) is pushed onto the page's context.
    assert len(response.context["articles"]) == 6
    assert len(response.context["documents"]) == 6


# --- Joint project page ------------------------------------------------------------------------

@pytest.fixture
def project(administration):
    return JointProject.objects.create(title="Baulasten digital", slug="baulasten",
                                       goal="Akten scannen", lead=administration)


@pytest.fixture
def project_knowledge(reader, project):
    public_article = article_make(author=reader, title="Öffentlicher Bericht",
                                  visibility=Visibility.PUBLIC, joint_projects=[project])
    internal_article = article_make(author=reader, title="Interne Notiz",
                                    joint_projects=[project])
    public_document = document_make(uploaded_by=reader, title="Öffentliches Konzept",
                                    visibility=Visibility.PUBLIC)
    internal_document = document_make(uploaded_by=reader, title="Internes Angebot")
    archived_document = document_make(uploaded_by=reader, title="Altes Konzept",
                                      visibility=Visibility.PUBLIC)
    for document in (public_document, internal_document, archived_document):
        document.joint_projects.add(project)
    _archive(archived_document)
    return public_article, internal_article, public_document, internal_document


def test_project_page_shows_visitors_only_public_knowledge(client, project, project_knowledge):
    public_article, _, public_document, internal_document = project_knowledge

    page = client.get(project.get_absolute_url()).content.decode()

    section = _section(page, "wissen")
    assert "Wissen zum Projekt" in section
    assert f"{_article_link(public_article)}>Öffentlicher Bericht</a>" in section
    assert f"{_document_link(public_document)}>Öffentliches Konzept</a>" in section
    assert "Interne Notiz" not in page and "Internes Angebot" not in page
    assert _document_link(internal_document) not in page
    assert "Altes Konzept" not in page
    assert "Dokument hinzufügen" not in section


def test_project_page_shows_member_staff_internal_knowledge(client, reader, project,
                                                            project_knowledge):
    client.force_login(reader)

    section = _section(client.get(project.get_absolute_url()).content.decode(), "wissen")

    assert "Interne Notiz" in section and "Internes Angebot" in section
    assert "Öffentlicher Bericht" in section and "Öffentliches Konzept" in section
    assert "Altes Konzept" not in section
    assert (f'href="{reverse("knowledge:document_create")}?projekt=baulasten">'
            "Dokument hinzufügen</a>") in section


@pytest.mark.parametrize("role", ["visitor", "reader"])
def test_project_page_queries_do_not_grow_with_knowledge(client, reader, administration, role,
                                                         django_assert_num_queries):
    small = JointProject.objects.create(title="Klein", slug="klein", goal="Ziel",
                                        lead=administration)
    large = JointProject.objects.create(title="Groß", slug="gross", goal="Ziel",
                                        lead=administration)
    for n in range(6):
        targets = [small, large] if n == 0 else [large]
        article_make(author=reader, title=f"Artikel {n}", visibility=Visibility.PUBLIC,
                     joint_projects=targets)
        document_make(uploaded_by=reader, title=f"Dokument {n}",
                      visibility=Visibility.PUBLIC).joint_projects.add(*targets)
    if role == "reader":
        client.force_login(reader)
    client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(small.get_absolute_url())

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(large.get_absolute_url())

    # The section's context (knowledge.sections) is pushed onto the page's context.
    assert len(response.context["articles"]) == 6
    assert len(response.context["documents"]) == 6


# --- Topic page --------------------------------------------------------------------------------

def test_topic_page_lists_its_articles_newest_change_first(client, reader):
    topic = make_topic()
    other = make_topic(name="Kfz-Ummeldung", slug="kfz")
    older = article_make(author=reader, title="E-Akte im Bauamt", topics=[topic])
    newer = article_make(author=reader, title="E-Akte im Jobcenter", topics=[topic])
    archived = article_make(author=reader, title="E-Akte alt", topics=[topic])
    _archive(archived)
    article_make(author=reader, title="Kfz digital", topics=[other])
    Article.objects.filter(pk=older.pk).update(updated_at=timezone.now()
                                               - timezone.timedelta(days=3))
    client.force_login(reader)

    response = client.get(reverse("projects:topic", args=[topic.slug]))

    section = _section(response.content.decode(), "artikel")
    assert "Artikel zu diesem Thema" in section
    assert [a.title for a in response.context["topic_articles"].items] == [
        "E-Akte im Jobcenter", "E-Akte im Bauamt"]
    assert f"{_article_link(newer)}>E-Akte im Jobcenter</a>" in section
    assert "E-Akte alt" not in section and "Kfz digital" not in section


def test_topic_page_shows_the_newest_twenty_and_points_to_search(client, reader):
    topic = make_topic()
    for n in range(21):
        article_make(author=reader, title=f"Artikel {n}", topics=[topic])
    client.force_login(reader)

    response = client.get(reverse("projects:topic", args=[topic.slug]))

    assert len(response.context["topic_articles"].items) == 20
    assert "Gezeigt werden die 20 zuletzt geänderten Artikel." in response.content.decode()


def test_topic_page_queries_do_not_grow_with_articles(client, reader,
                                                      django_assert_num_queries):
    small, large = make_topic(), make_topic(name="Kfz", slug="kfz")
    article_make(author=reader, title="Eins", topics=[small, large])
    for n in range(10):
        article_make(author=reader, title=f"Mehr {n}", topics=[large])
    client.force_login(reader)
    client.get(reverse("projects:topic", args=[small.slug]))
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("projects:topic", args=[small.slug]))
    cache.clear()

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("projects:topic", args=[large.slug]))

    assert len(response.context["topic_articles"].items) == 11


# --- Administration page -----------------------------------------------------------------------

@pytest.fixture
def contributions(reader, other_editor, administration):
    public_article = article_make(author=reader, title="Öffentlicher Leitfaden",
                                  visibility=Visibility.PUBLIC)
    article_make(author=reader, title="Interne Checkliste")
    archived = article_make(author=reader, title="Alter Leitfaden", visibility=Visibility.PUBLIC)
    _archive(archived)
    article_make(author=other_editor, title="Fremder Artikel", visibility=Visibility.PUBLIC)
    public_document = document_make(uploaded_by=reader, title="Öffentliche Vorlage",
                                    visibility=Visibility.PUBLIC)
    document_make(uploaded_by=reader, title="Interne Vorlage")
    document_make(uploaded_by=other_editor, title="Fremde Vorlage", visibility=Visibility.PUBLIC)
    return public_article, public_document


def test_administration_page_shows_visitors_public_contributions(client, administration,
                                                                 contributions):
    public_article, public_document = contributions

    section = _section(client.get(administration.get_absolute_url()).content.decode(), "wissen")

    assert f"{_article_link(public_article)}>Öffentlicher Leitfaden</a>" in section
    assert f"{_document_link(public_document)}>Öffentliche Vorlage</a>" in section
    assert "Interne Checkliste" not in section and "Interne Vorlage" not in section
    assert "Alter Leitfaden" not in section
    assert "Fremder Artikel" not in section and "Fremde Vorlage" not in section
    assert f'href="/wissen/?verwaltung={administration.slug}#artikel"' in section
    # The link leads to the knowledge start page filtered to this administration.
    filtered = client.get(f"/wissen/?verwaltung={administration.slug}")
    assert [a.title for a in filtered.context["page"]] == ["Öffentlicher Leitfaden"]
    assert (f'href="{reverse("knowledge:document_list")}?administration={administration.pk}"'
            in section)


def test_administration_page_shows_member_staff_internal_contributions(
        client, reader, administration, contributions):
    client.force_login(reader)

    section = _section(client.get(administration.get_absolute_url()).content.decode(), "wissen")

    assert "Interne Checkliste" in section and "Interne Vorlage" in section
    assert "Öffentlicher Leitfaden" in section and "Öffentliche Vorlage" in section
    assert "Alter Leitfaden" not in section


def test_administration_page_shows_the_newest_ten(client, reader, administration):
    for n in range(12):
        article_make(author=reader, title=f"Artikel {n:02d}", visibility=Visibility.PUBLIC)
        document_make(uploaded_by=reader, title=f"Dokument {n:02d}",
                      visibility=Visibility.PUBLIC)

    response = client.get(administration.get_absolute_url())

    knowledge = response.context["knowledge"]
    assert [a.title for a in knowledge.articles.items] == [
        f"Artikel {n:02d}" for n in range(11, 1, -1)]
    assert [d.title for d in knowledge.documents.items] == [
        f"Dokument {n:02d}" for n in range(11, 1, -1)]
    assert knowledge.articles.more and knowledge.documents.more


def test_administration_page_without_contributions(client, administration):
    section = _section(client.get(administration.get_absolute_url()).content.decode(), "wissen")

    assert "Noch keine Beiträge." in section


@pytest.mark.parametrize("role", ["visitor", "reader"])
def test_administration_page_queries_do_not_grow_with_contributions(
        client, reader, administration, role, django_assert_num_queries):
    article_make(author=reader, title="Eins", visibility=Visibility.PUBLIC)
    document_make(uploaded_by=reader, title="Eins", visibility=Visibility.PUBLIC)
    if role == "reader":
        client.force_login(reader)
    client.get(administration.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        client.get(administration.get_absolute_url())
    for n in range(9):
        article_make(author=reader, title=f"Mehr {n}", visibility=Visibility.PUBLIC)
        document_make(uploaded_by=reader, title=f"Mehr {n}", visibility=Visibility.PUBLIC)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(administration.get_absolute_url())

    assert len(response.context["knowledge"].articles.items) == 10
    assert len(response.context["knowledge"].documents.items) == 10


# --- Dashboard ---------------------------------------------------------------------------------

def test_dashboard_shows_the_five_newest_articles(client, reader):
    articles = [article_make(author=reader, title=f"Artikel {n}") for n in range(7)]
    _archive(articles[6])
    client.force_login(reader)

    response = client.get(reverse("start"))

    section = _section(response.content.decode(), "dash-articles")
    assert "Neue Wissensartikel" in section
    assert [a.title for a in response.context["new_articles"]] == [
        "Artikel 5", "Artikel 4", "Artikel 3", "Artikel 2", "Artikel 1"]
    assert f"{_article_link(articles[5])}>Artikel 5</a>" in section
    assert "Artikel 6" not in section and "Artikel 0" not in section


def test_dashboard_queries_do_not_grow_with_articles(client, reader, django_assert_num_queries):
    first = article_make(author=reader, title="Eins")
    client.force_login(reader)
    client.get(reverse("start"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("start"))
    for n in range(6):
        article_make(author=reader, title=f"Mehr {n}", category=first.category if n % 2 else None)

    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(reverse("start"))

    assert len(response.context["new_articles"]) == 5


def test_document_rows_are_not_created_by_link_sections(client, reader, meeting):
    # Rendering the pages never writes: a smoke check on the shared partials.
    client.force_login(reader)
    client.get(meeting.get_absolute_url())

    assert Document.objects.count() == 0
