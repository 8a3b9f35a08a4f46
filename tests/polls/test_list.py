"""/rundfragen/: the Rundfragen a person may see, with the state of their own
administration, the filters, pages, and a constant number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import WorkingGroup
from members.enums import AdministrationKind
from polls.models import Audience
from polls.services import answer_save, poll_close, poll_hide
from tests.factories import AdministrationFactory, UserFactory
from tests.polls.helpers import QUESTIONS, ask

pytestmark = pytest.mark.django_db
LIST = reverse("polls:list")


def rows(response) -> dict[str, str]:
    """Title → the text of its table row."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    return {row.th.get_text(" ", strip=True).replace(" ausgeblendet", ""):
            " | ".join(cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"]))
            for row in soup.select("tbody tr") if row.th}


def test_list_shows_states_of_the_own_administration(client, editor, reader, other_editor,
                                                     administration, coordinator):
    unanswered = ask(other_editor, title="Unbeantwortet")
    drafted = ask(other_editor, title="Im Entwurf")
    handed_in = ask(other_editor, title="Abgegeben")
    not_asked = ask(other_editor, title="Nur Neuwied", audience=Audience.CHOSEN,
                    audience_administrations=[other_editor.administration])
    answer_save(poll=drafted, by=reader, version=0, items={}, finalise=False)
    from polls.services import ItemData
    items = {q.pk: ItemData(not_possible=True) for q in handed_in.questions.all()}
    answer_save(poll=handed_in, by=editor, version=0, items=items, finalise=True)
    client.force_login(reader)

    response = client.get(LIST)

    listed = rows(response)
    today = timezone.localdate().strftime("%d.%m.%Y")
    assert "noch nicht beantwortet" in listed["Unbeantwortet"]
    assert listed["Im Entwurf"].endswith("| Entwurf")
    assert listed["Abgegeben"].endswith(f"| abgegeben am {today}")
    assert listed["Nur Neuwied"].endswith("| nicht gefragt")
    assert "Landkreis Neuwied" in listed["Unbeantwortet"]
    assert "Alle Mitglieder" in listed["Unbeantwortet"]
    assert "1 ausgewählte Verwaltung" in listed["Nur Neuwied"]
    deadline = unanswered.deadline.strftime("%d.%m.%Y")
    assert f"offen bis {deadline}" in listed["Unbeantwortet"]
    assert not_asked.pk


def test_list_filters_to_and_from_my_administration(client, editor, other_editor):
    ask(other_editor, title="An alle")
    ask(other_editor, title="An Neuwied", audience=Audience.CHOSEN,
        audience_administrations=[other_editor.administration])
    ask(editor, title="Von MYK", audience=Audience.CHOSEN,
        audience_administrations=[other_editor.administration])
    client.force_login(editor)

    assert set(rows(client.get(LIST))) == {"An alle", "An Neuwied", "Von MYK"}
    assert set(rows(client.get(LIST, {"filter": "an-meine-verwaltung"}))) == {"An alle"}
    assert set(rows(client.get(LIST, {"filter": "von-meiner-verwaltung"}))) == {"Von MYK"}
    # An unknown filter value shows everything.
    assert len(rows(client.get(LIST, {"filter": "x\u202e"}))) == 3


def test_list_audience_by_kind_and_working_group(client, editor, other_editor, administration):
    group = WorkingGroup.objects.create(name="AG Bürgerportal", slug="ag-bp")
    group.members.set([administration])
    ask(other_editor, title="Landkreise", audience=Audience.KINDS,
        audience_kinds=[AdministrationKind.LANDKREIS])
    ask(other_editor, title="Städte", audience=Audience.KINDS,
        audience_kinds=[AdministrationKind.STADT])
    ask(other_editor, title="Portal-AG", audience=Audience.GROUPS, audience_groups=[group])
    client.force_login(editor)

    listed = rows(client.get(LIST))

    assert "Mitglieder der Art: Landkreis" in listed["Landkreise"]
    assert "noch nicht beantwortet" in listed["Landkreise"]
    assert listed["Städte"].endswith("nicht gefragt")
    assert "Arbeitsgruppen: AG Bürgerportal" in listed["Portal-AG"]
    assert "noch nicht beantwortet" in listed["Portal-AG"]


