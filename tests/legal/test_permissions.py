"""Every role against every write of the legal app, on the server: through the views,
allowed roles change the database and everyone else gets 403 and changes nothing; the
services refuse the same roles; the coordination office's pages are closed to the rest;
sending feedback is open to all."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from legal.enums import FeedbackState, PageKind
from legal.feedback.services import feedback_update
from legal.models import Feedback, LegalPage
from legal.pages import services
from tests.legal.helpers import MP4_BYTES, feedback_make, page_fill

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "coordinator", "admin"]
EVERYONE = set(ROLES)
COORDINATION = {"coordinator", "admin"}


@pytest.fixture
def world(reader, editor, coordinator, admin_user):
    page_fill(PageKind.IMPRINT, coordinator, body="Erste Fassung.")
    page_fill(PageKind.IMPRINT, coordinator, body="Zweite Fassung.")
    services.legal_video_set(user=coordinator,
                             video=SimpleUploadedFile("dgs.mp4", MP4_BYTES),
                             video_type="video/mp4")
    feedback = feedback_make(received=timezone.localdate())
    users = {"visitor": None, "reader": reader, "editor": editor, "coordinator": coordinator,
             "admin": admin_user}
    return {"feedback": feedback, "users": users}


def edit_page(c, w):
    r = c.post(reverse("legal:page_edit", args=[PageKind.IMPRINT]),
               {"title": "Impressum", "body": "Neue Fassung.", "reviewed_on": "",
                "message": "", "revision": 2})
    return r, LegalPage.objects.get(kind=PageKind.IMPRINT).body == "Neue Fassung."


def restore_revision(c, w):
    r = c.post(reverse("legal:revision_restore", args=[PageKind.IMPRINT, 1]))
    return r, LegalPage.objects.get(kind=PageKind.IMPRINT).body == "Erste Fassung."


def upload_video(c, w):
    r = c.post(reverse("legal:video_edit"),
               {"video": SimpleUploadedFile("neu.webm", b"\x1a\x45\xdf\xa3\x42\x82\x84webm"
                                            + b"\x00" * 64)})
    return r, LegalPage.objects.get(kind=PageKind.SIGN_LANGUAGE).video_type == "video/webm"


def remove_video(c, w):
    r = c.post(reverse("legal:video_remove"))
    return r, not LegalPage.objects.get(kind=PageKind.SIGN_LANGUAGE).video


def change_feedback(c, w):
    feedback = w["feedback"]
    r = c.post(reverse("legal:feedback_detail", args=[feedback.pk]),
               {"state": FeedbackState.ANSWERED, "note": "Erledigt."})
    return r, Feedback.objects.get(pk=feedback.pk).state == FeedbackState.ANSWERED


def send_feedback(c, w):
    r = c.post(reverse("legal:feedback"), {"message": "Neue Nachricht.", "consent": "on",
                                           "page": "", "name": "", "email": "",
                                           "website": ""})
    return r, Feedback.objects.filter(message="Neue Nachricht.").exists()


WRITES = {edit_page: COORDINATION, restore_revision: COORDINATION,
          upload_video: COORDINATION, remove_video: COORDINATION,
          change_feedback: COORDINATION, send_feedback: EVERYONE}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(WRITES), ids=lambda a: a.__name__)
def test_write_view_allowed_only_for_its_roles(client, world, action, role):
    if world["users"][role]:
        client.force_login(world["users"][role])
    response, changed = action(client, world)
    if role in WRITES[action]:
        assert response.status_code == 302, response.content.decode()[:800]
        assert changed is True
    else:
        assert response.status_code == 403
        assert changed is False


PAGES = {
    "page_list": (reverse("legal:page_list"), COORDINATION),
    "page_edit": (reverse("legal:page_edit", args=[PageKind.PRIVACY]), COORDINATION),
    "page_history": (reverse("legal:page_history", args=[PageKind.IMPRINT]), COORDINATION),
    "revision_detail": (reverse("legal:revision_detail", args=[PageKind.IMPRINT, 1]),
                        COORDINATION),
    "video_edit": (reverse("legal:video_edit"), COORDINATION),
    "feedback_list": (reverse("legal:feedback_list"), COORDINATION),
    "feedback": (reverse("legal:feedback"), EVERYONE),
    "imprint": (reverse("legal:imprint"), EVERYONE),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(PAGES))
def test_pages_open_only_for_their_roles(client, world, name, role):
    if world["users"][role]:
        client.force_login(world["users"][role])
    url, allowed = PAGES[name]
    response = client.get(url)
    assert response.status_code == (200 if role in allowed else 403)


@pytest.mark.parametrize("role", ROLES)
def test_feedback_detail_only_for_coordination(client, world, role):
    if world["users"][role]:
        client.force_login(world["users"][role])
    response = client.get(reverse("legal:feedback_detail", args=[world["feedback"].pk]))
    assert response.status_code == (200 if role in COORDINATION else 403)
    if role not in COORDINATION:
        assert "Der Kontrast ist zu schwach." not in response.content.decode()


@pytest.mark.parametrize("role", ["visitor", "reader", "editor"])
def test_services_refuse_other_roles(world, role):
    user = world["users"][role] or AnonymousUser()
    page = LegalPage.objects.get(kind=PageKind.IMPRINT)
    with pytest.raises(PermissionDenied):
        services.legal_page_save(kind=PageKind.IMPRINT, user=user, title="X", body="Y")
    with pytest.raises(PermissionDenied):
        services.legal_page_restore(page=page, revision=page.revisions.get(number=1),
                                    user=user)
    with pytest.raises(PermissionDenied):
        services.legal_video_set(user=user, video=SimpleUploadedFile("x.mp4", MP4_BYTES),
                                 video_type="video/mp4")
    with pytest.raises(PermissionDenied):
        services.legal_video_remove(user=user)
    with pytest.raises(PermissionDenied):
        feedback_update(feedback=world["feedback"], user=user,
                        state=FeedbackState.ANSWERED, note="")
    assert LegalPage.objects.get(kind=PageKind.IMPRINT).body == "Zweite Fassung."


def test_restore_of_the_current_revision_refused_even_for_admins(world):
    admin = world["users"]["admin"]
    page = LegalPage.objects.get(kind=PageKind.IMPRINT)
    with pytest.raises(PermissionDenied):
        services.legal_page_restore(page=page, revision=page.revisions.get(number=2),
                                    user=admin)
