"""The demo knowledge base: articles across the categories, revisions, documents with real
files, links into the rest of the demo, rendering, idempotence and the demo_data command."""

import io
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from openpyxl import load_workbook

from common.markdown import markdown_plain_text, markdown_render
from knowledge import demo
from knowledge import demo_texts as texts
from knowledge.enums import Visibility
from knowledge.models import Article, ArticleRevision, Category, Document
from meetings import demo as meetings_demo
from members import demo as members_demo
from members.models import ContactPerson, User
from projects import demo as projects_demo

TABLE_RULE = re.compile(r"^\|(\s*:?-+:?\s*\|)+\s*$", re.MULTILINE)

# The subjects the issue asks for, each with the article that covers it.
REQUIRED_SUBJECTS = {
    "E-Akte in der Ausländerbehörde": "e-akte-in-der-auslaenderbehoerde",
    "Online-Terminvereinbarung Kfz-Zulassung": "online-terminvereinbarung-kfz-zulassungsstelle",
    "Webseminare": "webseminare-in-der-mittagspause",
    "Testergebnisse Gesundheitsamt": "testergebnisse-gesundheitsamt-digital",
    "papierlose Ratsarbeit": "papierlose-kreistagsarbeit-mit-tablets",
    "Homeoffice-Rollout": "notebook-rollout-homeoffice",
}


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _media_root(settings, media_root):
    # Replaces the suite's per-test media folder: the files were stored once for the module.
    settings.MEDIA_ROOT = media_root


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker, media_root):
    """The whole demo loaded once for this module and rolled back afterwards."""
    today = timezone.localdate()
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        atomic = transaction.atomic()
        atomic.__enter__()
        members_demo.load()
        meetings_demo.load(today=today)
        projects_demo.load(today=today)
        demo.load(today=today)
    yield {"today": today}
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo_db(loaded, db):
    return loaded


def _tables(source):
    return len(TABLE_RULE.findall(source))


def _snapshot():
    return (
        sorted(Category.objects.values_list("pk", "slug", "name", "description", "position")),
        sorted(Article.objects.values_list(
            "pk", "slug", "title", "summary", "body", "category_id", "author_id",
            "administration_id", "visibility", "revision_number", "created_at", "updated_at")),
        sorted(ArticleRevision.objects.values_list("pk", "article_id", "number", "created_at")),
        sorted(Document.objects.values_list("pk", "title", "file", "size", "updated_at")),
        sorted(Article.tags.through.objects.values_list("object_id", "tag__name")),
        sorted(Article.topics.through.objects.values_list("article_id", "topic_id")),
        sorted(Document.articles.through.objects.values_list("document_id", "article_id")),
    )


def test_demo_writes_articles_across_the_categories(demo_db):
    articles = Article.objects.select_related("author__administration", "administration")
    assert 15 <= articles.count() <= 25
    assert articles.count() == len(texts.ARTICLES)
    per_category = Counter(articles.values_list("category__name", flat=True))
    assert len(per_category) >= 5
    assert set(per_category) == set(Category.objects.values_list("name", flat=True))
    assert list(Category.objects.values_list("name", flat=True)[:2]) == [
        "E-Akte und Dokumentenmanagement", "Onlinedienste und OZG"]
    assert not Category.objects.filter(description="").exists()
    for article in articles:
        assert article.summary and article.administration, article
        assert article.tags.count() >= 3, article
        author = article.author
        assert (author.administration == article.administration
                or author.email == "koordination@example.org"), article
    assert articles.get(slug="notebook-rollout-homeoffice").author.email == (
        "redaktion.neuwied@example.org")
    assert articles.get(slug="papierlose-kreistagsarbeit-mit-tablets").author.email == (
        "lesen.ahrweiler@example.org")
    assert len({a.administration_id for a in articles}) >= 10


def test_demo_articles_are_mostly_public_and_some_internal(demo_db):
    visibility = Counter(Article.objects.values_list("visibility", flat=True))
    total = sum(visibility.values())
    assert visibility[Visibility.INTERNAL] >= 5
    assert 0.55 <= visibility[Visibility.PUBLIC] / total <= 0.75


def test_public_articles_name_only_public_contacts(demo_db):
    hidden = list(ContactPerson.objects.filter(is_public=False).values_list("email", flat=True))
    assert hidden
    for article in Article.objects.filter(visibility=Visibility.PUBLIC):
        assert not [email for email in hidden if email in article.body], article


def test_demo_covers_the_subjects_of_the_issue_each_with_a_table(demo_db):
    for subject, slug in REQUIRED_SUBJECTS.items():
        article = Article.objects.get(slug=slug)
        assert "<table>" in markdown_render(article.body), subject


def test_every_demo_article_renders_with_headings_and_its_tables(demo_db):
    with_tables = 0
    for article in Article.objects.all():
        html = markdown_render(article.body)
        tables = _tables(article.body)
        assert html.count("<table>") == tables, article
        with_tables += tables > 0
        assert html.count("<h2>") >= 4, article  # the text's headings start below the title
        assert "<script" not in html
        words = len(markdown_plain_text(article.body).split())
        assert 250 <= words <= 700, (article, words)
    assert with_tables >= 4