def test_list_hides_hidden_polls_from_other_members(client, reader, editor, other_editor,
                                                    coordinator):
    poll = ask(other_editor, title="Heikel")
    poll_hide(poll=poll, by=coordinator)
    neuwied_reader = UserFactory(administration=other_editor.administration, role="reader")

    for person, sees in ((reader, False), (editor, False), (neuwied_reader, False),
                         (other_editor, True), (coordinator, True)):
        client.force_login(person)
        assert ("Heikel" in rows(client.get(LIST))) is sees, person.role


def test_list_closed_poll(client, editor, other_editor):
    poll = ask(other_editor, title="Früh beendet")
    poll_close(poll=poll, by=other_editor)
    client.force_login(editor)

    listed = rows(client.get(LIST))

    assert "beendet (Frist" in listed["Früh beendet"]
    assert listed["Früh beendet"].endswith("| nicht beantwortet")


def test_list_visitor_gets_the_login(client, other_editor):
    ask(other_editor, title="Interne Frage")

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "Interne Frage" not in client.get(response["Location"]).content.decode()


def test_list_account_without_administration_is_refused(client, db):
    person = UserFactory(administration=None)
    client.force_login(person)

    assert client.get(LIST).status_code == 403


def test_list_pages(client, editor, other_editor):
    for n in range(21):
        ask(other_editor, title=f"Frage {n:02d}", questions=QUESTIONS[1:2])
    client.force_login(editor)

    first, second = client.get(LIST), client.get(LIST, {"page": 2})

    assert len(rows(first)) == 20 and "Frage 20" in rows(first)
    assert list(rows(second)) == ["Frage 00"]
    assert "Seite 2 von 2" in second.content.decode()


def _many(other_editor, administration, count, start=0):
    group = WorkingGroup.objects.get_or_create(name="AG", slug="ag")[0]
    group.members.add(administration)
    audiences = [
        {"audience": Audience.ALL},
        {"audience": Audience.GROUPS, "audience_groups": [group]},
        {"audience": Audience.CHOSEN,
         "audience_administrations": [administration, AdministrationFactory()]},
    ]
    for n in range(start, start + count):
        ask(other_editor, title=f"Q{n}", questions=QUESTIONS[1:2], **audiences[n % 3])


def test_list_queries_do_not_grow(client, editor, other_editor, administration):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(editor)
    _many(other_editor, administration, 1)
    client.get(LIST)  # session and caches warm
    with CaptureQueriesContext(connection) as one:
        assert client.get(LIST).status_code == 200
    _many(other_editor, administration, 11, start=1)
    with CaptureQueriesContext(connection) as twelve:
        response = client.get(LIST)
    assert len(rows(response)) == 12
    assert len(twelve) == len(one)


def test_list_deadline_passed_shows_closed(client, editor, other_editor):
    poll = ask(other_editor, title="Abgelaufen")
    type(poll).objects.filter(pk=poll.pk).update(
        deadline=timezone.localdate() - timedelta(days=1))
    client.force_login(editor)

    assert "beendet (Frist" in rows(client.get(LIST))["Abgelaufen"]


def test_navigation_entry_for_member_staff_only(client, reader):
    entry = f'<a href="{LIST}">Rundfragen</a>'
    assert entry not in client.get(reverse("start")).content.decode()

    client.force_login(reader)
    assert entry in client.get(reverse("start")).content.decode()
    assert f'<a href="{LIST}" aria-current="page">Rundfragen</a>' in client.get(
        LIST).content.decode()
