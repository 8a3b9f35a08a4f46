"""Who may upload, change, archive and download documents: every role × every action,
through the views and through the services, which refuse the same roles."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.documents import services
from knowledge.enums import Visibility
from knowledge.models import Document
from tests.factories import AdministrationFactory, UserFactory
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
MAY_CREDIT = {"coordinator", "admin"}  # name another contributing administration
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
    # Visitors are offered the login (tests/security/test_login_offered.py).
    assert response.status_code == (200 if allowed else 302 if role == "visitor" else 404)
    if allowed:
        assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize("role", ROLES)
def test_detail_buttons_follow_the_permissions(client, people, document, role):
    _login(client, people, role)

    response = client.get(reverse("knowledge:document_detail", args=[document.pk]))

    if role not in MAY_SEE_INTERNAL:
        assert response.status_code == (302 if role == "visitor" else 404)  # 302: the login
        return
    page = response.content.decode()
    assert (reverse("knowledge:document_edit", args=[document.pk]) in page) is (
        role in MAY_CHANGE)
    assert (reverse("knowledge:document_archive", args=[document.pk]) in page) is (
        role in MAY_ARCHIVE)


@pytest.mark.parametrize("role", ROLES)
def test_download_public_for_everyone(client, people, role):
    public = document_make(uploaded_by=people["uploader"], visibility=Visibility.PUBLIC)
    _login(client, people, role)

    response = client.get(reverse("knowledge:document_download", args=[public.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize("role", ROLES)
def test_create_credits_another_administration_only_for_the_coordination(
        client, people, other_administration, role):
    _login(client, people, role)

    response = client.post(reverse("knowledge:document_create"), {
        "title": "Fremde Vorlage", "visibility": "internal",
        "administration": other_administration.pk,
        "file": SimpleUploadedFile("vorlage.pdf", PDF_BYTES)})

    if role not in MAY_CREATE:
        assert response.status_code == 403
        assert Document.objects.filter(title="Fremde Vorlage").exists() is False
        return
    assert response.status_code == 302
    document = Document.objects.get(title="Fremde Vorlage")
    # Everyone else's upload stays with their own administration, whatever the form sent.
    own = people[role].administration
    assert document.administration == (other_administration if role in MAY_CREDIT else own)


# --- The services check the same rules, whoever calls them -------------------------------

def service_create(people, document, user):
    services.document_create(user=user, title="Neue Vorlage", visibility="internal",
                             file=SimpleUploadedFile("vorlage.pdf", PDF_BYTES))
    return Document.objects.filter(title="Neue Vorlage").exists()


def service_edit(people, document, user):
    services.document_update(document=document, user=user, title="Geändert")
    return Document.objects.filter(pk=document.pk, title="Geändert").exists()


def service_archive(people, document, user):
    services.document_archive(document=document, user=user)
    return Document.objects.get(pk=document.pk).archived_at is not None


def service_unarchive(people, document, user):
    Document.objects.filter(pk=document.pk).update(archived_at="2026-01-01T00:00Z")
    document.refresh_from_db()
    services.document_archive(document=document, user=user, archived=False)
    return Document.objects.get(pk=document.pk).archived_at is None


def service_credit(people, document, user):
    services.document_create(user=user, title="Neue Vorlage", visibility="internal",
                             file=SimpleUploadedFile("vorlage.pdf", PDF_BYTES),
                             administration=AdministrationFactory())
    return Document.objects.filter(title="Neue Vorlage").exists()


SERVICE_WRITES = {service_create: MAY_CREATE, service_edit: MAY_CHANGE,
                  service_archive: MAY_ARCHIVE, service_unarchive: MAY_ARCHIVE,
                  service_credit: MAY_CREDIT}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(SERVICE_WRITES), ids=lambda a: a.__name__)
def test_service_allowed_only_for_the_roles_of_its_view(people, document, action, role):
    user = people[role] or AnonymousUser()

    if role in SERVICE_WRITES[action]:
        assert action(people, document, user) is True
        return
    with pytest.raises(PermissionDenied):
        action(people, document, user)
    assert Document.objects.filter(title__in=["Neue Vorlage", "Geändert"]).exists() is False
    assert (Document.objects.get(pk=document.pk).archived_at is None) is (
        action is not service_unarchive)


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_detail_offers_archive_or_bring_back_as_the_state_allows(client, people, document,
                                                                 role):
    _login(client, people, role)
    url = reverse("knowledge:document_detail", args=[document.pk])

    current = client.get(url).content.decode()
    services.document_archive(document=document, user=people[role])
    archived = client.get(url).content.decode()

    assert "Archivieren" in current and "Wieder in die Liste aufnehmen" not in current
    assert 'name="archiviert" value="1"' in current
    assert "Wieder in die Liste aufnehmen" in archived and ">Archivieren<" not in archived
    assert 'name="archiviert" value="0"' in archived
    with pytest.raises(PermissionDenied):  # archiving twice is no change, even for admins
        services.document_archive(document=document, user=people[role])
