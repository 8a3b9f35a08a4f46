"""Minutes notes, summary and decisions are Markdown on the meeting page, as in the PDF:
formatting becomes structure, headings fit below their section, nothing unsafe survives."""

import pytest
from django.urls import reverse

from meetings.models import Decision
from meetings.services.minutes import minutes_publish, minutes_save
from tests.meetings.helpers import add_agenda, make_group, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(administration, other_administration, coordinator):
    meeting = make_meeting(make_group(administration, other_administration), days=-3,
                           state="held")
    item, = add_agenda(meeting, "Stand E-Akte")
    minutes_save(meeting=meeting, summary="Die **E-Akte** läuft.", by=coordinator, notes={
        item.pk: "# Ergebnis\n\n- Neuwied pilotiert\n- Mayen folgt\n\n<script>alert(1)</script>\n\n"
                 "Siehe [Link](javascript:alert(2))."})
    Decision.objects.create(meeting=meeting, agenda_item=item, wording="Leitfaden *annehmen*",
                            result="unanimous")
    minutes_publish(meeting=meeting, by=coordinator)
    return meeting


def test_notes_summary_and_decisions_render_as_structure(client, published, reader):
    client.force_login(reader)

    page = client.get(published.get_absolute_url()).content.decode()

    assert "<strong>E-Akte</strong> läuft." in page
    assert "<li>Neuwied pilotiert</li>" in page and "<li>Mayen folgt</li>" in page
    # The note's own heading sits below "TOP 1: …" (an h3), not beside it.
    assert "<h4>Ergebnis</h4>" in page
    assert "<li>Leitfaden <em>annehmen</em> – <strong>" in page
    assert "# Ergebnis" not in page and "**E-Akte**" not in page


def test_markup_in_notes_is_sanitized(client, published, reader):
    client.force_login(reader)

    page = client.get(published.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in page
    assert 'href="javascript' not in page
    assert "Siehe [Link](javascript:alert(2))." in page  # left as text by the parser


def test_minutes_form_says_markdown_is_possible(client, published, coordinator):
    client.force_login(coordinator)

    page = client.get(reverse("meetings:minutes_edit", args=[published.pk])).content.decode()

    assert "Formatierung mit Markdown möglich" in page
