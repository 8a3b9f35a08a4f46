"""The coordination office's dashboard panel: a warning while a legal page is unfilled
(gone once all are filled), the missing sign language video, and unanswered feedback with
its deadline; nothing of it for other roles; its queries do not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from legal.enums import PageKind
from tests.legal.helpers import feedback_make, page_fill, pages_fill_all

pytestmark = pytest.mark.django_db

WARNING = "Pflichtseite"


def _dashboard(client) -> str:
    response = client.get(reverse("start"))
    assert response.status_code == 200
    return response.content.decode()


def test_warning_lists_every_unfilled_page(client, coordinator):
    client.force_login(coordinator)
    html = _dashboard(client)
    assert "5 Pflichtseiten sind noch nicht ausgefüllt:" in html
    for kind in PageKind:
        assert (f'<a class="kern-link" href="/rechtliches/{kind.value}/bearbeiten/">'
                f"{kind.label} ausfüllen</a>") in html


def test_warning_shrinks_and_disappears_once_filled(client, coordinator):
    client.force_login(coordinator)
    page_fill(PageKind.IMPRINT, coordinator)
    html = _dashboard(client)
    assert "4 Pflichtseiten sind noch nicht ausgefüllt:" in html
    assert "Impressum ausfüllen" not in html

    pages_fill_all(coordinator)
    html = _dashboard(client)
    assert WARNING not in html
    assert "Keine offenen Rückmeldungen." in html


def test_page_emptied_again_warns_again(client, coordinator):
    pages_fill_all(coordinator)
    page_fill(PageKind.PRIVACY, coordinator, body="   ")
    client.force_login(coordinator)
    assert "Eine Pflichtseite ist noch nicht ausgefüllt:" in _dashboard(client)


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_no_panel_for_other_roles(client, request, role):
    client.force_login(request.getfixturevalue(role))
    html = _dashboard(client)
    assert WARNING not in html and "Rechtliches und Rückmeldungen" not in html


def test_open_feedback_with_deadline(client, coordinator):
    today = timezone.localdate()
    feedback = feedback_make(message="Kontrast der Buttons zu schwach", received=today)
    client.force_login(coordinator)
    html = _dashboard(client)
    assert "1 Rückmeldung ist noch nicht beantwortet." in html
    assert f'href="/rueckmeldungen/{feedback.pk}/">Kontrast der Buttons zu schwach</a>' in html
    assert f"{feedback.answer_due:%d.%m.%Y}</time>" in html


def test_video_missing_hint(client, coordinator):
    client.force_login(coordinator)
    assert "Für die Seite Gebärdensprache fehlt noch das Video" in _dashboard(client)


def test_panel_queries_do_not_grow(client, coordinator):
    client.force_login(coordinator)
    today = timezone.localdate()
    feedback_make(message="Nachricht 0", received=today)
    _dashboard(client)
    with CaptureQueriesContext(connection) as one:
        _dashboard(client)
    for n in range(1, 10):
        feedback_make(message=f"Nachricht {n}", received=today)
    pages_fill_all(coordinator)
    with CaptureQueriesContext(connection) as many:
        html = _dashboard(client)
    assert "10 Rückmeldungen sind noch nicht beantwortet." in html
    assert len(many.captured_queries) == len(one.captured_queries)
