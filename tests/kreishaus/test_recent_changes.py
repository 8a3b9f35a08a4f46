"""'Letzte Änderungen' on the dashboard: the change sources the apps register
(common.changes), newest first, scoped by who asks, in a constant number of queries."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from common.changes import change_sources, recent_changes
from knowledge.enums import Visibility
from meetings.enums import MinutesState
from meetings.models import Decision, Minutes
from members.models import Administration
from projects.models import JointProject, StatusChange
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import article_make, document_make
from tests.meetings.helpers import make_group, make_meeting
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


def _section(page: str) -> str:
    start = page.index('id="dash-changes"')
    return page[start:page.index("</section>", start)]


def _changes_html(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("start"))
    assert response.status_code == 200
    return _section(response.content.decode())


def _ago(**delta):
    return timezone.now() - timedelta(**delta)


def _published_minutes(meeting, *, when, decisions=()):
    Minutes.objects.update_or_create(meeting=meeting, defaults={
        "state": MinutesState.PUBLISHED, "published_at": when})
    for order, wording in enumerate(decisions):
        Decision.objects.create(meeting=meeting, wording=wording, order=order)


def _status_changes(administration, editor, topics, *, when):
    for topic in topics:
        status_save(administration=administration, by=editor, topic=topic,
                    fields={"stage": 2})
    StatusChange.objects.filter(status__administration=administration,
                                changed_at__gt=_ago(minutes=5)).update(changed_at=when)


def test_every_app_registers_its_sources():
    assert change_sources() == ["articles", "articles_revised", "comments", "decisions",
                                "documents", "joint_projects", "members", "minutes_published",
                                "poll_results", "polls", "status_changes"]


def test_dashboard_lists_the_changes_of_every_kind_newest_first(
        client, coordinator, administration, other_administration):
    Administration.objects.update(member_since=date(2019, 1, 1))
    newcomer = AdministrationFactory(name="Stadt Andernach", slug="stadt-andernach",
                                     member_since=timezone.localdate() - timedelta(days=6))
    other_editor = UserFactory(administration=other_administration, role="editor")
    meeting = make_meeting(make_group(administration, other_administration), days=-10,
                           state="held", title="Quartalssitzung in Daun",
                           host=other_administration)
    _published_minutes(meeting, when=_ago(days=1),
                       decisions=["E-Akte gemeinsam beschaffen", "Leitfaden erstellen"])
    topics = [make_topic(f"Thema {i}", f"thema-{i}") for i in range(3)]
    _status_changes(other_administration, other_editor, topics, when=_ago(hours=2))
    article = article_make(author=coordinator, title="Erfahrungen mit der E-Akte",
                           administration=administration)
    document = document_make(uploaded_by=coordinator, title="Dienstanweisung E-Akte")
    project = JointProject.objects.create(title="Digitales Baulastenverzeichnis",
                                          slug="baulasten", goal="Baulasten digital.",
                                          lead=administration)
    JointProject.objects.filter(pk=project.pk).update(created_at=_ago(days=3))
    type(document).objects.filter(pk=document.pk).update(created_at=_ago(hours=5))

    html = _changes_html(client, coordinator)

    assert "Noch keine Änderungen." not in html
    items = re.findall(r"<li.*?</li>", html, flags=re.S)
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", re.sub(r"<time.*?</time>", "", item)))
             .strip() for item in items]
    assert texts == [
        "Neuer Artikel: Erfahrungen mit der E-Akte (Landkreis Mayen-Koblenz)",
        "Sachstände: Landkreis Neuwied: 3 Statusänderungen",
        "Neues Dokument: Dienstanweisung E-Akte (Landkreis Mayen-Koblenz)",
        "Protokoll veröffentlicht: Quartalssitzung in Daun (Landkreis Neuwied)",
        "2 Beschlüsse: Quartalssitzung in Daun (Landkreis Neuwied)",
        "Neues gemeinsames Projekt: Digitales Baulastenverzeichnis (Landkreis Mayen-Koblenz)",
        "Neues Mitglied: Stadt Andernach",
        "Neues Mitglied: Landkreis Neuwied",  # both joined on 1 Jan 2019
        "Neues Mitglied: Landkreis Mayen-Koblenz",
    ]
    assert f'href="{reverse("projects:status_history", args=[other_administration.slug])}"' in html
    assert f'href="{meeting.get_absolute_url()}#beschluesse"' in html
    assert f'href="{meeting.get_absolute_url()}#protokoll"' in html
    assert f'href="{reverse("knowledge:article_detail", args=[article.slug])}"' in html
    assert f'href="{reverse("knowledge:document_detail", args=[document.pk])}"' in html
    assert f'href="{project.get_absolute_url()}"' in html
    assert f'href="{newcomer.get_absolute_url()}"' in html
    day = (timezone.localdate() - timedelta(days=6)).strftime("%d.%m.%Y")
    assert f">{day}</time>" in html  # joining is a day, shown without a time


def test_status_changes_are_grouped_per_administration_and_day(administration, editor):
    topics = [make_topic(f"Thema {i}", f"thema-{i}") for i in range(5)]
    _status_changes(administration, editor, topics[:2], when=_ago(days=3))
    _status_changes(administration, editor, topics[2:], when=_ago(days=1))

    changes = recent_changes(editor, kinds=["status_changes"])

    assert [(change.title, change.count) for change in changes] == [
        ("Landkreis Mayen-Koblenz: 3 Statusänderungen", 3),
        ("Landkreis Mayen-Koblenz: 2 Statusänderungen", 2)]


def test_status_change_counts_stay_exact_beyond_the_window(administration, editor,
                                                           monkeypatch):
    from projects import changes as project_changes

    monkeypatch.setattr(project_changes, "STATUS_CHANGE_WINDOW", 2)
    topics = [make_topic(f"Thema {i}", f"thema-{i}") for i in range(4)]
    _status_changes(administration, editor, topics, when=_ago(hours=1))

    [change] = recent_changes(editor, kinds=["status_changes"])

    assert change.count == 4  # the window only picks the groups; each count is complete


def test_visitors_and_readers_see_only_what_they_may_open(reader, coordinator, administration):
    meeting = make_meeting(make_group(administration), days=-5, state="held",
                           title="Interne Sitzung")
    Minutes.objects.create(meeting=meeting, state=MinutesState.DRAFT)
    Decision.objects.create(meeting=meeting, wording="Entwurfsbeschluss")
    status_save(administration=administration, by=coordinator, topic=make_topic(),
                fields={"stage": 4})
    article_make(author=coordinator, title="Interner Artikel")
    article_make(author=coordinator, title="Öffentlicher Artikel",
                 visibility=Visibility.PUBLIC)
    archived = article_make(author=coordinator, title="Archivierter Artikel",
                            visibility=Visibility.PUBLIC)
    type(archived).objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    document_make(uploaded_by=coordinator, title="Internes Dokument")

    visitor = [change.title for change in recent_changes(AnonymousUser())]
    member = [change.title for change in recent_changes(reader)]

    assert visitor == ["Öffentlicher Artikel", "Landkreis Mayen-Koblenz"]
    assert all(change.public for change in recent_changes(AnonymousUser()))
    assert "Interner Artikel" in member and "Internes Dokument" in member
    assert "Landkreis Mayen-Koblenz: 1 Statusänderung" in member
    # Draft minutes and their decisions are news for nobody yet, not even coordinators.
    assert "Interne Sitzung" not in member
    assert "Interne Sitzung" not in [c.title for c in recent_changes(coordinator)]
    assert "Archivierter Artikel" not in member


def test_projects_created_before_their_time_was_recorded_are_no_news(administration, reader):
    project = JointProject.objects.create(title="Altprojekt", slug="alt", goal="Ziel",
                                          lead=administration)
    JointProject.objects.filter(pk=project.pk).update(created_at=None)

    assert recent_changes(reader, kinds=["joint_projects"]) == []


def test_since_leaves_out_older_changes(administration, editor):
    topic = make_topic()
    _status_changes(administration, editor, [topic], when=_ago(days=2))
    article_make(author=editor, title="Neu")

    kinds = {change.kind for change in recent_changes(editor, since=_ago(days=1))}

    assert kinds == {"articles"}


def test_empty_state_only_without_changes(client, reader):
    Administration.objects.update(member_since=None)

    assert "Noch keine Änderungen." in _changes_html(client, reader)

    Administration.objects.update(member_since=date(2024, 5, 1))

    html = _changes_html(client, reader)
    assert "Noch keine Änderungen." not in html
    assert "Neues Mitglied:" in html and "01.05.2024" in html


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(reverse("start")).status_code == 200
    return len(context.captured_queries)


def _add_changes(index, coordinator, administration, group):
    other = AdministrationFactory(name=f"Gemeinde {index}",
                                  member_since=timezone.localdate() - timedelta(days=index))
    editor = UserFactory(administration=other, role="editor")
    group.members.add(other)
    meeting = make_meeting(group, days=-3 - index, state="held", title=f"Sitzung {index}",
                           host=other)
    _published_minutes(meeting, when=_ago(days=index), decisions=[f"Beschluss {index}"])
    topic = make_topic(f"Thema {index}", f"thema-{index}")
    status_save(administration=other, by=editor, topic=topic, fields={"stage": 1})
    article_make(author=coordinator, title=f"Artikel {index}", administration=other)
    document_make(uploaded_by=coordinator, title=f"Dokument {index}", administration=other)
    JointProject.objects.create(title=f"Projekt {index}", slug=f"projekt-{index}",
                                goal="Ziel", lead=other)


def test_dashboard_changes_need_a_constant_number_of_queries(client, coordinator,
                                                             administration):
    group = make_group(administration)
    client.force_login(coordinator)
    _add_changes(1, coordinator, administration, group)
    one = _queries(client)
    for index in range(2, 12):
        _add_changes(index, coordinator, administration, group)

    assert _queries(client) == one
    html = _changes_html(client, coordinator)
    assert html.count("<li") == 15  # the newest fifteen of 77 records
    assert "Artikel 11" in html and "Gemeinde 11: 1 Statusänderung" in html


def test_demo_network_shows_its_history_at_once(client):
    from django.core.management import call_command

    from members.models import User

    call_command("demo_data")
    reader = User.objects.get(email="lesen.ahrweiler@example.org")

    changes = recent_changes(reader, limit=200)
    visitor = recent_changes(AnonymousUser(), limit=200)

    kinds = {change.kind for change in changes}
    assert kinds == {"articles", "articles_revised", "comments", "decisions", "documents",
                     "joint_projects", "members", "minutes_published", "poll_results",
                     "polls", "status_changes"}
    assert all(change.when <= timezone.now() for change in changes)
    visitor_kinds = {change.kind for change in visitor}
    assert {"articles", "joint_projects", "members"} <= visitor_kinds
    # Rundfragen: only those with a published summary (the demo's DMS poll).
    assert visitor_kinds <= {"articles", "articles_revised", "documents", "joint_projects",
                             "members", "poll_results"}
    assert all(change.public for change in visitor)
    html = _changes_html(client, reader)
    assert re.search(r"Sachstände:</span>\s*<a [^>]+>[^<]+: \d+ Statusänderungen</a>", html)
