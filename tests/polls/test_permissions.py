"""Every role × every write action on Rundfragen, through the pages: visitor, reader and
editor of an asked administration, editor of an administration not asked, the asker, and
the coordination office (of an administration not asked)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from polls.models import Answer, Audience, Poll
from polls.services import poll_close, poll_hide
from tests.factories import AdministrationFactory, UserFactory
from tests.polls.helpers import answer_data, ask
from tests.polls.test_asking import form_data

pytestmark = pytest.mark.django_db
ROLES = ["visitor", "reader", "editor_asked", "editor_other", "asker", "coordinator"]
NEXT_WEEK = (timezone.localdate() + timedelta(days=8)).isoformat()


@pytest.fixture
def people(administration, other_administration):
    office = AdministrationFactory(name="Koordinierungsstelle", short_name="KS")
    third = AdministrationFactory(name="Landkreis Ahrweiler", short_name="AW")
    return {
        "visitor": None,
        "reader": UserFactory(administration=administration, role="reader"),
        "editor_asked": UserFactory(administration=administration, role="editor"),
        "editor_other": UserFactory(administration=third, role="editor"),
        "asker": UserFactory(administration=other_administration, role="editor"),
        "coordinator": UserFactory(administration=office, role="coordinator"),
    }


@pytest.fixture
def poll(people, administration):
    return ask(people["asker"], audience=Audience.CHOSEN,
               audience_administrations=[administration])


def _as(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def _post(client, name, poll, data=None):
    return client.post(reverse(f"polls:{name}", args=[poll.pk]), data or {})


ALLOWED = {
    "create": {"reader", "editor_asked", "editor_other", "asker", "coordinator"},
    "edit": {"asker", "coordinator"},
    "draft": {"reader", "editor_asked"},
    "hand_in": {"editor_asked"},
    "close": {"asker", "coordinator"},
    "reopen": {"asker", "coordinator"},
    "hide": {"coordinator"},
    "unhide": {"coordinator"},
}


@pytest.mark.parametrize("role", ROLES)
def test_create(client, people, role):
    response = _as(client, people, role).post(reverse("polls:create"), form_data())
    assert (response.status_code == 302) is (role in ALLOWED["create"])
    assert Poll.objects.exists() is (role in ALLOWED["create"])
    if role == "visitor":
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_edit(client, people, poll, role):
    response = _post(_as(client, people, role), "edit", poll, form_data(title="Geändert"))
    poll.refresh_from_db()
    assert (poll.title == "Geändert") is (role in ALLOWED["edit"])
    assert response.status_code == (302 if role in ALLOWED["edit"]
                                    else 404 if role == "visitor" else 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["draft", "hand_in"])
def test_answer(client, people, poll, role, action):
    data = answer_data(poll, action="entwurf" if action == "draft" else "abgeben")
    response = _post(_as(client, people, role), "detail", poll, data)
    allowed = role in ALLOWED[action]
    assert Answer.objects.exists() is allowed
    if role == "visitor":  # the login, nothing about the Rundfrage
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    else:
        assert response.status_code == (302 if allowed else 403)


@pytest.mark.parametrize("role", ROLES)
def test_close(client, people, poll, role):
    client = _as(client, people, role)
    page = client.get(reverse("polls:close", args=[poll.pk]))
    response = _post(client, "close", poll)
    poll.refresh_from_db()
    allowed = role in ALLOWED["close"]
    assert (poll.closed_at is not None) is allowed
    expected = 302 if allowed else 404 if role == "visitor" else 403
    assert response.status_code == expected
    if allowed:
        assert "Rundfrage „DMS im Einsatz“ vorzeitig beenden?" in page.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_reopen(client, people, poll, role):
    poll_close(poll=poll, by=people["asker"])
    response = _post(_as(client, people, role), "reopen", poll, {"deadline": NEXT_WEEK})
    poll.refresh_from_db()
    allowed = role in ALLOWED["reopen"]
    assert (poll.closed_at is None and poll.reopened_at is not None) is allowed
    assert response.status_code == (302 if allowed else 404 if role == "visitor" else 403)
    if allowed:
        assert poll.deadline.isoformat() == NEXT_WEEK


@pytest.mark.parametrize("role", ROLES)
def test_hide(client, people, poll, role):
    response = _post(_as(client, people, role), "hide", poll)
    poll.refresh_from_db()
    allowed = role in ALLOWED["hide"]
    assert (poll.hidden_at is not None) is allowed
    assert response.status_code == (302 if allowed else 404 if role == "visitor" else 403)


@pytest.mark.parametrize("role", ROLES)
def test_unhide(client, people, poll, role):
    poll_hide(poll=poll, by=people["coordinator"])
    response = _post(_as(client, people, role), "unhide", poll)
    poll.refresh_from_db()
    allowed = role in ALLOWED["unhide"]
    assert (poll.hidden_at is None) is allowed
    # Only the asker and the office still see a hidden Rundfrage; the others get 404.
    assert response.status_code == (302 if allowed else 403 if role == "asker" else 404)


@pytest.mark.parametrize("role", ROLES)
def test_view(client, people, poll, role):
    response = _as(client, people, role).get(reverse("polls:detail", args=[poll.pk]))
    if role == "visitor":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        login = client.get(response["Location"]).content.decode()
        assert "DMS im Einsatz" not in login
    else:
        assert response.status_code == 200
        assert "DMS im Einsatz" in response.content.decode()
