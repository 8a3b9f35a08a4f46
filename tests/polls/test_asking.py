"""Asking a Rundfrage without JavaScript: the form with its question rows, "Weitere Frage",
the audience by kind, group or typed names, and changing it until an answer is handed in."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from members.enums import AdministrationKind
from polls.models import Audience, Poll, QuestionKind
from polls.services import ItemData, answer_save
from projects.models import Topic
from tests.factories import AdministrationFactory
from tests.polls.helpers import IN_A_WEEK, ask

pytestmark = pytest.mark.django_db
CREATE = reverse("polls:create")


def form_data(**extra) -> dict:
    data = {
        "title": "Welches DMS nutzen Sie?", "context": "Wir schreiben **neu** aus.",
        "audience": "all", "deadline": IN_A_WEEK.isoformat(), "results_visibility": "members",
        "fragen-TOTAL_FORMS": "3", "fragen-INITIAL_FORMS": "0",
        "fragen-MIN_NUM_FORMS": "0", "fragen-MAX_NUM_FORMS": "20",
        "fragen-0-text": "Welches Produkt?", "fragen-0-kind": "single",
        "fragen-0-choices": "enaio\nd.velop\n\nenaio", "fragen-0-allow_other": "on",
        "fragen-1-text": "Wie viele Arbeitsplätze?", "fragen-1-kind": "number",
        "fragen-2-text": "", "fragen-2-kind": "text",
    }
    data.update(extra)
    return data


def errors(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [e.get_text(" ", strip=True) for e in soup.select(".kern-error, .kern-alert--danger")]


def test_ask_records_author_administration_and_questions(client, editor, administration):
    topic = Topic.objects.create(name="Dokumentenmanagementsystem", slug="dms", group="internal")
    client.force_login(editor)

    response = client.post(CREATE, form_data(topics=[topic.pk]))

    poll = Poll.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("polls:detail", args=[poll.pk])
    assert (poll.author, poll.administration, poll.audience) == (editor, administration, "all")
    assert list(poll.topics.all()) == [topic]
    assert [(q.position, q.text, q.kind, q.choices, q.allow_other)
            for q in poll.questions.all()] == [
        (1, "Welches Produkt?", "single", ["enaio", "d.velop"], True),
        (2, "Wie viele Arbeitsplätze?", "number", [], False)]
    page = client.get(response["Location"]).content.decode()
    assert "Die Rundfrage ist gestellt." in page
    assert "<strong>neu</strong>" in page


def test_ask_more_rows_keeps_everything_typed(client, reader):
    client.force_login(reader)

    response = client.post(CREATE, form_data(weitere_frage="1", title="", deadline="gestern"))

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200 and not Poll.objects.exists()
    assert soup.find("input", {"name": "fragen-TOTAL_FORMS"})["value"] == "4"
    assert soup.find("input", {"name": "fragen-3-text"}) is not None
    assert soup.find("input", {"name": "fragen-0-text"})["value"] == "Welches Produkt?"
    assert soup.find("textarea", {"name": "fragen-0-choices"}).text.strip() == (
        "enaio\nd.velop\n\nenaio")
    assert soup.find("input", {"name": "deadline"})["value"] == "gestern"
    # Nothing was checked yet: no error is shown for the unfinished form.
    assert errors(response) == []


def test_ask_refuses_choice_question_without_choices(client, reader):
    client.force_login(reader)

    response = client.post(CREATE, form_data(**{"fragen-0-choices": "nur eine"}))

    assert not Poll.objects.exists()
    assert ("Bitte geben Sie mindestens zwei Auswahlmöglichkeiten ein, eine je Zeile."
            in errors(response))


def test_ask_refuses_deadline_in_the_past_and_no_question(client, reader):
    client.force_login(reader)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()

    response = client.post(CREATE, form_data(**{
        "deadline": yesterday, "fragen-0-text": "", "fragen-0-choices": "",
        "fragen-1-text": ""}))

    assert not Poll.objects.exists()
    assert "Die Frist darf nicht in der Vergangenheit liegen." in errors(response)
    assert "Bitte stellen Sie mindestens eine Frage." in errors(response)


def test_ask_chosen_administrations_by_short_name_or_name(client, reader, other_administration):
    altenkirchen = AdministrationFactory(name="Landkreis Altenkirchen", short_name="AK")
    client.force_login(reader)

    response = client.post(CREATE, form_data(
        audience="chosen", audience_names="nr\n  Landkreis Altenkirchen \n"))

    assert response.status_code == 302
    poll = Poll.objects.get()
    assert set(poll.audience_administrations.all()) == {other_administration, altenkirchen}


def test_ask_chosen_names_not_found_are_named(client, reader, other_administration):
    AdministrationFactory(name="Stadt Früher", short_name="FR", member_until=timezone.localdate())
    client.force_login(reader)

    response = client.post(CREATE, form_data(audience="chosen",
                                             audience_names="NR\nXYZ\nFR"))

    assert not Poll.objects.exists()
    assert ("Diese Verwaltungen wurden unter den Mitgliedern nicht gefunden: „XYZ“, „FR“. "
            "Bitte prüfen Sie die Schreibweise (Kurzname oder vollständiger Name, je Zeile "
            "einer).") in errors(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("textarea", {"name": "audience_names"}).text.strip() == "NR\nXYZ\nFR"


def test_ask_audience_needs_its_part(client, reader):
    client.force_login(reader)

    kinds = client.post(CREATE, form_data(audience="kinds"))
    groups = client.post(CREATE, form_data(audience="groups"))

    assert "Bitte wählen Sie mindestens eine Art von Verwaltungen." in errors(kinds)
    assert "Bitte wählen Sie mindestens eine Arbeitsgruppe." in errors(groups)
    assert not Poll.objects.exists()


def test_ask_audience_by_kind_keeps_only_the_kinds(client, reader, other_administration):
    client.force_login(reader)

    client.post(CREATE, form_data(audience="kinds", audience_kinds=["landkreis", "stadt"],
                                  audience_names="NR"))

    poll = Poll.objects.get()
    assert poll.audience_kinds == [AdministrationKind.LANDKREIS, AdministrationKind.STADT]
    assert not poll.audience_administrations.exists()


def test_ask_tampered_management_form_is_a_german_error(client, reader):
    client.force_login(reader)

    response = client.post(CREATE, form_data(**{"fragen-TOTAL_FORMS": "x²"}))

    assert response.status_code == 200 and not Poll.objects.exists()
    assert any("Das Formular wurde unvollständig oder verändert übertragen" in e
               for e in errors(response))


def test_edit_by_asker_while_no_answer_handed_in(client, editor, reader, other_editor):
    poll = ask(other_editor)
    answer_save(poll=poll, by=reader, version=0, items={
        poll.questions.all()[2].pk: ItemData(text="Ein Entwurf")}, finalise=False)
    client.force_login(other_editor)
    page = client.get(reverse("polls:edit", args=[poll.pk]))
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", {"name": "fragen-0-text"})["value"] == "Welches DMS nutzen Sie?"
    assert soup.find("input", {"name": "fragen-TOTAL_FORMS"})["value"] == "4"

    response = client.post(reverse("polls:edit", args=[poll.pk]), form_data(**{
        "title": "DMS und Zufriedenheit", "fragen-TOTAL_FORMS": "3",
        "fragen-0-text": "Welches DMS nutzen Sie?", "fragen-0-kind": "single",
        "fragen-0-choices": "enaio\nd.velop\nVIS",
        "fragen-1-text": "Sind Sie zufrieden?", "fragen-1-kind": "yes_no",
        "fragen-2-text": "Was würden Sie anderen raten?", "fragen-2-kind": "text"}))

    assert response.status_code == 302
    poll.refresh_from_db()
    assert poll.title == "DMS und Zufriedenheit"
    # The draft entry of the unchanged free-text question stays.
    assert poll.answers.get().items.get().text == "Ein Entwurf"
    assert poll.questions.count() == 3


def test_edit_refused_once_an_answer_is_handed_in(client, editor, other_editor):
    poll = ask(other_editor)
    answer_save(poll=poll, by=editor, version=0, finalise=True, items={
        q.pk: ItemData(not_possible=True) for q in poll.questions.all()})
    client.force_login(other_editor)

    response = client.post(reverse("polls:edit", args=[poll.pk]), form_data(), follow=True)

    assert ("Diese Rundfrage lässt sich nicht mehr ändern: Sie ist beendet, oder eine "
            "Verwaltung hat bereits ihre Antwort abgegeben.") in response.content.decode()
    poll.refresh_from_db()
    assert poll.title == "DMS im Einsatz"
    assert "Rundfrage ändern" not in client.get(
        reverse("polls:detail", args=[poll.pk])).content.decode()


def test_edit_refused_to_other_members(client, reader, editor, other_editor):
    poll = ask(other_editor)
    for person in (reader, editor):
        client.force_login(person)
        assert client.get(reverse("polls:edit", args=[poll.pk])).status_code == 403
        assert client.post(reverse("polls:edit", args=[poll.pk]), form_data()).status_code == 403
    poll.refresh_from_db()
    assert poll.title == "DMS im Einsatz"


def test_question_kinds_offered():
    from polls.forms.poll import QuestionForm

    assert [label for _value, label in QuestionForm().fields["kind"].choices] == [
        "Freitext", "Eine Auswahl", "Mehrfachauswahl", "Ja/Nein", "Zahl", "Datum"]
    assert QuestionKind.DATE == "date"
    assert Audience.CHOSEN == "chosen"
