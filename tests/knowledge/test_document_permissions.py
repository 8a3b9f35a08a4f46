"""Who may upload, change, archive and download documents: every role × every action."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.enums import Visibility
from knowledge.models import Document
from tests.factories import UserFactory
from tests.knowledge.factories import PDF_BYTES, document_make

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "no_administration", "reader", "uploader", "editor", "other_editor",
         "coordinator", "admin"]


@pytest.fixture
def people(administration, reader, editor, other_editor, coordinator, admin_user):
    return {
        "visitor": None,
        # An account without administration is no member staff (e.g. left the network).
        "no_administration": UserFactory(administration=None),
        "reader": reader,  # same administration as the uploader, but neither author nor editor
        "uploader": UserFactory(administration=administration, role="reader",
                                first_name="Uwe"),
        "editor": editor,  # editor of the contributing administration
        "other_editor": other_editor,
        "coordinator": coordinator,
        "admin": admin_user,
    }


@pytest.fixture
def document(people):
    return document_make(uploaded_by=people["uploader"], title="Interne Vorlage")


def _login(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])


MAY_CREATE = {"reader", "uploader", "editor", "other_editor", "coordinator", "admin"}
MAY_CHANGE = {"uploader", "editor", "coordinator", "admin"}
MAY_ARCHIVE = {"coordinator", "admin"}
MAY_SEE_INTERNAL = {"reader", "uploader", "editor", "other_editor", "coordinator", "admin"}


def _refusal(role, allowed, success=302):
    """Allowed: the success code; may not see the internal document: 404; else 403."""
    if role in allowed:
        return success
    return 403 if role in MAY_SEE_INTERNAL else 404


@pytest.mark.parametrize("role", ROLES)
def test_create(client, people, role):
    _login(client, people, role)

    page = client.get(reverse("knowledge:document_create"))
    response = client.post(reverse("knowledge:document_create"), {
        "title": "Neue Vorlage", "visibility": "internal",
        "file": SimpleUploadedFile("vorlage.pdf", PDF_BYTES)})

    allowed = role in MAY_CREATE
    assert page.status_code == (200 if allowed else 403)
    assert response.status_code == (302 if allowed else 403)
    assert Document.objects.filter(title="Neue Vorlage").exists() is allowed


@pytest.mark.parametrize("role", ROLES)
def test_edit_internal(client, people, document, role):
    _login(client, people, role)
    url = reverse("knowledge:document_edit", args=[document.pk])

    page = client.get(url)
    response = client.post(url, {"title": "Geändert", "visibility": "internal"})

    document.refresh_from_db()
    assert page.status_code == _refusal(role, MAY_CHANGE, success=200)
    assert response.status_code == _refusal(role, MAY_CHANGE)
    assert (document.title == "Geändert") is (role in MAY_CHANGE)


@pytest.mark.parametrize("role", ["visitor", "no_administration"])
def test_edit_public_is_forbidden_to_those_who_see_it_but_may_not_write(client, people, role):
    public = document_make(uploaded_by=people["reader"], visibility=Visibility.PUBLIC)
    _login(client, people, role)

    response = client.post(reverse("knowledge:document_edit", args=[public.pk]),
                           {"title": "Geändert", "visibility": "public"})

    assert response.status_code == 403
    public.refresh_from_db()
    assert public.title != "Geändert"


@pytest.mark.parametrize("role", ROLES)
def test_archive(client, people, document, role):
    _login(client, people, role)

    response = client.post(reverse("knowledge:document_archive", args=[document.pk]),
                           {"archiviert": "1"})

    document.refresh_from_db()
    assert response.status_code == _refusal(role, MAY_ARCHIVE)
    assert (document.archived_at is not None) is (role in MAY_ARCHIVE)


@pytest.mark.parametrize("role", ROLES)
def test_unarchive(client, people, document, role):
    Document.objects.filter(pk=document.pk).update(archived_at="2026-01-01T00:00Z")
    _login(client, people, role)

    response = client.post(reverse("knowledge:document_archive", args=[document.pk]),
                           {"archiviert": "0"})

    document.refresh_from_db()
    assert response.status_code == _refusal(role, MAY_ARCHIVE)
    assert (document.archived_at is None) is (role in MAY_ARCHIVE)


@pytest.mark.parametrize("role", ROLES)
def test_download_internal(client, people, document, role):
    _login(client, people, role)

    response = client.get(reverse("knowledge:document_download", args=[document.pk]))

    allowed = role in MAY_SEE_INTERNAL
    assert response.status_code == (200 if allowed else 404)
    if allowed:
        assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize("role", ROLES)
def test_detail_buttons_follow_the_permissions(client, people, document, role):
    _login(client, people, role)

    response = client.get(reverse("knowledge:document_detail", args=[document.pk]))

    if role not in MAY_SEE_INTERNAL:
        assert response.status_code == 404
        return
    page = response.content.decode()
    assert (reverse("knowledge:document_edit", args=[document.pk]) in page) is (
        role in MAY_CHANGE)
    assert (reverse("knowledge:document_archive", args=[document.pk]) in page) is (
        role in MAY_ARCHIVE)
