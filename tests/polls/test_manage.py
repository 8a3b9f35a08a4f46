"""Closing early, reopening once with a new deadline, hiding and showing again: through
confirmation pages without JavaScript, with the state rules checked by the services."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from polls.models import Poll
from polls.services import poll_close, poll_hide, poll_reopen
from tests.polls.helpers import ask

pytestmark = pytest.mark.django_db
IN_TEN_DAYS = timezone.localdate() + timedelta(days=10)


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_close_through_confirmation_page(client, other_editor):
    poll = ask(other_editor)
    client.force_login(other_editor)
    detail = client.get(reverse("polls:detail", args=[poll.pk]))
    assert "Vorzeitig beenden" in text(detail) and "Wieder öffnen" not in text(detail)

    page = client.get(reverse("polls:close", args=[poll.pk]))
    assert "Danach nimmt die Rundfrage keine Antworten mehr an" in text(page)
    assert Poll.objects.get().closed_at is None
    done = client.post(reverse("polls:close", args=[poll.pk]), follow=True)

    assert ("Die Rundfrage ist beendet; es werden keine Antworten mehr angenommen."
            in text(done))
    assert "vorzeitig beendet am" in text(done) and "Wieder öffnen" in text(done)
    again = client.post(reverse("polls:close", args=[poll.pk]), follow=True)
    assert "Diese Rundfrage ist bereits beendet." in text(again)


def test_reopen_once_with_a_new_deadline(client, other_editor):
    poll = ask(other_editor)
    poll_close(poll=poll, by=other_editor)
    client.force_login(other_editor)
    url = reverse("polls:reopen", args=[poll.pk])

    past = client.post(url, {"deadline": (timezone.localdate() - timedelta(days=1)).isoformat()})
    assert "Die Frist darf nicht in der Vergangenheit liegen." in text(past)
    assert Poll.objects.get().closed_at is not None

    done = client.post(url, {"deadline": IN_TEN_DAYS.isoformat()}, follow=True)
    poll.refresh_from_db()
    assert "Die Rundfrage ist wieder offen." in text(done)
    assert (poll.closed_at, poll.deadline) == (None, IN_TEN_DAYS)
    assert "wieder geöffnet am" in text(done)

    poll_close(poll=poll, by=other_editor)
    refused = client.get(url, follow=True)
    assert ("Diese Rundfrage lässt sich nicht wieder öffnen: Sie ist noch offen, oder sie "
            "wurde schon einmal wieder geöffnet.") in text(refused)
    with pytest.raises(PermissionDenied):
        poll_reopen(poll=poll, by=other_editor, deadline=IN_TEN_DAYS)


def test_reopen_after_the_deadline_passed(other_editor):
    poll = ask(other_editor)
    Poll.objects.filter(pk=poll.pk).update(deadline=timezone.localdate() - timedelta(days=2))

    poll = poll_reopen(poll=poll, by=other_editor, deadline=IN_TEN_DAYS)

    assert poll.deadline == IN_TEN_DAYS and poll.reopened_at is not None


def test_open_poll_cannot_be_reopened(other_editor):
    poll = ask(other_editor)
    with pytest.raises(PermissionDenied):
        poll_reopen(poll=poll, by=other_editor, deadline=IN_TEN_DAYS)


def test_hide_and_unhide_by_the_office(client, coordinator, reader, other_editor):
    poll = ask(other_editor, title="Unpassende Frage")
    client.force_login(coordinator)

    page = client.get(reverse("polls:hide", args=[poll.pk]))
    assert "Danach sehen sie nur noch die fragende Verwaltung und die Koordinierungsstelle" in (
        text(page))
    hidden = client.post(reverse("polls:hide", args=[poll.pk]), follow=True)

    assert "Die Rundfrage ist ausgeblendet." in text(hidden)
    assert "ausgeblendet: nur die fragende Verwaltung und die Koordinierungsstelle" in text(
        hidden)
    client.force_login(reader)
    assert client.get(reverse("polls:detail", args=[poll.pk])).status_code == 404
    client.force_login(other_editor)
    assert client.get(reverse("polls:detail", args=[poll.pk])).status_code == 200

    client.force_login(coordinator)
    client.post(reverse("polls:unhide", args=[poll.pk]))
    client.force_login(reader)
    assert client.get(reverse("polls:detail", args=[poll.pk])).status_code == 200


def test_hide_twice_is_refused_by_the_service(coordinator, other_editor):
    poll = poll_hide(poll=ask(other_editor), by=coordinator)
    with pytest.raises(PermissionDenied):
        poll_hide(poll=poll, by=coordinator)
