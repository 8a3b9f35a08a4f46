"""Documents of the knowledge base: pages, list and the protected download (the upload rules
themselves: tests/common/test_uploads.py)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.enums import Visibility
from knowledge.models import Document
from projects.models import JointProject
from tests.common.files import (
    DOCX_BYTES,
    EXE_BYTES,
    HTML_BYTES,
    PDF_BYTES,
    PNG_BYTES,
    ZIP_WITHOUT_WORD,
)
from tests.knowledge.factories import article_make, document_make
from tests.meetings.helpers import make_group, make_meeting

pytestmark = pytest.mark.django_db


def _upload(name, content):
    return SimpleUploadedFile(name, content)


def _post_upload(client, file, **extra):
    data = {"title": "Musterdienstanweisung E-Akte", "description": "Zum Anpassen.",
            "reuse_note": "CC BY 4.0", "visibility": Visibility.INTERNAL, "file": file, **extra}
    return client.post(reverse("knowledge:document_create"), data)


# --- Upload page ------------------------------------------------------------------------------

def test_upload_stores_file_metadata_and_links(client, reader, administration):
    meeting = make_meeting(make_group(administration), days=-10, title="Quartalssitzung Mai")
    project = JointProject.objects.create(title="Baulasten digital", slug="baulasten",
                                          goal="Akten scannen", lead=administration)
    article = article_make(author=reader, title="E-Akte einführen")
    client.force_login(reader)

    response = _post_upload(client, _upload("Dienstanweisung E-Akte.pdf", PDF_BYTES),
                            articles=[article.pk], meetings=[meeting.pk],
                            joint_projects=[project.pk])

    document = Document.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("knowledge:document_detail", args=[document.pk])
    assert (document.title, document.description, document.reuse_note, document.visibility) == (
        "Musterdienstanweisung E-Akte", "Zum Anpassen.", "CC BY 4.0", "internal")
    assert (document.filename, document.size) == ("Dienstanweisung E-Akte.pdf", len(PDF_BYTES))
    assert (document.uploaded_by, document.administration) == (reader, administration)
    # Stored under a random directory; the original name is kept for the download.
    assert re.fullmatch(r"knowledge/[0-9a-f]{32}/Dienstanweisung_E-Akte\.pdf", document.file.name)
    with document.file.open("rb") as stored:
        assert stored.read() == PDF_BYTES
    assert list(document.articles.all()) == [article]
    assert list(document.meetings.all()) == [meeting]
    assert list(document.joint_projects.all()) == [project]
    page = client.get(response["Location"]).content.decode()
    assert "Das Dokument „Musterdienstanweisung E-Akte“ wurde hochgeladen." in page


def test_upload_page_prelinks_meeting_project_and_article_from_the_address(
        client, reader, administration):
    meeting = make_meeting(make_group(administration), days=-10, title="Quartalssitzung Mai")
    project = JointProject.objects.create(title="Baulasten digital", slug="baulasten",
                                          goal="Akten scannen", lead=administration)
    article = article_make(author=reader, title="E-Akte einführen")
    client.force_login(reader)
    url = reverse("knowledge:document_create")

    page = client.get(f"{url}?sitzung={meeting.pk}&projekt=baulasten&artikel={article.slug}"
                      ).content.decode()

    assert f'<option value="{meeting.pk}" selected>' in page
    assert f'<option value="{article.pk}" selected>E-Akte einführen</option>' in page
    assert re.search(rf'<input type="checkbox" name="joint_projects" value="{project.pk}"[^>]*'
                     r'\bchecked>', page)
    assert f'href="{meeting.get_absolute_url()}">Zurück zu „Quartalssitzung Mai“' in page
    assert 'name="administration"' not in page  # readers do not pick the contributor


def test_upload_page_ignores_unknown_link_targets(client, reader):
    client.force_login(reader)

    response = client.get(reverse("knowledge:document_create")
                          + "?sitzung=999999&projekt=gibt-es-nicht&artikel=nein&sitzung=²")

    assert response.status_code == 200
    assert " selected>" not in response.content.decode()


def test_upload_refused_when_larger_than_the_limit_keeps_the_other_fields(
        client, reader, settings):
    settings.DOCUMENT_MAX_MB = 1
    client.force_login(reader)

    response = _post_upload(client, _upload("gross.pdf", PDF_BYTES.ljust(1024 * 1024 + 10)))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Die Datei ist größer als 1 MB." in page
    assert 'value="Musterdienstanweisung E-Akte"' in page
    assert "Zum Anpassen.</textarea>" in page
    assert 'value="CC BY 4.0"' in page
    assert not Document.objects.exists()


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bericht.pdf", PNG_BYTES, "Die Datei endet auf „.pdf“, ihr Inhalt hat aber nicht das "
                               "Format PDF."),
    ("bericht.pdf", EXE_BYTES, "Die Datei endet auf „.pdf“, ihr Inhalt hat aber nicht das "
                               "Format PDF."),
    ("vorlage.docx", ZIP_WITHOUT_WORD, "Die Datei endet auf „.docx“, ihr Inhalt hat aber "
                                       "nicht das Format Word (DOCX)."),
    ("bild.png", HTML_BYTES, "Die Datei endet auf „.png“, ihr Inhalt hat aber nicht das "
                             "Format PNG."),
])
def test_upload_refused_by_real_content_type_with_german_message(client, reader, name, content,
                                                                 expected):
    client.force_login(reader)

    response = _post_upload(client, _upload(name, content))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Dieser Dateityp ist nicht erlaubt" in page
    assert expected in page
    assert 'value="Musterdienstanweisung E-Akte"' in page
    assert not Document.objects.exists()


def test_coordinator_picks_the_contributing_administration(client, coordinator,
                                                           other_administration):
    client.force_login(coordinator)

    _post_upload(client, _upload("plan.pdf", PDF_BYTES), administration=other_administration.pk)

    document = Document.objects.get()
    assert (document.administration, document.uploaded_by) == (other_administration, coordinator)


def test_reader_cannot_pick_another_administration(client, reader, administration,
                                                   other_administration):
    client.force_login(reader)

    _post_upload(client, _upload("plan.pdf", PDF_BYTES), administration=other_administration.pk)

    assert Document.objects.get().administration == administration


# --- Edit and archive --------------------------------------------------------------------------

def test_edit_replaces_the_file_and_deletes_the_old_one_after_commit(
        client, reader, django_capture_on_commit_callbacks):
    document = document_make(uploaded_by=reader, title="Alt")
    old_name = document.file.name
    storage = document.file.storage
    client.force_login(reader)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("knowledge:document_edit", args=[document.pk]), {
            "title": "Neu", "description": "", "reuse_note": "", "visibility": "public",
            "file": _upload("vorlage.docx", DOCX_BYTES)})

    document.refresh_from_db()
    assert response.status_code == 302
    assert (document.title, document.visibility, document.filename, document.size) == (
        "Neu", "public", "vorlage.docx", len(DOCX_BYTES))
    assert not storage.exists(old_name)
    assert storage.exists(document.file.name)


def test_edit_without_new_file_keeps_the_file_and_sets_links(client, editor, reader,
                                                             administration):
    document = document_make(uploaded_by=reader)
    article = article_make(author=reader, title="Scanstrecke")
    name = document.file.name
    client.force_login(editor)

    page = client.get(reverse("knowledge:document_edit", args=[document.pk])).content.decode()
    response = client.post(reverse("knowledge:document_edit", args=[document.pk]), {
        "title": "Geändert", "description": "Neu beschrieben", "reuse_note": "frei",
        "visibility": "internal", "articles": [article.pk]})

    document.refresh_from_db()
    assert "Nur wählen, wenn die bisherige Datei „anweisung.pdf“ ersetzt werden soll." in page
    assert response.status_code == 302
    assert (document.title, document.file.name, document.filename) == (
        "Geändert", name, "anweisung.pdf")
    assert list(document.articles.all()) == [article]
    assert document.administration == administration  # unchanged by an editor's save


def test_edit_page_escapes_the_stored_file_name(client, reader):
    document = document_make(uploaded_by=reader, filename="<img src=x onerror=alert(1)>.pdf")
    client.force_login(reader)

    page = client.get(reverse("knowledge:document_edit", args=[document.pk])).content.decode()

    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in page


def test_edit_refuses_a_disguised_replacement(client, reader):
    document = document_make(uploaded_by=reader, title="Alt")
    client.force_login(reader)

    response = client.post(reverse("knowledge:document_edit", args=[document.pk]), {
        "title": "Neu", "visibility": "internal", "file": _upload("plan.pdf", EXE_BYTES)})

    document.refresh_from_db()
    assert "Dieser Dateityp ist nicht erlaubt" in response.content.decode()
    assert "„Alt“ bearbeiten" in response.content.decode()
    assert (document.title, document.filename) == ("Alt", "anweisung.pdf")


def test_archive_hides_from_list_and_visitors_and_unarchive_brings_it_back(
        client, reader, coordinator):
    document = document_make(uploaded_by=reader, title="Vertragsmuster",
                             visibility=Visibility.PUBLIC)
    client.force_login(coordinator)
    url = reverse("knowledge:document_archive", args=[document.pk])

    client.post(url, {"archiviert": "1"})
    document.refresh_from_db()
    archived_at = document.archived_at
    listed = client.get(reverse("knowledge:document_list"))
    archive_list = client.get(reverse("knowledge:document_list") + "?archiviert=on")
    detail = client.get(reverse("knowledge:document_detail", args=[document.pk])).content.decode()
    client.logout()
    visitor = client.get(reverse("knowledge:document_detail", args=[document.pk]))
    client.force_login(coordinator)
    client.post(url, {"archiviert": "0"})
    document.refresh_from_db()

    assert archived_at is not None
    assert list(listed.context["documents"]) == []
    assert "Vertragsmuster</a>" in archive_list.content.decode()
    assert list(archive_list.context["documents"]) == [document]
    assert "Dieses Dokument wurde am" in detail and "Wieder in die Liste aufnehmen" in detail
    # Visitors are offered the login, as for any page they may not see (login_offered).
    assert visitor.status_code == 302 and visitor.url.startswith("/konto/login/?next=")
    assert document.archived_at is None


def test_archive_needs_post(client, coordinator, reader):
    document = document_make(uploaded_by=reader)
    client.force_login(coordinator)

    response = client.get(reverse("knowledge:document_archive", args=[document.pk]))

    assert response.status_code == 405


# --- Detail and list -------------------------------------------------------------------------

def test_detail_shows_metadata_links_and_actions_to_the_uploader(client, reader, administration):
    meeting = make_meeting(make_group(administration), days=-10, title="Quartalssitzung Mai")
    document = document_make(uploaded_by=reader, title="Dienstanweisung",
                             description="Für die E-Akte.", reuse_note="CC BY 4.0")
    document.meetings.add(meeting)
    client.force_login(reader)

    page = client.get(reverse("knowledge:document_detail", args=[document.pk])).content.decode()

    assert "<h1 class=\"kern-heading-large\">Dienstanweisung</h1>" in page
    assert "Für die E-Akte." in page and "CC BY 4.0" in page
    assert f'href="{administration.get_absolute_url()}">Landkreis Mayen-Koblenz</a>' in page
    assert str(reader) in page
    assert f"anweisung.pdf (PDF, {len(PDF_BYTES)}\xa0Bytes)" in page
    assert f'href="{meeting.get_absolute_url()}">Quartalssitzung Mai</a>' in page
    assert f"Herunterladen (PDF, {len(PDF_BYTES)}\xa0Bytes)" in page
    assert reverse("knowledge:document_edit", args=[document.pk]) in page
    assert reverse("knowledge:document_archive", args=[document.pk]) not in page


def test_detail_for_visitors_hides_meetings_uploader_and_internal_articles(client, reader,
                                                                          administration):
    meeting = make_meeting(make_group(administration), days=-10, title="Quartalssitzung Mai")
    public_article = article_make(author=reader, title="Öffentlicher Artikel",
                                  visibility=Visibility.PUBLIC)
    internal_article = article_make(author=reader, title="Interner Artikel")
    document = document_make(uploaded_by=reader, title="Muster", visibility=Visibility.PUBLIC)
    document.meetings.add(meeting)
    document.articles.add(public_article, internal_article)

    page = client.get(reverse("knowledge:document_detail", args=[document.pk])).content.decode()

    assert "Muster" in page
    assert "Öffentlicher Artikel" in page
    assert "Interner Artikel" not in page
    assert "Quartalssitzung Mai" not in page
    assert str(reader) not in page
    assert reverse("knowledge:document_edit", args=[document.pk]) not in page


@pytest.mark.parametrize("visibility", [Visibility.INTERNAL, "archived"])
def test_detail_refused_to_visitors_for_internal_and_archived(client, reader, visibility):
    document = document_make(uploaded_by=reader, visibility=(
        Visibility.PUBLIC if visibility == "archived" else visibility))
    if visibility == "archived":
        Document.objects.filter(pk=document.pk).update(archived_at="2026-01-01T00:00Z")

    response = client.get(reverse("knowledge:document_detail", args=[document.pk]))

    # The login, never the document (common.permissions.login_offered).
    assert response.status_code == 302 and response.url.startswith("/konto/login/?next=")


def test_list_for_visitors_shows_only_public_not_archived(client, reader):
    document_make(uploaded_by=reader, title="Öffentliche Vorlage", visibility=Visibility.PUBLIC)
    document_make(uploaded_by=reader, title="Interne Vorlage")
    archived = document_make(uploaded_by=reader, title="Alte Vorlage",
                             visibility=Visibility.PUBLIC)
    Document.objects.filter(pk=archived.pk).update(archived_at="2026-01-01T00:00Z")

    response = client.get(reverse("knowledge:document_list") + "?archiviert=on")

    assert [d.title for d in response.context["documents"]] == ["Öffentliche Vorlage"]
    page = response.content.decode()
    assert "Interne Vorlage" not in page and "Alte Vorlage" not in page
    assert "1 Dokument gefunden." in page


def test_list_for_member_staff_newest_first_with_internal_and_filters(
        client, reader, other_editor, administration, other_administration):
    first = document_make(uploaded_by=reader, title="Erstes")
    second = document_make(uploaded_by=other_editor, title="Zweites",
                           visibility=Visibility.PUBLIC)
    article = article_make(author=reader, title="Scanstrecke")
    first.articles.add(article)
    client.force_login(reader)
    url = reverse("knowledge:document_list")

    everything = client.get(url)
    by_administration = client.get(f"{url}?administration={other_administration.pk}")
    by_article = client.get(f"{url}?artikel={article.slug}")

    assert list(everything.context["documents"]) == [second, first]
    assert list(by_administration.context["documents"]) == [second]
    assert list(by_article.context["documents"]) == [first]
    assert "Dokumente zum Artikel „Scanstrecke“." in by_article.content.decode()
    assert client.get(f"{url}?artikel=unbekannt").status_code == 404


def test_list_filter_for_an_administration_without_documents_finds_none(
        client, reader, other_administration):
    document_make(uploaded_by=reader, title="Erstes", visibility=Visibility.PUBLIC)

    response = client.get(reverse("knowledge:document_list")
                          + f"?administration={other_administration.pk}")

    assert list(response.context["documents"]) == []
    assert "Keine Dokumente gefunden." in response.content.decode()


def test_list_is_paginated(client, reader):
    for n in range(30):
        document_make(uploaded_by=reader, title=f"Vorlage {n:02d}", visibility=Visibility.PUBLIC)

    first = client.get(reverse("knowledge:document_list"))
    second = client.get(reverse("knowledge:document_list") + "?page=2")

    assert len(first.context["documents"]) == 25
    assert [d.title for d in second.context["documents"]] == [
        f"Vorlage {n:02d}" for n in range(4, -1, -1)]
    assert "Seite 1 von 2" in first.content.decode()


@pytest.mark.parametrize("role", ["visitor", "reader"])
def test_list_queries_do_not_grow_with_documents(client, reader, other_editor, role,
                                                 django_assert_num_queries):
    if role == "reader":
        client.force_login(reader)
    url = reverse("knowledge:document_list")
    document_make(uploaded_by=reader, title="Erstes", visibility=Visibility.PUBLIC)
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for n in range(20):
        document_make(uploaded_by=other_editor if n % 2 else reader, title=f"Mehr {n}",
                      visibility=Visibility.PUBLIC)

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url)

    assert len(response.context["documents"]) == 21


def test_detail_queries_do_not_grow_with_links(client, reader, administration,
                                               django_assert_num_queries):
    group = make_group(administration)
    small_doc = document_make(uploaded_by=reader, title="Klein")
    large_doc = document_make(uploaded_by=reader, title="Groß")
    for n in range(10):
        meeting = make_meeting(group, days=-n - 1, title=f"Sitzung {n}")
        article = article_make(author=reader, title=f"Artikel {n}")
        project = JointProject.objects.create(title=f"Projekt {n}", slug=f"projekt-{n}",
                                              goal="Ziel", lead=administration)
        large_doc.meetings.add(meeting)
        large_doc.articles.add(article)
        large_doc.joint_projects.add(project)
        if n == 0:
            small_doc.meetings.add(meeting)
            small_doc.articles.add(article)
            small_doc.joint_projects.add(project)
    client.force_login(reader)
    client.get(reverse("knowledge:document_detail", args=[small_doc.pk]))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("knowledge:document_detail", args=[small_doc.pk]))

    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(reverse("knowledge:document_detail", args=[large_doc.pk]))

    assert response.content.decode().count("Sitzung ") >= 10


# --- Download ----------------------------------------------------------------------------------

def test_download_internal_refused_to_visitors(client, reader):
    document = document_make(uploaded_by=reader)

    response = client.get(reverse("knowledge:document_download", args=[document.pk]))

    assert response.status_code == 302 and response.url.startswith("/konto/login/?next=")


def test_download_internal_for_member_staff_with_headers_and_bytes(client, reader):
    document = document_make(uploaded_by=reader, filename="Dienstanweisung E-Akte.pdf")
    client.force_login(reader)

    response = client.get(reverse("knowledge:document_download", args=[document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Dienstanweisung E-Akte.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]


def test_download_public_for_visitors_with_original_name(client, reader):
    document = document_make(uploaded_by=reader, filename="Übersicht.pdf",
                             visibility=Visibility.PUBLIC)

    response = client.get(reverse("knowledge:document_download", args=[document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%C3%9Cbersicht.pdf")
    assert "private" not in response.get("Cache-Control", "")


def test_download_of_a_missing_file_is_not_found(client, reader):
    document = document_make(uploaded_by=reader)
    document.file.storage.delete(document.file.name)
    client.force_login(reader)

    response = client.get(reverse("knowledge:document_download", args=[document.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["visitor", "reader", "admin"])
@pytest.mark.parametrize("visibility", [Visibility.INTERNAL, Visibility.PUBLIC])
def test_direct_media_url_is_never_served(client, reader, admin_user, role, visibility):
    document = document_make(uploaded_by=reader, visibility=visibility)
    if role != "visitor":
        client.force_login(reader if role == "reader" else admin_user)

    assert document.file.url.startswith("/media/knowledge/")
    assert client.get(document.file.url).status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404