def test_demo_texts_use_the_vocabulary_of_german_search(demo_db):
    text = " ".join(Article.objects.values_list("body", flat=True))
    for word in ("Bauantrag", "E-Akte", "Terminvereinbarung", "Kfz-Ummeldung",
                 "Ausländerbehörde", "Gesundheitsamt", "Ratsinformationssystem",
                 "Sitzungsdienst", "Webseminar", "Homeoffice", "mobiles Arbeiten", "Akten",
                 "Anträge", "eingeführt"):
        assert word in text, word


def test_some_demo_articles_have_a_second_revision(demo_db):
    revised = Article.objects.filter(revision_number=2)
    assert 3 <= revised.count() <= 5
    assert not Article.objects.exclude(revision_number__in=[1, 2]).exists()
    for article in Article.objects.all():
        assert article.revisions.count() == article.revision_number
        assert article.revisions.get(number=1).message == "Erste Fassung"
    for article in revised:
        first, second = article.revisions.get(number=1), article.revisions.get(number=2)
        assert second.body == article.body != first.body
        assert len(second.body) > len(first.body)
        assert second.message and second.author is not None
        assert first.created_at < second.created_at < timezone.now()
        assert article.updated_at == second.created_at
    kreistag = Article.objects.get(slug="papierlose-kreistagsarbeit-mit-tablets")
    assert kreistag.revisions.get(number=2).author.email == "koordination@example.org"


def test_demo_articles_are_dated_along_the_meetings(demo_db):
    now = timezone.now()
    created = sorted(Article.objects.values_list("created_at", flat=True))
    assert created[-1] < now
    assert (now - created[0]).days > 365
    assert len(set(created)) == len(created)
    for revision in ArticleRevision.objects.filter(number=1).select_related("article"):
        assert revision.created_at == revision.article.created_at


def test_demo_articles_link_to_topics_projects_and_meetings(demo_db):
    baulasten = Article.objects.get(slug="baulastenakten-digitalisieren-leistungsbeschreibung")
    assert list(baulasten.joint_projects.values_list("slug", flat=True)) == [
        "baulastenakten-digitalisieren"]
    assert set(baulasten.topics.values_list("slug", flat=True)) == {
        "baulastenverzeichnis", "e-akte"}
    video = Article.objects.get(slug="videoberatung-im-sozialamt")
    assert [m.host.name for m in video.meetings.select_related("host")] == [
        "Landkreis Vulkaneifel"]
    assert Article.objects.filter(topics__isnull=False).distinct().count() >= 20
    assert Article.objects.filter(meetings__isnull=False).distinct().count() >= 10
    assert Article.objects.filter(joint_projects__isnull=False).distinct().count() >= 3


def test_demo_documents_have_stored_files_and_links(demo_db):
    documents = list(Document.objects.prefetch_related("articles"))
    assert 3 <= len(documents) <= 5
    assert {d.visibility for d in documents} == {Visibility.PUBLIC, Visibility.INTERNAL}
    for document in documents:
        with document.file.open("rb") as handle:
            content = handle.read()
        assert len(content) == document.size > 500, document
        assert document.file.name.endswith("/" + document.filename)
        assert document.articles.exists(), document
        assert document.uploaded_by is not None and document.administration is not None
        if document.filename.endswith(".pdf"):
            assert content.startswith(b"%PDF-"), document
        else:
            sheet = load_workbook(io.BytesIO(content)).worksheets[0]
            assert [c.value for c in sheet[1]] == [
                "Feld", "Beschreibung", "Format", "Pflicht", "Beispiel"]
    assert Document.objects.filter(meetings__isnull=False).exists()
    schema = Document.objects.get(title="Metadatenschema Baulastblätter")
    assert list(schema.joint_projects.values_list("slug", flat=True)) == [
        "baulastenakten-digitalisieren"]
    checklist = Document.objects.get(title="Checkliste Einführung E-Akte")
    assert checklist.articles.filter(slug="e-akte-in-der-auslaenderbehoerde").exists()


def test_demo_documents_are_generated_the_same_way_every_time():
    text = texts.DOCUMENTS[0]
    assert demo.render_document(text) == demo.render_document(text)


def test_demo_data_second_run_creates_and_changes_nothing(demo_db, media_root):
    before, files = _snapshot(), sorted(media_root.rglob("*"))
    out = StringIO()

    call_command("demo_data", stdout=out)

    assert _snapshot() == before
    assert sorted(media_root.rglob("*")) == files
    assert (f"{len(texts.ARTICLES)} knowledge articles, {len(texts.DOCUMENTS)} documents"
            in out.getvalue())


def test_demo_data_adds_the_knowledge_base_to_a_demo_database_without_it(demo_db):
    Document.objects.all().delete()
    Article.objects.all().delete()
    Category.objects.all().delete()
    users = User.objects.count()

    call_command("demo_data", stdout=StringIO())

    assert Article.objects.count() == len(texts.ARTICLES)
    assert Document.objects.count() == len(texts.DOCUMENTS)
    assert ArticleRevision.objects.count() == len(texts.ARTICLES) + sum(
        1 for text in texts.ARTICLES if text.revision)
    assert User.objects.count() == users
