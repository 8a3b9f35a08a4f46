"""The meeting page's agenda, documents, participants, minutes and decisions from the cache
for member readers, until the meeting's data changes; the coordination office's page (with
its edit forms) and the personal parts (own registration, tick-off buttons) are always
fresh."""

import pytest
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Decision, Minutes
from meetings.services.agenda import agenda_item_save
from meetings.services.minutes import minutes_publish
from meetings.services.registrations import registration_register
from tests.factories import UserFactory
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    """Every test here with the page cache as in production."""


@pytest.fixture
def meeting(administration):
    meeting = make_meeting(make_group(administration))
    add_agenda(meeting, "Stand E-Akte", "Online-Terminvergabe")
    return meeting


def _page(client, meeting) -> str:
    return client.get(meeting.get_absolute_url()).content.decode()


def test_second_reader_request_reads_no_agenda(client, reader, meeting,
                                               django_assert_max_num_queries):
    client.force_login(reader)
    _page(client, meeting)
    with django_assert_max_num_queries(100) as second:
        again = _page(client, meeting)
    tables = " ".join(query["sql"] for query in second.captured_queries)
    assert "meetings_agendaitem" not in tables and "meetings_decision" not in tables
    assert "knowledge_article" not in tables and "meetings_guest" not in tables
    assert "Online-Terminvergabe" in again and "Stand E-Akte" in again
    assert len(second.captured_queries) < 8


def test_a_new_agenda_item_shows_at_once(client, reader, coordinator, meeting,
                                         django_capture_on_commit_callbacks):
    client.force_login(reader)
    assert "Datenschutz im Rathaus" not in _page(client, meeting)
    with django_capture_on_commit_callbacks(execute=True):
        agenda_item_save(item=AgendaItem(meeting=meeting), by=coordinator,
                         fields={"title": "Datenschutz im Rathaus", "duration_minutes": 15})
    assert "Datenschutz im Rathaus" in _page(client, meeting)


def test_a_registration_shows_among_participants_at_once(client, reader, meeting,
                                                         administration,
                                                         django_capture_on_commit_callbacks):
    client.force_login(reader)
    assert "Bruno Neuling" not in _page(client, meeting)
    newcomer = UserFactory(administration=administration, first_name="Bruno",
                           last_name="Neuling")
    with django_capture_on_commit_callbacks(execute=True):
        registration_register(meeting=meeting, user=newcomer, mode="in_person")
    assert "Bruno Neuling" in _page(client, meeting)


def test_readers_never_get_the_coordinators_edit_forms(client, reader, coordinator, meeting):
    client.force_login(coordinator)
    assert reverse("meetings:agenda_delete", args=[meeting.pk, meeting.agenda_items.first().pk]) \
        in _page(client, meeting)
    client.force_login(reader)
    page = _page(client, meeting)
    assert "Online-Terminvergabe" in page
    assert "entfernen" not in page and "Tagesordnungspunkt hinzufügen" not in page


def test_coordinators_page_is_fresh_not_the_readers_part(client, reader, coordinator, meeting):
    client.force_login(reader)
    _page(client, meeting)
    client.force_login(coordinator)
    assert "Tagesordnungspunkt hinzufügen" in _page(client, meeting)


def test_draft_minutes_reach_readers_only_when_published(client, reader, coordinator,
                                                         administration,
                                                         django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(administration), days=-2, state="held")
    item, = add_agenda(meeting, "Stand E-Akte")
    item.notes = "Ahrweiler pilotiert die E-Akte."
    item.save()
    Minutes.objects.create(meeting=meeting, summary="Kurzfassung")
    Decision.objects.create(meeting=meeting, wording="Gemeinsame Ausschreibung",
                            result="unanimous")
    client.force_login(coordinator)
    assert "Ahrweiler pilotiert" in _page(client, meeting)
    client.force_login(reader)
    draft = _page(client, meeting)
    with django_capture_on_commit_callbacks(execute=True):
        minutes_publish(meeting=meeting, by=coordinator)
    published = _page(client, meeting)

    assert "Ahrweiler pilotiert" not in draft and "Gemeinsame Ausschreibung" not in draft
    assert "Ahrweiler pilotiert" in published and "Gemeinsame Ausschreibung" in published


def test_tick_off_button_stays_personal(client, reader, editor, administration,
                                        django_capture_on_commit_callbacks):
    meeting = make_meeting(make_group(administration), days=-2, state="minutes_published")
    Minutes.objects.create(meeting=meeting, summary="Kurzfassung", state="published")
    ActionItem.objects.create(meeting=meeting, title="Ausschreibung vorbereiten",
                              responsible_administration=administration)
    client.force_login(reader)
    reader_page = _page(client, meeting)
    client.force_login(editor)
    editor_page = _page(client, meeting)

    assert "Ausschreibung vorbereiten" in reader_page
    assert "als erledigt markieren" not in reader_page
    assert "als erledigt markieren" in editor_page
