"""Documents of joint projects: who uploads, who downloads, what is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import JointProject, ProjectDocument

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "other_editor", "coordinator", "admin"]


@pytest.fixture
def project(administration):
    return JointProject.objects.create(title="Baulastenakten digitalisieren", slug="baulasten",
                                       goal="Akten scannen", lead=administration)


@pytest.fixture
def people(reader, editor, other_editor, coordinator, admin_user):
    return {"visitor": None, "reader": reader, "editor": editor, "other_editor": other_editor,
            "coordinator": coordinator, "admin": admin_user}


@pytest.mark.parametrize("role", ROLES)
def test_upload_only_for_coordinators_and_lead_editors(client, project, people, role):
    if people[role]:
        client.force_login(people[role])
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 Projektplan")

    response = client.post(reverse("projects:project_document_upload", args=[project.slug]),
                           {"title": "Projektplan", "file": upload})

    allowed = role in {"editor", "coordinator", "admin"}
    assert response.status_code == (302 if allowed else 403)
    assert ProjectDocument.objects.filter(title="Projektplan").exists() is allowed


@pytest.mark.parametrize("role", ROLES)
def test_download_only_for_member_staff(client, project, people, role):
    document = ProjectDocument.objects.create(
        project=project, title="Plan", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.7 x"))
    if people[role]:
        client.force_login(people[role])

    response = client.get(reverse("projects:project_document", args=[project.slug, document.pk]))
    page = client.get(project.get_absolute_url()).content.decode()

    assert response.status_code == (403 if role == "visitor" else 200)
    assert ("Plan</a>" in page) is (role != "visitor")
    assert client.get(document.file.url).status_code == 404


def test_disguised_file_is_refused_and_title_kept(client, project, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("projects:project_document_upload", args=[project.slug]),
                           {"title": "Getarnt", "file": SimpleUploadedFile("x.pdf", b"MZ\x90")})

    assert "Dieser Dateityp ist nicht erlaubt" in response.content.decode()
    assert 'value="Getarnt"' in response.content.decode()
    assert not ProjectDocument.objects.exists()
