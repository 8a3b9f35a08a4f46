"""The coordination office records attendance with a walk-in and guests from outside the
network, without JavaScript-only widgets; axe finds nothing serious on the way."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Guest, Meeting, Registration, WorkingGroup
from tests.browser.test_accessibility import assert_no_blocking_violations
from tests.factories import TEST_PASSWORD, AdministrationFactory, UserFactory


def test_attendance_with_walk_in_and_guests(page, live_server, transactional_db, log_in):
    myk = AdministrationFactory(name="Landkreis Mayen-Koblenz", short_name="MYK")
    neuwied = AdministrationFactory(name="Landkreis Neuwied", short_name="NR")
    office = UserFactory(administration=myk, role="coordinator", first_name="Katrin",
                         last_name="Koordina", email="koordination@example.org")
    registered = UserFactory(administration=neuwied, first_name="Nora", last_name="Zimmermann")
    UserFactory(administration=neuwied, first_name="Tom", last_name="Krause",
                email="tom.krause@neuwied.example")
    group = WorkingGroup.objects.create(name="AG Digitales Kreishaus", slug="ag-dk")
    group.members.set([myk, neuwied])
    start = timezone.now() - timedelta(days=1)
    meeting = Meeting.objects.create(
        working_group=group, title="Quartalssitzung", starts_at=start,
        ends_at=start + timedelta(hours=3), location="Kreishaus, Saal 1", state="held")
    Registration.objects.create(meeting=meeting, user=registered)

    log_in(office.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    page.get_by_role("link", name="Anwesenheit erfassen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anwesenheit erfassen")
    assert_no_blocking_violations(page)

    page.get_by_label("Nora Zimmermann (NR)").check()
    walk_ins = page.get_by_label("Weitere Personen aus dem Netzwerk")
    walk_ins.fill("Tom Krausse")
    page.get_by_label("Gäste von außerhalb des Netzwerks").fill(
        "Erika Mustermann, Landesamt für Digitalisierung")
    page.get_by_role("button", name="Anwesenheit speichern").click()

    # A typo: the error stands beside the field, everything typed is kept.
    expect(page.get_by_text("„Tom Krausse“: Niemand aus den Mitgliedsverwaltungen hat diese "
                            "E-Mail-Adresse oder diesen Namen.")).to_be_visible()
    expect(walk_ins).to_have_value("Tom Krausse")
    assert_no_blocking_violations(page)
    walk_ins.fill("tom.krause@neuwied.example\nKatrin Koordina")
    page.get_by_role("button", name="Anwesenheit speichern").click()

    expect(page.get_by_role("status").filter(has_text="Die Anwesenheit wurde gespeichert.")
           ).to_be_visible()
    people = page.get_by_role("region", name="Teilnehmende")
    expect(people).to_contain_text("Tom Krause – vor Ort, anwesend")
    expect(people).to_contain_text("Katrin Koordina – vor Ort, anwesend")
    expect(people).to_contain_text("Nora Zimmermann – vor Ort, anwesend")
    expect(people).to_contain_text(
        "Erika Mustermann (Landesamt für Digitalisierung) – anwesend")
    assert_no_blocking_violations(page)
    assert Guest.objects.get().organisation == "Landesamt für Digitalisierung"
    assert Registration.objects.filter(meeting=meeting, attended=True).count() == 3

    # Removing the guest again: untick and save.
    page.get_by_role("link", name="Anwesenheit erfassen").click()
    page.get_by_label("Erika Mustermann (Landesamt für Digitalisierung)").uncheck()
    page.get_by_role("button", name="Anwesenheit speichern").click()
    expect(page.get_by_role("status").filter(has_text="Die Anwesenheit wurde gespeichert.")
           ).to_be_visible()
    assert not Guest.objects.exists()
