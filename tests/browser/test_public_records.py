"""Public meeting records in the browser: the coordinator makes a held meeting's records
public on its own page, a visitor then sees its place, the chosen agenda item with its
decision and the public minutes; both pages without serious axe violations."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser.test_accessibility import blocking_violations, describe
from tests.browser.test_meetings import COORDINATOR, sign_in

pytestmark = pytest.mark.browser


def test_coordinator_publishes_records_and_a_visitor_reads_them(page, new_context, live_server,
                                                               transactional_db):
    call_command("demo_data")
    meeting = (Meeting.objects.filter(state="minutes_published", public_records=False,
                                      format="in_person", decisions__agenda_item__isnull=False)
               .order_by("-starts_at").first())
    decided = meeting.decisions.exclude(agenda_item=None).select_related("agenda_item").first()
    item = decided.agenda_item
    base = live_server.url
    visitor = new_context().new_page()
    visitor.goto(f"{base}{meeting.get_absolute_url()}")
    hidden = visitor.content()

    sign_in(page, base, COORDINATOR)
    page.goto(f"{base}{meeting.get_absolute_url()}")
    page.get_by_role("link", name="Öffentliche Sitzungsdaten festlegen").click()
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)
    page.get_by_label("Öffentliche Sitzungsdaten", exact=True).check()
    page.get_by_label(item.title, exact=False).check()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("status").filter(has_text="Gespeichert.")).to_be_visible()

    visitor.goto(f"{base}{meeting.get_absolute_url()}")
    expect(visitor.get_by_role("heading", name="Öffentliche Tagesordnungspunkte")).to_be_visible()
    expect(visitor.get_by_text(item.title, exact=False).first).to_be_visible()
    expect(visitor.get_by_text(meeting.location.splitlines()[0]).first).to_be_visible()
    expect(visitor.get_by_role("link", name="Öffentliches Protokoll (PDF)")).to_be_visible()
    assert item.title not in hidden and meeting.title not in visitor.content()
    violations = blocking_violations(visitor)
    assert [v["id"] for v in violations] == [], describe(violations)
