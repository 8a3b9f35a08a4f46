"""Two staff of one administration answer at the same moment (real threads, each with its
own connection): exactly one answer exists, and the second person sees the first's."""

import pytest
from django.test import Client
from django.urls import reverse

from polls.models import Answer, QuestionKind
from tests.factories import UserFactory
from tests.polls.helpers import answer_data, ask
from tests.security.concurrency import at_once


@pytest.mark.django_db(transaction=True)
def test_concurrent_answers_keep_one_and_show_the_first(administration, other_editor):
    first = UserFactory(administration=administration, role="editor", first_name="Erik",
                        last_name="Erster")
    second = UserFactory(administration=administration, role="reader", first_name="Rita",
                         last_name="Zweite")
    poll = ask(other_editor)
    url = reverse("polls:detail", args=[poll.pk])
    clients = []
    for person in (first, second):
        client = Client(raise_request_exception=False)
        client.force_login(person)
        clients.append(client)
    texts = ["Text der Redaktion", "Text der Leserin"]
    actions = ["abgeben", "entwurf"]

    answers = at_once([
        lambda client, i=i: client.post(url, answer_data(poll, action=actions[i],
                                                         advice=texts[i]))
        for i in range(2)], clients)

    assert sorted(answer.status for answer in answers) == [200, 302], answers
    assert Answer.objects.count() == 1
    stored = Answer.objects.get()
    assert stored.version == 1
    winner = next(i for i, answer in enumerate(answers) if answer.status == 302)
    loser = 1 - winner
    assert stored.items.get(question__kind=QuestionKind.TEXT).text == texts[winner]
    page = answers[loser].content
    assert "Ihre Eingaben wurden nicht gespeichert" in page
    assert texts[winner] in page  # the stored answer of the first
    assert texts[loser] in page  # and what the second typed, kept in the form
