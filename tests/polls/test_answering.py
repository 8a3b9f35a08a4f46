"""Answering: one answer per administration, drafts by any staff, handed in by editors,
"Keine Angabe möglich", editable until the deadline, and a stale form never overwrites."""

from datetime import timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from polls.models import Answer, AnswerState, Audience, Poll, QuestionKind
from polls.services import QuestionData, poll_close
from tests.polls.helpers import answer_data, ask

pytestmark = pytest.mark.django_db


def detail(poll) -> str:
    return reverse("polls:detail", args=[poll.pk])


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_editor_hands_in_the_answer(client, editor, other_editor, administration):
    poll = ask(other_editor)
    client.force_login(editor)

    response = client.post(detail(poll), answer_data(poll))

    assert response.status_code == 302 and response["Location"].endswith("#antwort")
    answer = Answer.objects.get()
    assert (answer.administration, answer.state, answer.version) == (
        administration, AnswerState.FINAL, 1)
    assert answer.submitted_at is not None and answer.updated_by == editor
    items = {item.question.text: item for item in answer.items.all()}
    assert items["Welches DMS nutzen Sie?"].choices == ["enaio"]
    assert items["Sind Sie zufrieden?"].yes is True
    assert items["Was würden Sie anderen raten?"].text == "Früh mit dem Personalrat sprechen."
    text = page_text(client.get(response["Location"]))
    assert ("Die Antwort von Landkreis Mayen-Koblenz ist abgegeben. Bis zur Frist können Sie "
            "sie noch ändern.") in text
    now = timezone.localtime(answer.updated_at).strftime("%d.%m.%Y, %H:%M")
    assert f"Zuletzt geändert von {editor.get_full_name()} am {now}." in text


def test_reader_saves_a_draft_but_cannot_hand_in(client, reader, other_editor):
    poll = ask(other_editor)
    client.force_login(reader)
    form = BeautifulSoup(client.get(detail(poll)).content, "html.parser")
    assert [b.get_text(strip=True) for b in form.select("form button[name=aktion]")] == [
        "Entwurf speichern"]

    draft = client.post(detail(poll), answer_data(poll, action="entwurf", happy=""))
    assert draft.status_code == 302
    assert "Ihr Entwurf ist gespeichert." in page_text(client.get(detail(poll)))
    handed_in = client.post(detail(poll), answer_data(poll, version=1))

    assert handed_in.status_code == 403
    answer = Answer.objects.get()
    assert (answer.state, answer.version, answer.submitted_at) == (AnswerState.DRAFT, 1, None)


def test_reader_sees_handed_in_answer_without_form(client, reader, editor, other_editor):
    poll = ask(other_editor)
    client.force_login(editor)
    client.post(detail(poll), answer_data(poll))
    client.force_login(reader)

    response = client.get(detail(poll))

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select("form button[name=aktion]") == []
    text = page_text(response)
    assert "Die Antwort ist abgegeben; ändern kann sie nur die Redaktion Ihrer Verwaltung." in text
    assert "Früh mit dem Personalrat sprechen." in text
    assert client.post(detail(poll), answer_data(poll, version=1, action="entwurf")
                       ).status_code == 403
    assert Answer.objects.get().state == AnswerState.FINAL


def test_handing_in_needs_every_question_or_no_answer_possible(client, editor, other_editor):
    poll = ask(other_editor)
    client.force_login(editor)
    happy = poll.questions.get(kind=QuestionKind.YES_NO)

    refused = client.post(detail(poll), answer_data(poll, happy=""))
    accepted = client.post(detail(poll), answer_data(poll, happy="", **{
        f"q{happy.pk}_none": "on"}))

    assert refused.status_code == 200
    assert ("Bitte beantworten Sie diese Frage oder kreuzen Sie „Keine Angabe möglich“ an."
            in page_text(refused))
    # What was typed is still in the form.
    soup = BeautifulSoup(refused.content, "html.parser")
    assert "Früh mit dem Personalrat" in soup.find("textarea").text
    assert accepted.status_code == 302
    assert Answer.objects.get().items.get(question=happy).not_possible is True


def test_answer_and_no_answer_possible_together_is_an_error(client, editor, other_editor):
    poll = ask(other_editor)
    first = poll.questions.first()
    client.force_login(editor)

    response = client.post(detail(poll), answer_data(poll, **{f"q{first.pk}_none": "on"}))

    assert ("Bitte geben Sie entweder eine Antwort oder „Keine Angabe möglich“ an, nicht "
            "beides.") in page_text(response)
    assert not Answer.objects.exists()


