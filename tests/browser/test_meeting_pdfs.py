"""The PDFs of a meeting as a member of staff downloads them from the meeting page: the
published minutes and the attendance list, both tagged (PDF/UA) with the demo's content."""

import re
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting
from members.demo import DEMO_PASSWORD
from tests.pdf_inspect import assert_cells_have_headers, assert_tagged_pdf_ua

READER = "lesen.ahrweiler@example.org"


def flat(text: str) -> str:
    """The words of a text, however its lines were broken (also after a hyphen)."""
    return re.sub(r"(?<=\w-) (?=\w)", "", " ".join(text.split()))


def download(page, link_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    saved = info.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def test_reader_downloads_tagged_minutes_and_attendance_list(page, live_server,
                                                             transactional_db, log_in):
    call_command("demo_data")
    meeting = Meeting.objects.filter(working_group__slug="ag-digitales-kreishaus",
                                     state="minutes_published").order_by("-starts_at").first()
    day = f"{timezone.localtime(meeting.starts_at):%Y-%m-%d}"
    log_in(READER, DEMO_PASSWORD)
    page.goto(f"{live_server.url}{meeting.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.title)

    name, content = download(page, "Protokoll als PDF")

    assert name == f"protokoll-{day}.pdf"
    minutes = assert_tagged_pdf_ua(content, f"Protokoll: {meeting.title}")
    text = flat(minutes.text)
    for number, item in enumerate(meeting.agenda_items.order_by("order"), start=1):
        assert f"TOP {number}: {flat(item.title)}" in text
        assert flat(item.notes) in text
    for decision in meeting.decisions.all():
        assert flat(decision.wording) in text
    assert_cells_have_headers(minutes)

    name, content = download(page, "Teilnehmerliste als PDF")

    assert name == f"anwesenheit-{day}.pdf"
    attendance = assert_tagged_pdf_ua(content, f"Anwesenheitsliste: {meeting.title}")
    assert "Table" in attendance.tags() and "TH" in attendance.tags()
    attended = meeting.registrations.filter(attended=True).select_related("user")
    assert attended
    for registration in attended:
        assert str(registration.user) in attendance.text
    assert_cells_have_headers(attendance)
