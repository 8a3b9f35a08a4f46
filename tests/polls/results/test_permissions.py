"""Every role on every results page and action: visitor, reader, editor (both of another
administration than the asker's), the asker, a reader of the asking administration, the
coordinator; results visible to all members or only to the asker."""

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Article
from polls.models import Poll, ResultsVisibility
from tests.factories import UserFactory
from tests.knowledge.factories import CategoryFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "reader", "editor", "asker", "asker_colleague", "coordinator"]


@pytest.fixture
def people(reader, editor, asker, coordinator):
    return {"visitor": None, "reader": reader, "editor": editor, "asker": asker,
            "asker_colleague": UserFactory(administration=asker.administration, role="reader"),
            "coordinator": coordinator}


def _client(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def _is_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/konto/login/")


def _outcome(response) -> str:
    return "login" if _is_login(response) else str(response.status_code)


READ_PAGES = ["results", "results_csv", "results_xlsx"]

# results_visibility -> role -> expected outcome of every read page
READ_EXPECTED = {
    ResultsVisibility.MEMBERS: {"visitor": "login", "reader": "200", "editor": "200",
                                "asker": "200", "asker_colleague": "200",
                                "coordinator": "200"},
    ResultsVisibility.ASKER: {"visitor": "login", "reader": "403", "editor": "403",
                              "asker": "200", "asker_colleague": "200", "coordinator": "200"},
}


@pytest.mark.parametrize("visibility", list(READ_EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_results_pages_and_exports_by_role(client, people, poll, answered, role, visibility):
    Poll.objects.filter(pk=poll.pk).update(results_visibility=visibility)
    client = _client(client, people, role)
    outcomes = {name: _outcome(client.get(reverse(f"polls_results:{name}", args=[poll.pk])))
                for name in READ_PAGES}
    expected = READ_EXPECTED[visibility][role]
    assert outcomes == dict.fromkeys(READ_PAGES, expected)
    if expected == "200":
        html = client.get(reverse("polls_results:results", args=[poll.pk])).content.decode()
        assert "3 von 5 Verwaltungen haben geantwortet" in html


@pytest.mark.parametrize("role", ROLES)
def test_hidden_poll_results_only_asker_and_coordinator(client, people, poll, answered, role):
    Poll.objects.filter(pk=poll.pk).update(hidden_at=timezone.now())
    # A hidden Rundfrage and its results are the asker's and the coordination office's:
    # the asking administration's readers no longer find it either (polls.selectors).
    response = _client(client, people, role).get(
        reverse("polls_results:results", args=[poll.pk]))
    expected = {"visitor": "login", "reader": "404", "editor": "404", "asker": "200",
                "asker_colleague": "404", "coordinator": "200"}[role]
    assert _outcome(response) == expected


MANAGE_EXPECTED = {"visitor": "login", "reader": "403", "editor": "403", "asker": "200",
                   "asker_colleague": "403", "coordinator": "200"}


@pytest.mark.parametrize("role", ROLES)
def test_manage_pages_by_role(client, people, poll, answered, role):
    client = _client(client, people, role)
    for name in ("summary_edit", "article_create"):
        response = client.get(reverse(f"polls_results:{name}", args=[poll.pk]))
        assert _outcome(response) == MANAGE_EXPECTED[role], name


@pytest.mark.parametrize("role", ROLES)
def test_summary_save_by_role(client, people, poll, answered, role):
    response = _client(client, people, role).post(
        reverse("polls_results:summary_edit", args=[poll.pk]),
        {"summary": "Die meisten nutzen **enaio**.", "summary_public": "on"})
    poll.refresh_from_db()
    if MANAGE_EXPECTED[role] == "200":
        assert response.status_code == 302
        assert (poll.summary, poll.summary_public) == ("Die meisten nutzen **enaio**.", True)
    else:
        assert _outcome(response) == MANAGE_EXPECTED[role]
        assert (poll.summary, poll.summary_public) == ("", False)


@pytest.mark.parametrize("role", ROLES)
def test_article_create_by_role(client, people, poll, answered, role):
    category = CategoryFactory(name="Erfahrungen")
    response = _client(client, people, role).post(
        reverse("polls_results:article_create", args=[poll.pk]), {"category": category.pk})
    poll.refresh_from_db()
    if MANAGE_EXPECTED[role] == "200":
        assert response.status_code == 302
        assert poll.article is not None
        assert Article.objects.count() == 1
    else:
        assert _outcome(response) == MANAGE_EXPECTED[role]
        assert poll.article is None
        assert Article.objects.count() == 0


@pytest.mark.parametrize("role", ROLES)
def test_public_summary_page_by_role(client, people, poll, answered, role):
    client = _client(client, people, role)
    url = reverse("polls_results:summary", args=[poll.pk])
    unpublished = client.get(url)
    assert _outcome(unpublished) == ("login" if role == "visitor" else "404")
    Poll.objects.filter(pk=poll.pk).update(summary="Fast alle nutzen ein DMS.",
                                           summary_public=True)
    published = client.get(url)
    assert published.status_code == 200
    assert "Fast alle nutzen ein DMS." in published.content.decode()
