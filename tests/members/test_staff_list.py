"""The staff list (/mitglieder/<slug>/personen/): accounts and open invitations, with a
query count that does not grow with either."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _add(administration, inviter, count: int, start: int) -> None:
    now = timezone.now()
    for n in range(start, start + count):
        UserFactory(administration=administration, role="reader", email=f"person{n}@amt.example",
                    is_active=n % 3 != 0)
        Invitation.objects.create(
            email=f"eingeladen{n}@amt.example", administration=administration,
            role="editor" if n % 2 else "reader", invited_by=inviter,
            token_hash=f"{n:064d}", sent_at=now, expires_at=now + timedelta(days=3))


@pytest.mark.parametrize("viewer", ["reader", "editor", "coordinator"])
def test_staff_list_queries_do_not_grow_with_staff_and_invitations(
        client, administration, coordinator, reader, editor, viewer):
    client.force_login({"reader": reader, "editor": editor, "coordinator": coordinator}[viewer])
    url = reverse("members:staff", args=[administration.slug])
    _add(administration, coordinator, 1, start=0)
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _add(administration, coordinator, 29, start=1)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    content = response.content.decode()
    assert content.count("@amt.example</td>") == 30  # one e-mail cell per account
    assert (content.count("@amt.example</strong>") == 30) is (viewer != "reader")
    assert (content.count("wieder aktivieren</span>") == 10) is (viewer == "coordinator")
    assert len(many.captured_queries) == len(few.captured_queries)


def test_staff_list_shows_accounts_roles_and_state(client, administration, coordinator,
                                                   reader):
    UserFactory(administration=administration, role="editor", first_name="Ina",
                last_name="Inaktiv", email="ina@amt.example", is_active=False)
    client.force_login(reader)

    content = client.get(reverse("members:staff", args=[administration.slug])).content.decode()

    assert ('<th scope="row" class="kern-table__cell">Ina Inaktiv</th>\n'
            '      <td class="kern-table__cell">ina@amt.example</td>\n'
            '      <td class="kern-table__cell">Redaktion</td>\n'
            '      <td class="kern-table__cell">deaktiviert</td>') in content
    assert "Person einladen" not in content
    assert "Rolle ändern" not in content
