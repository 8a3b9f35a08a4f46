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


def test_personal_data_lists_asked_polls_and_answers(client, editor, other_editor):
    from common.personal_data import personal_data_parts

    poll = ask(other_editor, title="DMS im Einsatz")
    answer_save(poll=poll, by=editor, version=0, finalise=False, items={})
    part = next(p for p in personal_data_parts() if p.key == "polls")

    asked = part.collect(other_editor)["Rundfragen, die Sie gestellt haben"]
    answered = part.collect(editor)["Antworten, die Sie begonnen oder zuletzt geändert haben"]

    assert [row["Rundfrage"] for row in asked] == ["DMS im Einsatz"]
    assert [(row["Rundfrage"], row["Verwaltung"], row["Stand"]) for row in answered] == [
        ("DMS im Einsatz", "Landkreis Mayen-Koblenz", "Entwurf")]
    part.erase(editor)  # keeps everything: the answer belongs to the administration
    assert poll.answers.count() == 1
