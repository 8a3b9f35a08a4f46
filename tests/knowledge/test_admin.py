"""Django admin of the knowledge base: pages render, saving an article keeps a revision."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.enums import Visibility
from knowledge.models import Article, ArticleRevision, Category, Document
from tests.knowledge.factories import PDF_BYTES, CategoryFactory, article_make, document_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _hidden_inputs(page: str) -> dict[str, str]:
    """The hidden fields of the admin form (inline management forms and row ids)."""
    fields = {}
    for tag in re.findall(r"<input [^>]*type=\"hidden\"[^>]*>", page):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name.group(1) != "csrfmiddlewaretoken":
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


@pytest.mark.parametrize("model", ["category", "article", "articlerevision", "document"])
def test_changelists_render_with_data(admin_client, reader, model):
    article = article_make(author=reader, title="E-Akte einführen", tags=["E-Akte"])
    document_make(uploaded_by=reader, title="Musterdienstanweisung")

    response = admin_client.get(reverse(f"admin:knowledge_{model}_changelist"))

    page = response.content.decode()
    assert response.status_code == 200
    expected = {"category": article.category.name, "article": "E-Akte einführen",
                "articlerevision": "E-Akte einführen", "document": "Musterdienstanweisung"}
    assert expected[model] in page


def test_changelist_search_finds_by_tag_and_filename(admin_client, reader):
    article_make(author=reader, title="Scanstrecke", tags=["Digitalisierung"])
    article_make(author=reader, title="Anderes")
    document_make(uploaded_by=reader, title="Vorlage", filename="muster-vertrag.pdf")

    articles = admin_client.get(reverse("admin:knowledge_article_changelist") + "?q=Digital")
    documents = admin_client.get(reverse("admin:knowledge_document_changelist") + "?q=vertrag")

    assert [a.title for a in articles.context["cl"].result_list] == ["Scanstrecke"]
    assert [d.filename for d in documents.context["cl"].result_list] == ["muster-vertrag.pdf"]


def test_change_pages_render(admin_client, reader):
    article = article_make(author=reader, title="E-Akte einführen")
    document = document_make(uploaded_by=reader)

    article_page = admin_client.get(reverse("admin:knowledge_article_change",
                                            args=[article.pk])).content.decode()
    document_page = admin_client.get(reverse("admin:knowledge_document_change",
                                             args=[document.pk]))
    revision_page = admin_client.get(reverse("admin:knowledge_articlerevision_change",
                                             args=[article.revisions.get().pk]))

    assert "Erste Fassung" in article_page  # the revision inline, read-only
    assert 'name="revisions-0-message"' not in article_page
    assert document_page.status_code == 200
    assert revision_page.status_code == 200
    assert 'name="_save"' not in revision_page.content.decode()


def test_category_position_is_editable_in_the_list(admin_client):
    first = CategoryFactory(name="Prozesse", position=1)
    second = CategoryFactory(name="Vorlagen", position=2)
    page = admin_client.get(reverse("admin:knowledge_category_changelist")).content.decode()
    data = _hidden_inputs(page)
    data.update({"form-0-id": str(first.pk), "form-0-position": "5",
                 "form-1-id": str(second.pk), "form-1-position": "2", "_save": "Sichern"})

    admin_client.post(reverse("admin:knowledge_category_changelist"), data)

    assert list(Category.objects.values_list("name", flat=True)) == ["Vorlagen", "Prozesse"]


def _article_data(category, **changes):
    return {"title": "Scanstrecke aufbauen", "slug": "scanstrecke-aufbauen",
            "summary": "Wie ein Kreis seine Akten scannt.", "body": "Erst **sortieren**.",
            "category": category.pk, "tags": "Scannen, E-Akte", "visibility": "public",
            **changes}


def test_admin_add_article_creates_the_first_revision(admin_client, admin_user):
    category = CategoryFactory()
    page = admin_client.get(reverse("admin:knowledge_article_add")).content.decode()

    response = admin_client.post(reverse("admin:knowledge_article_add"),
                                 {**_hidden_inputs(page), **_article_data(category)})

    assert response.status_code == 302
    article = Article.objects.get()
    revision = article.revisions.get()
    assert (article.author, article.revision_number) == (admin_user, 1)
    assert (revision.number, revision.title, revision.body, revision.author, revision.message) == (
        1, "Scanstrecke aufbauen", "Erst **sortieren**.", admin_user,
        "Im Verwaltungsbereich angelegt")
    assert sorted(article.tags.names()) == ["E-Akte", "Scannen"]


def test_admin_change_article_adds_a_revision_with_the_new_text(admin_client, admin_user,
                                                                reader):
    article = article_make(author=reader, title="Scanstrecke aufbauen", body="Alt.")
    url = reverse("admin:knowledge_article_change", args=[article.pk])
    page = admin_client.get(url).content.decode()

    response = admin_client.post(url, {**_hidden_inputs(page), **_article_data(
        article.category, slug=article.slug, body="Neu.", author=reader.pk)})

    assert response.status_code == 302
    article.refresh_from_db()
    revisions = list(article.revisions.order_by("number"))
    assert (article.body, article.revision_number, article.author) == ("Neu.", 2, reader)
    assert [(r.number, r.body, r.author) for r in revisions] == [
        (1, "Alt.", reader), (2, "Neu.", admin_user)]
    assert revisions[1].message == "Im Verwaltungsbereich geändert"


def test_revisions_cannot_be_changed_or_deleted_in_the_admin(admin_client, reader):
    article = article_make(author=reader)
    revision = article.revisions.get()

    delete = admin_client.post(reverse("admin:knowledge_articlerevision_delete",
                                       args=[revision.pk]), {"post": "yes"})
    add = admin_client.get(reverse("admin:knowledge_articlerevision_add"))

    assert delete.status_code == 403
    assert add.status_code == 403
    assert ArticleRevision.objects.filter(pk=revision.pk).exists()


def test_admin_document_upload_is_checked_and_sets_name_and_size(admin_client, admin_user,
                                                                 administration):
    url = reverse("admin:knowledge_document_add")
    data = {"title": "Vorlage", "visibility": Visibility.PUBLIC,
            "administration": administration.pk}

    refused = admin_client.post(url, {**data, "file": SimpleUploadedFile("x.pdf", b"MZ\x90")})
    accepted = admin_client.post(url, {**data, "file": SimpleUploadedFile("vorlage.pdf",
                                                                          PDF_BYTES)})

    assert "Dieser Dateityp ist nicht erlaubt" in refused.content.decode()
    assert accepted.status_code == 302
    document = Document.objects.get()
    assert (document.filename, document.size, document.uploaded_by) == (
        "vorlage.pdf", len(PDF_BYTES), admin_user)
