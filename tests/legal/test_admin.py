"""The Django admin of the legal app: lists open, revisions are read-only history, feedback
cannot be added there, and a state changed there goes through the service (who and when)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from legal.enums import FeedbackState, PageKind
from legal.models import Feedback
from tests.legal.helpers import feedback_make, page_fill

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["legalpage", "legalpagerevision", "feedback"])
def test_changelists_open(client, admin_user, coordinator, model):
    page_fill(PageKind.IMPRINT, coordinator)
    feedback_make(received=timezone.localdate())
    client.force_login(admin_user)
    assert client.get(reverse(f"admin:legal_{model}_changelist")).status_code == 200


def test_no_adding_feedback_or_revisions_in_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:legal_feedback_add")).status_code == 403
    assert client.get(reverse("admin:legal_legalpagerevision_add")).status_code == 403


def test_feedback_answered_in_admin_records_who_and_when(client, admin_user):
    feedback = feedback_make(received=timezone.localdate())
    client.force_login(admin_user)
    response = client.post(reverse("admin:legal_feedback_change", args=[feedback.pk]),
                           {"state": FeedbackState.ANSWERED, "note": "Per Telefon."})
    assert response.status_code == 302, response.content.decode()[:2000]
    feedback = Feedback.objects.get(pk=feedback.pk)
    assert feedback.state == FeedbackState.ANSWERED and feedback.handled_by == admin_user
    assert feedback.answered_at is not None and feedback.note == "Per Telefon."


def test_feedback_back_to_new_refused_in_admin(client, admin_user):
    feedback = feedback_make(received=timezone.localdate(), state=FeedbackState.IN_PROGRESS)
    client.force_login(admin_user)
    response = client.post(reverse("admin:legal_feedback_change", args=[feedback.pk]),
                           {"state": FeedbackState.NEW, "note": ""})
    assert "wird nicht wieder neu" in response.content.decode()
    assert Feedback.objects.get(pk=feedback.pk).state == FeedbackState.IN_PROGRESS
