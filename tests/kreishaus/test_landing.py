"""The visitors' start page: next public meeting dates, newest public articles and the
network at a glance, public facts only, in a constant number of queries."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from knowledge.enums import Visibility
from members.enums import AdministrationKind
from members.models import Administration
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import article_make
from tests.meetings.helpers import make_group, make_meeting
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start:page.index("</section>", start)]


def _landing(client) -> str:
    response = client.get(reverse("start"))
    assert response.status_code == 200
    return response.content.decode()


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_landing_shows_the_next_public_meeting_dates_without_internals(
        client, administration, other_administration):
    group = make_group(administration, other_administration)
    invited = make_meeting(group, days=20, title="Geheimer Titel", host=other_administration,
                           state="invited")
    make_meeting(group, days=10, title="Geplante Sitzung", state="planned")
    make_meeting(group, days=12, title="Abgesagte Sitzung", state="cancelled")
    make_meeting(group, days=-10, title="Vergangene Sitzung", state="invited")

    section = _section(_landing(client), "next-meetings-title")

    when = timezone.localtime(invited.starts_at)
    assert f"{when:%d.%m.%Y, %H:%M} Uhr" in section
    assert "AG Digitales Kreishaus" in section and "zu Gast bei Landkreis Neuwied" in section
    assert f'href="{invited.get_absolute_url()}"' in section
    assert section.count("<li") == 1
    for internal in ("Geheimer Titel", "Kreishaus, Saal 1", "Geplante", "Abgesagte",
                     "Vergangene"):
        assert internal not in section


def test_landing_says_so_when_no_date_is_announced(client):
    section = _section(_landing(client), "next-meetings-title")

    assert "Zurzeit sind keine Sitzungstermine angekündigt." in section


def test_landing_shows_the_newest_public_articles_only(client, coordinator):
    article_make(author=coordinator, title="Interne Notiz zur E-Akte")
    public = article_make(author=coordinator, title="Gute Praxis: Online-Termine",
                          summary="So klappt die Terminvergabe.", visibility=Visibility.PUBLIC)

    section = _section(_landing(client), "public-articles-title")

    assert "Gute Praxis: Online-Termine" in section
    assert "So klappt die Terminvergabe." in section
    assert f'href="{reverse("knowledge:article_detail", args=[public.slug])}"' in section
    assert "Interne Notiz" not in section


def test_landing_shows_the_network_at_a_glance(client, administration, other_administration):
    AdministrationFactory(name="Stadt Mayen", kind=AdministrationKind.STADT)
    AdministrationFactory(name="Ehemalige Gemeinde", kind=AdministrationKind.GEMEINDE,
                          member_until=date(2021, 1, 1))
    editor = UserFactory(administration=administration, role="coordinator")
    e_akte, termine = make_topic("E-Akte", "e-akte"), make_topic("Online-Terminvereinbarung",
                                                                 "termine")
    for member in (administration, other_administration):
        status_save(administration=member, by=editor, topic=e_akte, fields={"stage": 4})
    status_save(administration=administration, by=editor, topic=termine, fields={"stage": 4})
    status_save(administration=other_administration, by=editor, topic=termine,
                fields={"stage": 1})

    section = _text(_section(_landing(client), "network-title"))

    assert "3 Verwaltungen arbeiten mit." in section
    assert "Mitglieder nach Art Landkreis 2 Stadt 1" in section
    assert ("Im Betrieb bei unseren Mitgliedern E-Akte: bei 2 Mitgliedern im Betrieb "
            "Online-Terminvereinbarung: bei 1 Mitglied im Betrieb") in section
    assert "Gemeinde" not in section  # the former member is not counted
    assert "Landkreis Neuwied" not in section.split("Zuletzt beigetreten")[0]


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        _landing(client)
    return len(context.captured_queries)


def test_landing_needs_a_constant_number_of_queries(client, administration, coordinator):
    group = make_group(administration)

    def add(index):
        member = AdministrationFactory(name=f"Gemeinde {index}", kind=AdministrationKind.GEMEINDE)
        make_meeting(group, days=10 + index, host=member)
        article_make(author=coordinator, title=f"Artikel {index}", visibility=Visibility.PUBLIC)
        status_save(administration=member, by=coordinator,
                    topic=make_topic(f"Thema {index}", f"thema-{index}"), fields={"stage": 4})

    add(0)
    one = _queries(client)
    for index in range(1, 8):
        add(index)

    assert _queries(client) == one
    page = _landing(client)
    assert _section(page, "next-meetings-title").count("<li") == 4
    assert _section(page, "public-articles-title").count("<li") == 4
    assert Administration.objects.count() == 9
