"""The change source "poll_results": Rundfragen whose answering ended, by role, with their
targets for notifications."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import timezone

from common.changes import recent_changes
from polls.models import ResultsVisibility
from polls.results.changes import poll_results_changes
from projects.models import Topic

from .helpers import poll_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def polls(asker):
    today = timezone.localdate()
    make = poll_make
    admin = asker.administration
    return {
        "open": make(title="Noch offen", administration=admin, author=asker,
                     deadline=today + timedelta(days=3)),
        "deadline": make(title="Frist vorbei", administration=admin, author=asker,
                         deadline=today - timedelta(days=2)),
        "closed": make(title="Vorzeitig beendet", administration=admin, author=asker,
                       deadline=today + timedelta(days=20),
                       closed_at=timezone.now() - timedelta(hours=1)),
        "asker_only": make(title="Nur für die Fragenden", administration=admin, author=asker,
                           deadline=today - timedelta(days=5),
                           results_visibility=ResultsVisibility.ASKER),
        "hidden": make(title="Ausgeblendet", administration=admin, author=asker,
                       deadline=today - timedelta(days=1), hidden_at=timezone.now()),
        "public": make(title="Mit öffentlicher Zusammenfassung", administration=admin,
                       author=asker, deadline=today - timedelta(days=10),
                       summary="Kurz: ja.", summary_public=True),
    }


def test_member_staff_get_ended_polls_whose_results_all_members_see(reader, polls):
    changes = poll_results_changes(reader, 10)
    assert [change.title for change in changes] == [
        "Vorzeitig beendet", "Frist vorbei", "Mit öffentlicher Zusammenfassung"]
    closed = changes[0]
    assert closed.kind == "poll_results"
    assert closed.kind_label == "Ergebnisse einer Rundfrage"
    assert closed.url == reverse("polls_results:results", args=[polls["closed"].pk])
    assert closed.administration == "Landkreis Neuwied"
    assert closed.when == polls["closed"].closed_at
    assert closed.public is False and changes[2].public is True


def test_deadline_ends_at_midnight_local_time(reader, polls):
    change = next(c for c in poll_results_changes(reader, 10) if c.title == "Frist vorbei")
    deadline = polls["deadline"].deadline
    assert timezone.localtime(change.when).date() == deadline + timedelta(days=1)
    assert (timezone.localtime(change.when).hour, timezone.localtime(change.when).minute) == (
        0, 0)


def test_coordinator_gets_every_ended_poll(coordinator, polls):
    titles = {change.title for change in poll_results_changes(coordinator, 10)}
    assert titles == {"Vorzeitig beendet", "Frist vorbei", "Nur für die Fragenden",
                      "Ausgeblendet", "Mit öffentlicher Zusammenfassung"}


def test_visitors_get_only_published_summaries(polls):
    changes = poll_results_changes(AnonymousUser(), 10)
    assert [(c.title, c.url, c.public) for c in changes] == [
        ("Mit öffentlicher Zusammenfassung",
         reverse("polls_results:summary", args=[polls["public"].pk]), True)]


def test_targets_are_the_poll_and_its_topics(reader, polls):
    topic = Topic.objects.create(name="Dokumentenmanagementsystem", slug="dms")
    polls["closed"].topics.add(topic)
    change = poll_results_changes(reader, 10)[0]
    assert change.targets == (f"polls.poll:{polls['closed'].pk}", f"projects.topic:{topic.pk}")


def test_since_and_limit(reader, polls):
    since = timezone.now() - timedelta(days=3)
    assert [c.title for c in poll_results_changes(reader, 10, since)] == [
        "Vorzeitig beendet", "Frist vorbei"]
    assert [c.title for c in poll_results_changes(reader, 1)] == ["Vorzeitig beendet"]


def test_registered_in_the_recent_changes(reader, polls, django_assert_num_queries):
    with django_assert_num_queries(2):  # the polls and their topics
        poll_results_changes(reader, 10)
    assert "Vorzeitig beendet" in [c.title for c in recent_changes(reader,
                                                                  kinds=["poll_results"])]


def test_topic_page_lists_polls_whose_results_the_user_sees(client, reader, asker, polls,
                                                            django_assert_num_queries):
    from polls.results.selectors import polls_with_results_on_topic

    topic = Topic.objects.create(name="Dokumentenmanagementsystem", slug="dms")
    for poll in polls.values():
        poll.topics.add(topic)
    with django_assert_num_queries(1):
        shown = polls_with_results_on_topic(topic=topic, user=reader)
    assert {poll.title for poll in shown} == {
        "Noch offen", "Frist vorbei", "Vorzeitig beendet", "Mit öffentlicher Zusammenfassung"}
    assert {poll.title for poll in polls_with_results_on_topic(topic=topic, user=asker)} == {
        "Noch offen", "Frist vorbei", "Vorzeitig beendet", "Nur für die Fragenden",
        "Ausgeblendet", "Mit öffentlicher Zusammenfassung"}
    client.force_login(reader)
    html = client.get(reverse("projects:topic", args=["dms"])).content.decode()
    assert "Rundfragen zu diesem Thema" in html
    assert reverse("polls_results:results", args=[polls["closed"].pk]) in html
    assert "Nur für die Fragenden" not in html
