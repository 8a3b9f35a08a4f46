"""Rundfragen in the site search (permission-aware) and in the recent changes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from common.changes import recent_changes
from polls.changes import polls_changes
from polls.models import ResultsVisibility
from polls.services import ItemData, answer_save, poll_hide, poll_unhide
from projects.models import Topic
from tests.polls.helpers import ask
from tests.search.helpers import found, links

pytestmark = pytest.mark.django_db


def _answer(poll, by, text, *, finalise=True):
    free = poll.questions.get(kind="text")
    items = {q.pk: ItemData(not_possible=True) for q in poll.questions.all()}
    items[free.pk] = ItemData(text=text)
    return answer_save(poll=poll, by=by, version=0, items=items, finalise=finalise)


def test_poll_found_by_title_context_and_question(client, reader, other_editor):
    poll = ask(other_editor, title="Umfrage Dokumentenmanagement",
               context="Wir planen eine **Ausschreibung**.")
    client.force_login(reader)

    assert found(client, "Dokumentenmanagement") == ["Umfrage Dokumentenmanagement"]
    assert found(client, "Ausschreibung") == ["Umfrage Dokumentenmanagement"]
    assert found(client, "Personalrat") == []
    assert found(client, "zufrieden") == ["Umfrage Dokumentenmanagement"]
    page = client.get(reverse("search"), {"q": "Ausschreibung"}).content.decode()
    assert links(page) == [reverse("polls:detail", args=[poll.pk])]


def test_handed_in_answers_found_drafts_not(client, reader, editor, other_editor):
    shown = ask(other_editor, title="Erfahrungen A")
    drafted = ask(other_editor, title="Erfahrungen B")
    _answer(shown, editor, "Die Schulung der Sachbearbeitung lohnt sich.")
    _answer(drafted, editor, "Die Schnittstellenbeschreibung fehlte.", finalise=False)
    client.force_login(reader)

    assert found(client, "Schulung") == ["Erfahrungen A"]
    assert found(client, "Schnittstellenbeschreibung") == []


def test_answers_of_asker_only_results_are_not_found(client, reader, editor, other_editor):
    poll = ask(other_editor, title="Vertraulich",
               results_visibility=ResultsVisibility.ASKER)
    _answer(poll, editor, "Kosten von 40.000 Euro im Jahr")
    client.force_login(reader)

    assert found(client, "Vertraulich") == ["Vertraulich"]
    assert found(client, "Euro") == []


def test_visitors_find_nothing(client, other_editor):
    ask(other_editor, title="Umfrage Dokumentenmanagement")

    assert found(client, "Dokumentenmanagement") == []


def test_hidden_poll_leaves_the_index(client, reader, coordinator, other_editor):
    poll = ask(other_editor, title="Umfrage Dokumentenmanagement")
    poll_hide(poll=poll, by=coordinator)
    client.force_login(reader)
    assert found(client, "Dokumentenmanagement") == []

    poll_unhide(poll=poll, by=coordinator)
    assert found(client, "Dokumentenmanagement") == ["Umfrage Dokumentenmanagement"]


def test_change_record_names_the_poll_and_its_topics(reader, other_editor):
    dms = Topic.objects.create(name="Dokumentenmanagementsystem", slug="dms", group="internal")
    akte = Topic.objects.create(name="E-Akte", slug="e-akte", group="internal")
    poll = ask(other_editor, title="DMS im Einsatz", topics=[dms, akte])
    ask(other_editor, title="Ohne Thema")

    changes = polls_changes(reader, 10)

    assert [c.title for c in changes] == ["Ohne Thema", "DMS im Einsatz"]
    change = changes[1]
    assert change.kind == "polls" and change.kind_label == "Neue Rundfrage"
    assert change.url == reverse("polls:detail", args=[poll.pk])
    assert change.administration == "Landkreis Neuwied" and change.public is False
    assert change.targets == (f"polls.poll:{poll.pk}", *sorted(
        (f"projects.topic:{dms.pk}", f"projects.topic:{akte.pk}"),
        key=lambda key: int(key.rpartition(":")[2])))
    assert changes[0].targets == (f"polls.poll:{changes[0].object_key.split(':')[1]}",)
    assert "polls" in {c.kind for c in recent_changes(reader)}


def test_change_records_scoped_like_the_list(reader, coordinator, other_editor):
    poll = ask(other_editor, title="Heikel")
    poll_hide(poll=poll, by=coordinator)
    from django.contrib.auth.models import AnonymousUser

    assert polls_changes(reader, 10) == []
    assert polls_changes(AnonymousUser(), 10) == []
    assert [c.title for c in polls_changes(coordinator, 10)] == ["Heikel"]
    assert [c.title for c in polls_changes(other_editor, 10)] == ["Heikel"]
    later = timezone.now() + timedelta(minutes=1)
    assert polls_changes(coordinator, 10, since=later) == []


def test_change_source_one_query(reader, other_editor, django_assert_num_queries):
    for n in range(5):
        ask(other_editor, title=f"Frage {n}")
    with django_assert_num_queries(1):
        assert len(polls_changes(reader, 10)) == 5
