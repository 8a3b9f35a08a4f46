"""The demo Rundfragen: two closed with answers from most members, one open to all
Landkreise; idempotent; their results pages render for the demo logins."""

from collections import Counter

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from meetings import demo as meetings_demo
from members import demo as members_demo
from members.models import Administration, User
from polls import demo
from polls import demo_texts as texts
from polls.models import Answer, AnswerItem, AnswerState, Poll
from polls.results.selectors import poll_results
from polls.selectors import is_open
from projects import demo as projects_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo loaded once for this module and rolled back afterwards."""
    today = timezone.localdate()
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        members_demo.load()
        meetings_demo.load(today=today)
        projects_demo.load(today=today)
        created = demo.load(today=today)
    yield created
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def _snapshot():
    return (sorted(Poll.objects.values_list("pk", "title", "deadline", "closed_at",
                                            "created_at", "updated_at", "summary")),
            sorted(Answer.objects.values_list("pk", "poll_id", "administration_id", "state",
                                              "updated_at")),
            AnswerItem.objects.count())


def test_demo_polls_two_closed_one_open(loaded):
    assert len(loaded) == 3
    polls = {poll.title: poll for poll in Poll.objects.all()}
    assert len(polls) == 3
    dms = polls[texts.DMS["title"]]
    appointments = polls[texts.APPOINTMENTS["title"]]
    council = polls[texts.COUNCIL["title"]]
    assert (is_open(dms), is_open(appointments), is_open(council)) == (False, False, True)
    members = Administration.objects.current().count()
    assert members == 17
    dms_results = poll_results(dms)
    assert (dms_results.answered_count, dms_results.audience_count) == (14, 17)
    assert poll_results(appointments).answered_count == 13
    council_results = poll_results(council)
    assert (council_results.answered_count, council_results.audience_count) == (4, 10)
    assert dms.administration.name == "Landkreis Neuwied"
    assert dms.author.email == "redaktion.neuwied@example.org"
    assert dms.summary_public is True
    assert [t.slug for t in dms.topics.all()] == ["dokumentenmanagement"]
    assert Answer.objects.filter(state=AnswerState.DRAFT).count() == 2
    first = dms_results.questions[0]
    assert Counter({c.label: c.count for c in first.counts}) == Counter(
        {"d.velop d.3ecm": 3, "enaio": 5, "Regisafe": 3, "VIS-Suite": 1, "noch keines": 1,
         "Sonstiges": 1})


def test_demo_polls_are_idempotent(loaded):
    first = _snapshot()
    assert demo.load() == []
    assert _snapshot() == first


def test_demo_results_pages_render_for_the_demo_logins(client, loaded):
    dms = Poll.objects.get(title=texts.DMS["title"])
    council = Poll.objects.get(title=texts.COUNCIL["title"])
    client.force_login(User.objects.get(email="lesen.ahrweiler@example.org"))
    html = client.get(reverse("polls_results:results", args=[dms.pk])).content.decode()
    assert "14 von 17 Verwaltungen haben geantwortet" in html
    # Ahrweiler asked the open one, whose results only the asker sees.
    assert client.get(reverse("polls_results:results", args=[council.pk])).status_code == 200
    client.force_login(User.objects.get(email="redaktion.neuwied@example.org"))
    assert client.get(reverse("polls_results:results", args=[council.pk])).status_code == 403
    client.logout()
    public = client.get(reverse("polls_results:summary", args=[dms.pk])).content.decode()
    assert "14 Verwaltungen haben geantwortet." in public
