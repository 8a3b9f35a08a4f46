"""The dashboard of the roof: every panel the apps registered (common.sections.DASHBOARD),
filled at once, in a number of queries that does not grow with what the panels list."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings.models import ActionItem, Minutes, Registration
from projects.models import SurveyRound
from tests.knowledge.factories import article_make
from tests.meetings.helpers import make_group, make_meeting

pytestmark = pytest.mark.django_db


def _fill(group, user, n: int) -> None:
    """One more row for every panel: a meeting, an open action item, an open survey round,
    a new article."""
    meeting = make_meeting(group, days=5 + n, title=f"Sitzung {n}")
    Registration.objects.create(meeting=meeting, user=user)
    Minutes.objects.get_or_create(meeting=meeting, defaults={"state": "published"})
    ActionItem.objects.create(meeting=meeting, title=f"Aufgabe {n}", responsible_user=user,
                              due_date=timezone.localdate() + timedelta(days=n))
    SurveyRound.objects.create(title=f"Erhebung {n}",
                               deadline=timezone.localdate() + timedelta(days=14 + n))
    article_make(author=user, title=f"Artikel {n}")


def _dashboard(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("start"))
    assert response.status_code == 200
    return response.content.decode(), len(queries.captured_queries)


@pytest.mark.parametrize("role", ["reader", "editor", "coordinator"])
def test_dashboard_queries_do_not_grow_with_any_panel(client, request, administration,
                                                      role):
    user = request.getfixturevalue(role)
    group = make_group(administration)
    client.force_login(user)
    _fill(group, user, 1)
    _dashboard(client)  # warm up: session, permission tables
    page, one = _dashboard(client)
    assert "Sitzung 1" in page and "Aufgabe 1" in page
    assert "Erhebung 1" in page and "Artikel 1" in page

    for n in (2, 3):
        _fill(group, user, n)
    page, three = _dashboard(client)

    assert three == one
    for text in ("Sitzung 3", "Aufgabe 3", "Erhebung 3", "Artikel 3"):
        assert text in page
