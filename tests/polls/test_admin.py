"""The Django admin of the Rundfragen: a Rundfrage with its questions, an answer with its
items, German labels."""

import pytest

from polls.services import ItemData, answer_save
from tests.polls.helpers import ask

pytestmark = pytest.mark.django_db


def test_admin_poll_with_questions_inline(client, admin_user, other_editor):
    poll = ask(other_editor, title="DMS im Einsatz")
    client.force_login(admin_user)

    listing = client.get("/admin/polls/poll/?q=DMS").content.decode()
    page = client.get(f"/admin/polls/poll/{poll.pk}/change/").content.decode()

    assert "DMS im Einsatz" in listing and "Antworten bis" in listing
    assert "Wer wird gefragt?" in page and "Fragen" in page
    assert "Welches DMS nutzen Sie?" in page  # the questions inline


def test_admin_answer_with_items_inline(client, admin_user, editor, other_editor):
    poll = ask(other_editor)
    answer = answer_save(poll=poll, by=editor, version=0, finalise=True, items={
        q.pk: ItemData(not_possible=True) for q in poll.questions.all()})
    client.force_login(admin_user)

    listing = client.get("/admin/polls/answer/").content.decode()
    page = client.get(f"/admin/polls/answer/{answer.pk}/change/").content.decode()

    assert "Landkreis Mayen-Koblenz" in listing and "Abgegeben" in listing
    assert "Einzelantworten" in page and "Keine Angabe möglich" in page
