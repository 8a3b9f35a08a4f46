"""The coordinator's planning help and the confirmation pages in the browser (issue 14):
"Sitzung anlegen" from the meeting list starts with the suggestion, open action items go
on the agenda, cancelling and publishing the minutes are confirmed on a page that counts
the people told; axe finds nothing serious on any of these pages."""

import re
from datetime import timedelta

from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from meetings.enums import RegistrationStatus
from meetings.models import ActionItem, Decision, Meeting, Minutes, Registration
from meetings.selectors.planning import next_meeting_suggestion
from tests.factories import TEST_PASSWORD, AdministrationFactory, UserFactory
from tests.meetings.helpers import make_group, make_meeting

BLOCKING = {"serious", "critical"}


def assert_accessible(page):
    violations = [v for v in Axe().run(page).response["violations"]
                  if v["impact"] in BLOCKING]
    assert violations == [], [(v["id"], v["help"]) for v in violations]


def status(page, text):
    return page.get_by_role("status").filter(has_text=text)


def _world():
    myk = AdministrationFactory(name="Landkreis Mayen-Koblenz")
    westerwald = AdministrationFactory(
        name="Westerwaldkreis", address="Peter-Altmeier-Platz 1\n56410 Montabaur")
    group = make_group(myk, westerwald)
    earlier = make_meeting(group, days=-20, state="minutes_published", host=myk,
                           title="Sommersitzung")
    Minutes.objects.create(meeting=earlier, state="published", published_at=timezone.now())
    ActionItem.objects.create(meeting=earlier, title="Musterdienstanweisung teilen",
                              responsible_administration=westerwald)
    coordinator = UserFactory(administration=myk, role="coordinator",
                              email="koordination@example.org")
    readers = [UserFactory(administration=westerwald) for _ in range(2)]
    return group, westerwald, coordinator, readers


def test_plan_with_suggestion_then_confirm_cancel_and_publish(page, live_server,
                                                             transactional_db):
    group, westerwald, coordinator, readers = _world()
    base = live_server.url
    page.goto(f"{base}/konto/login/")
    page.locator("input[name=login]").fill(coordinator.email)
    page.locator("input[name=password]").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Anmelden", exact=True).click()
    page.wait_for_url(lambda url: "/konto/login/" not in url)

    # "Sitzung anlegen" on the meeting list starts with the group's suggestion.
    page.goto(f"{base}/sitzungen/")
    assert_accessible(page)
    page.get_by_role("button", name="Sitzung anlegen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzung anlegen")
    starts, host = next_meeting_suggestion(group)
    assert host == westerwald
    expect(page.get_by_label("Beginn", exact=True)).to_have_value(
        timezone.localtime(starts).strftime("%Y-%m-%dT%H:%M"))
    expect(page.get_by_label(re.compile(r"^Gastgeber"))).to_have_value(str(westerwald.pk))
    place = page.get_by_label(re.compile(r"^Ort \(Anschrift\) \(Pflichtangabe bei Präsenz"))
    expect(place).to_have_value("Westerwaldkreis\nPeter-Altmeier-Platz 1\n56410 Montabaur")
    assert_accessible(page)
    page.get_by_label("Titel", exact=True).fill("Herbstsitzung")
    page.get_by_role("button", name="Speichern", exact=True).click()
    expect(status(page, "Die Sitzung wurde gespeichert.")).to_be_visible()
    meeting = Meeting.objects.get(title="Herbstsitzung")
    assert (meeting.host, meeting.starts_at, meeting.state) == (
        westerwald, starts.replace(second=0, microsecond=0), "planned")

    # The open action item of the group goes on the agenda with one choice.
    agenda = page.get_by_role("region", name="Tagesordnung", exact=True)
    agenda.get_by_role("checkbox", name=re.compile("Musterdienstanweisung teilen")).check()
    agenda.get_by_role("button", name="Auf die Tagesordnung setzen").click()
    expect(status(page, "1 Aufgabe steht jetzt auf der Tagesordnung.")).to_be_visible()
    expect(agenda).to_contain_text("Offene Aufgabe „Musterdienstanweisung teilen“")
    assert list(meeting.agenda_items.values_list("title", flat=True)) == [
        "Musterdienstanweisung teilen"]

    # Invited, it cannot be marked as held before it starts: the page says so.
    page.get_by_role("button", name="Einladung veröffentlichen").click()
    expect(status(page, "Die Sitzung ist jetzt „eingeladen“.")).to_be_visible()
    expect(page.get_by_text("ist ab Beginn der Sitzung möglich")).to_be_visible()
    expect(page.get_by_role("button", name="Als stattgefunden markieren")).to_have_count(0)
    Registration.objects.create(meeting=meeting, user=readers[0])
    Registration.objects.create(meeting=meeting, user=readers[1],
                                status=RegistrationStatus.WAITING)

    # Cancelling: the confirmation page counts who is told; GET changes nothing.
    page.get_by_role("link", name="Sitzung absagen …").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sitzung absagen")
    expect(page.get_by_role("main")).to_contain_text(
        "2 Personen werden per E-Mail benachrichtigt, mit dem Grund der Absage.")
    assert_accessible(page)
    meeting.refresh_from_db()
    assert meeting.state == "invited"
    page.get_by_role("button", name="Sitzung jetzt absagen").click()
    expect(page.get_by_text("Dieses Feld ist zwingend erforderlich.")).to_be_visible()
    page.get_by_label(re.compile(r"^Grund der Absage")).fill("Der Saal ist belegt.")
    page.get_by_role("button", name="Sitzung jetzt absagen").click()
    expect(status(page, "Die Sitzung ist abgesagt.")).to_be_visible()
    meeting.refresh_from_db()
    assert (meeting.state, meeting.cancel_reason) == ("cancelled", "Der Saal ist belegt.")

    # Publishing minutes: the confirmation page names the content and the people told.
    held = make_meeting(group, days=-2, state="held", title="Nachtragssitzung")
    Decision.objects.create(meeting=held, wording="Wir teilen die Musterdienstanweisung.")
    page.goto(f"{base}{held.get_absolute_url()}")
    page.get_by_role("link", name="Protokoll veröffentlichen …").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Protokoll veröffentlichen")
    main = page.get_by_role("main")
    expect(main).to_contain_text("1 Beschluss")
    # The coordinator and the two readers: the active staff of the group's members.
    expect(main).to_contain_text("3 Personen werden per E-Mail benachrichtigt")
    assert_accessible(page)
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(status(page, "Das Protokoll ist veröffentlicht")).to_be_visible()
    expect(page.get_by_text("Status: Protokoll veröffentlicht")).to_be_visible()
    held.refresh_from_db()
    assert held.state == "minutes_published"
    assert held.starts_at < timezone.now() - timedelta(days=1)
