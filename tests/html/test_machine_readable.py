"""The two errors the Nu HTML Checker found on the main pages, at the unit level: `<time
datetime>` values with microseconds and Markdown texts whose headings skip a level."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.template import Context, Template

from common.markdown import markdown_render

BERLIN = ZoneInfo("Europe/Berlin")


def _render(value) -> str:
    return Template("{% load datetimes %}{{ value|iso_datetime }}").render(
        Context({"value": value}))


def test_datetimes_in_local_time_without_microseconds(settings):
    settings.TIME_ZONE = "Europe/Berlin"
    utc = datetime.datetime(2026, 12, 7, 5, 37, 2, 631717, tzinfo=datetime.UTC)
    assert _render(utc) == "2026-12-07T06:37:02+01:00"
    summer = datetime.datetime(2026, 7, 1, 8, 0, 0, 999999, tzinfo=BERLIN)
    assert _render(summer) == "2026-07-01T08:00:00+02:00"


def test_dates_as_dates_and_nothing_for_empty_values():
    assert _render(datetime.date(2026, 3, 9)) == "2026-03-09"
    assert _render(None) == ""
    assert _render("") == ""


def test_markdown_headings_start_below_the_page_title_and_skip_no_level():
    # Articles' texts begin with "## …" (and sometimes jump to "####"): under the page's
    # h1 they must give h2, h3, … without a gap.
    html = str(markdown_render("## Ausgangslage\n\nText\n\n#### Details\n\n## Ergebnis\n"))
    assert re.findall(r"<h(\d)>", html) == ["2", "3", "2"]
    assert "<h2>Ausgangslage</h2>" in html and "<h3>Details</h3>" in html

    html = str(markdown_render("# Ablauf\n\n## Vorbereitung\n\n### Schritt 1\n"))
    assert re.findall(r"<h(\d)>", html) == ["2", "3", "4"]
    assert "<h1" not in str(markdown_render("# Titel\n"))
