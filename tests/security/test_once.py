"""One-time form tokens (common.once): what a user sees when a form is sent twice, what is
kept and rolled back, and a sweep that every POST form a coordinator sees carries a token.

The concurrent cases (two and eight identical requests at the same moment) are in
test_races.py; these tests send the copies one after the other, which is what the back
button and a reload do.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.test import Client
from django.urls import path, reverse
from django.utils import timezone

import kreishaus.urls
from common.models import OnceToken
from common.once import OnceTokenMiddleware
from common.tasks import once_tokens_cleanup
from members.models import ContactPerson, Invitation
from projects.models import Topic
from tests.factories import UserFactory
from tests.security.crawler import crawl, fetch, flat, form_data, post_forms

ALREADY_SENT = ("Dieses Formular wurde bereits abgeschickt; Ihre Eingaben wurden nur "
                "einmal übernommen. Hier sehen Sie das Ergebnis.")


def _contact_form(client, administration) -> tuple[str, dict]:
    url = reverse("members:contact_create", args=[administration.slug])
    [form] = [f for f in fetch(client, url).forms if f.action == url]
    data = flat(form_data(form))
    data.update({"name": "Dana Beispiel", "function_other": ""})
    return url, data


def test_a_form_sent_twice_acts_once_and_leads_to_the_first_result(client, editor,
                                                                    administration):
    client.force_login(editor)
    url, data = _contact_form(client, administration)

    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == 302
    assert (second.status_code, second["Location"]) == (303, first["Location"])
    assert ContactPerson.objects.filter(name="Dana Beispiel").count() == 1
    page = client.get(second["Location"]).content.decode()
    assert ALREADY_SENT in page and "Dana Beispiel" in page


def test_a_form_with_errors_may_be_corrected_and_sent_again(client, editor, administration):
    client.force_login(editor)
    url, data = _contact_form(client, administration)

    refused = client.post(url, {**data, "name": ""})
    corrected = client.post(url, data)

    assert refused.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in refused.content.decode()
    assert corrected.status_code == 302
    assert ContactPerson.objects.filter(name="Dana Beispiel").count() == 1


def test_the_token_of_one_person_does_not_block_another(client, editor, administration):
    colleague = UserFactory(administration=administration, role="editor")
    client.force_login(editor)
    url, data = _contact_form(client, administration)
    client.post(url, data)
    other = Client()
    other.force_login(colleague)

    response = other.post(url, data)

    assert response.status_code == 302
    assert ContactPerson.objects.filter(name="Dana Beispiel").count() == 2


def test_a_refused_csrf_check_does_not_use_up_the_token(editor, administration):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url, data = _contact_form(client, administration)

    forged = client.post(url, {**data, "csrfmiddlewaretoken": "falsch" * 6})
    real = client.post(url, data)

    assert forged.status_code == 403
    assert real.status_code == 302
    assert ContactPerson.objects.filter(name="Dana Beispiel").count() == 1


def test_mails_of_a_form_sent_twice_go_out_once(client, coordinator, administration,
                                                django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    page = fetch(client, reverse("members:staff", args=[administration.slug]))
    url = reverse("members:invite", args=[administration.slug])
    [form] = [f for f in page.forms if f.action == url]
    data = {**flat(form_data(form)), "email": "neu@example.org"}

    with django_capture_on_commit_callbacks(execute=True):
        answers = [client.post(url, data).status_code for _n in range(2)]

    assert answers == [302, 303]
    assert Invitation.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["neu@example.org"]]


def test_a_mangled_token_is_ignored_and_the_form_still_works(client, editor, administration):
    client.force_login(editor)
    url, data = _contact_form(client, administration)

    response = client.post(url, {**data, "_once": "kein-gültiges-Token\x01"})

    assert response.status_code == 302
    assert not OnceToken.objects.exists()


# --- What is kept, what is rolled back (small views behind the real middleware) ----------

def _probe(request, outcome):
    """Writes a topic, then answers as `outcome` says."""
    name = request.POST["name"]
    Topic.objects.create(name=name, slug=name, group="internal")
    if outcome == "weiter":
        return redirect(f"/fertig/{name}/")
    if outcome == "seite":
        return HttpResponse("Vorschau")
    if outcome == "verboten":
        raise PermissionDenied
    raise RuntimeError("Absturz mitten in der Verarbeitung")


# The project's pages stay reachable: the error pages link to them.
urlpatterns = [path("probe/<str:outcome>/", _probe), *kreishaus.urls.urlpatterns]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(("outcome", "status", "kept", "token_kept"), [
    ("weiter", 302, True, True),     # done: the result is remembered
    ("seite", 200, True, False),     # e.g. a preview: kept, but the form may be sent again
    ("verboten", 403, False, False),  # refused: nothing stays
    ("absturz", 500, False, False),   # broken: nothing stays, no half-done object
])
def test_what_the_view_wrote_stays_only_if_it_answered_normally(db, reader, outcome, status,
                                                                kept, token_kept):
    client = Client(raise_request_exception=False)
    client.force_login(reader)
    data = {"name": "probe", "_once": "a" * 32}

    response = client.post(f"/probe/{outcome}/", data)

    assert response.status_code == status
    assert Topic.objects.filter(slug="probe").exists() is kept
    assert OnceToken.objects.filter(token="a" * 32).exists() is token_kept
    if token_kept:
        assert OnceToken.objects.get().target == "/fertig/probe/"


@pytest.mark.urls(__name__)
def test_after_a_failure_the_same_form_can_be_sent_again(db, reader):
    client = Client(raise_request_exception=False)
    client.force_login(reader)

    broken = client.post("/probe/absturz/", {"name": "probe", "_once": "b" * 32})
    retried = client.post("/probe/weiter/", {"name": "probe", "_once": "b" * 32})

    assert (broken.status_code, retried.status_code) == (500, 302)
    assert Topic.objects.filter(slug="probe").count() == 1


def test_the_middleware_is_the_last_one_so_it_runs_after_csrf_login_and_messages():
    assert settings.MIDDLEWARE[-1] == f"{OnceTokenMiddleware.__module__}.OnceTokenMiddleware"


# --- Cleanup ------------------------------------------------------------------------------

def test_old_tokens_are_removed_by_the_periodic_task(db, settings):
    settings.ONCE_TOKEN_KEEP_HOURS = 48
    old = OnceToken.objects.create(scope="user:1", token="c" * 32, path="/", target="/")
    fresh = OnceToken.objects.create(scope="user:1", token="d" * 32, path="/", target="/")
    OnceToken.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(hours=49))

    removed = once_tokens_cleanup.delay().get()

    assert removed == 1
    assert list(OnceToken.objects.all()) == [fresh]
    assert any(entry["task"] == "common.tasks.once_tokens_cleanup"
               for entry in settings.CELERY_BEAT_SCHEDULE.values())


# --- Sweep: every POST form carries a token -----------------------------------------------

def test_every_post_form_a_coordinator_sees_carries_a_once_token(network):
    pages = crawl(network.client("coordinator"), start=network.seed_urls(), per_route=1)
    forms = post_forms(pages)

    without = sorted({f"{page.url} → {form.action}" for page, form in forms
                      if "_once" not in form.field_names()})
    assert len(forms) > 20
    assert without == []