def test_every_kind_of_question(client, editor, other_editor):
    poll = ask(other_editor, questions=[
        QuestionData(text="Welche Module?", kind=QuestionKind.MULTIPLE,
                     choices=["Posteingang", "Akte", "Workflow"], allow_other=True),
        QuestionData(text="Wie viele Lizenzen?", kind=QuestionKind.NUMBER),
        QuestionData(text="Seit wann?", kind=QuestionKind.DATE),
    ])
    multiple, number, since = poll.questions.all()
    client.force_login(editor)

    response = client.post(detail(poll), {
        "version": "0", "aktion": "abgeben",
        f"q{multiple.pk}_value": ["Akte", "Workflow"], f"q{multiple.pk}_other": "E-Rechnung",
        f"q{number.pk}_value": "1250,5", f"q{since.pk}_value": "2024-03-01"})

    assert response.status_code == 302, page_text(response)
    items = {item.question_id: item for item in Answer.objects.get().items.all()}
    assert (items[multiple.pk].choices, items[multiple.pk].other) == (
        ["Akte", "Workflow"], "E-Rechnung")
    assert items[number.pk].number == Decimal("1250.50")
    assert items[since.pk].date.isoformat() == "2024-03-01"
    text = page_text(client.get(detail(poll)))
    assert "Akte, Workflow, Sonstiges: E-Rechnung" in text


def test_handed_in_answer_stays_editable_until_the_deadline(client, editor, other_editor):
    poll = ask(other_editor)
    client.force_login(editor)
    client.post(detail(poll), answer_data(poll))

    client.post(detail(poll), answer_data(poll, version=1, dms="VIS"))

    answer = Answer.objects.get()
    assert (answer.state, answer.version) == (AnswerState.FINAL, 2)
    assert answer.items.get(question__kind=QuestionKind.SINGLE).choices == ["VIS"]
    Poll.objects.filter(pk=poll.pk).update(deadline=timezone.localdate() - timedelta(days=1))

    late = client.post(detail(poll), answer_data(poll, version=2, dms="enaio"), follow=True)

    assert "Diese Rundfrage nimmt keine Antworten mehr an." in page_text(late)
    assert Answer.objects.get().version == 2


def test_closed_poll_takes_no_answer(client, editor, other_editor):
    poll = ask(other_editor)
    poll_close(poll=poll, by=other_editor)
    client.force_login(editor)

    assert BeautifulSoup(client.get(detail(poll)).content, "html.parser").select(
        "form button[name=aktion]") == []
    response = client.post(detail(poll), answer_data(poll), follow=True)

    assert "Diese Rundfrage nimmt keine Antworten mehr an." in page_text(response)
    assert not Answer.objects.exists()


def test_administration_not_asked_has_no_form(client, editor, other_editor, administration):
    poll = ask(editor, audience=Audience.CHOSEN,
               audience_administrations=[other_editor.administration])
    client.force_login(editor)

    response = client.get(detail(poll))

    assert "Antwort von Landkreis Mayen-Koblenz" not in page_text(response)
    assert client.post(detail(poll), answer_data(poll)).status_code == 403
    assert not Answer.objects.exists()


def test_stale_form_is_refused_and_shows_the_stored_answer(client, reader, editor,
                                                           other_editor):
    """The reader opened the form (version 0); meanwhile the editor handed in."""
    poll = ask(other_editor)
    client.force_login(editor)
    client.post(detail(poll), answer_data(poll, advice="Antwort der Redaktion"))
    client.force_login(reader)

    response = client.post(detail(poll), answer_data(poll, action="entwurf",
                                                     advice="Mein Entwurf"))
    assert response.status_code == 403  # readers may not change a handed-in answer

    client.force_login(editor)
    stale = client.post(detail(poll), answer_data(poll, version=0, advice="Zweite Fassung"))

    assert stale.status_code == 200
    text = page_text(stale)
    assert (f"Ihre Eingaben wurden nicht gespeichert: {editor.get_full_name()} hat die "
            "Antwort inzwischen geändert.") in text
    assert "Antwort der Redaktion" in text  # the stored answer
    soup = BeautifulSoup(stale.content, "html.parser")
    assert soup.find("textarea").text.strip() == "Zweite Fassung"  # what they typed
    assert soup.find("input", {"name": "version"})["value"] == "1"
    answer = Answer.objects.get()
    assert answer.version == 1
    assert answer.items.get(question__kind=QuestionKind.TEXT).text == "Antwort der Redaktion"

    again = client.post(detail(poll), answer_data(poll, version=1, advice="Zweite Fassung"))

    assert again.status_code == 302
    assert Answer.objects.get().items.get(
        question__kind=QuestionKind.TEXT).text == "Zweite Fassung"


def test_double_submit_saves_once(client, editor, other_editor):
    poll = ask(other_editor)
    client.force_login(editor)
    token = BeautifulSoup(client.get(detail(poll)).content, "html.parser").find(
        "input", {"name": "_once"})
    assert token is not None
    data = answer_data(poll, _once=token["value"])

    first, second = client.post(detail(poll), data), client.post(detail(poll), data)

    assert first.status_code == 302 and second.status_code == 303
    assert Answer.objects.get().version == 1
