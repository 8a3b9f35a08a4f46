"""Following and unfollowing through the button, per role; visitors are refused."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from notifications.models import Follow
from tests.factories import UserFactory

from .helpers import follow, make_topic

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post_follow(client, key, follow="1", next_url=""):
    return client.post("/benachrichtigungen/folgen/", {"key": key, "follow": follow,
                                                       "next": next_url})


@pytest.mark.parametrize("role", ["reader", "editor", "coordinator", "admin_user"])
def test_follow_topic_and_stop_as_every_member_role(role, request):
    user = request.getfixturevalue(role)
    topic = make_topic()
    client = client_for(user)
    page = client.get(f"/vorhaben/themen/{topic.slug}/").content.decode()
    assert "Folgen Sie, um über Neuigkeiten benachrichtigt zu werden." in page

    response = post_follow(client, f"projects.topic:{topic.pk}",
                           next_url=f"/vorhaben/themen/{topic.slug}/")

    assert response.status_code == 302
    assert response["Location"] == f"/vorhaben/themen/{topic.slug}/"
    assert list(Follow.objects.values_list("user_id", "target_key", "muted")) == [
        (user.pk, f"projects.topic:{topic.pk}", False)]
    page = client.get(f"/vorhaben/themen/{topic.slug}/").content.decode()
    assert "Sie folgen jetzt diesem Eintrag." in page
    assert "Nicht mehr folgen" in page

    post_follow(client, f"projects.topic:{topic.pk}", follow="0")
    assert Follow.objects.count() == 0


def test_follow_refused_for_visitors_and_accounts_without_administration(db):
    topic = make_topic()
    visitor = Client()
    assert post_follow(visitor, f"projects.topic:{topic.pk}").status_code == 403
    assert "Folgen" not in visitor.get(f"/vorhaben/themen/{topic.slug}/").content.decode()
    assert visitor.get("/benachrichtigungen/").status_code == 403
    outsider = client_for(UserFactory(administration=None))
    assert post_follow(outsider, f"projects.topic:{topic.pk}").status_code == 403
    assert Follow.objects.count() == 0


@pytest.mark.parametrize("key", ["projects.topic:999999", "members.user:1", "nonsense",
                                 "projects.topic:1:extra", ""])
def test_follow_refuses_unknown_things(reader, key):
    assert post_follow(client_for(reader), key).status_code == 403
    assert Follow.objects.count() == 0


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "-1",
                                      "members:list", "Nul\x00"])
def test_follow_keeps_the_redirect_on_this_site(reader, next_url):
    topic = make_topic()
    response = post_follow(client_for(reader), f"projects.topic:{topic.pk}", next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/benachrichtigungen/gefolgt/"


def test_own_administration_is_followed_by_default_and_can_be_unfollowed(reader, administration):
    client = client_for(reader)
    key = f"members.administration:{administration.pk}"
    page = client.get(administration.get_absolute_url()).content.decode()
    assert "Nicht mehr folgen" in page
    listing = client.get("/benachrichtigungen/gefolgt/").content.decode()
    assert "Landkreis Mayen-Koblenz" in listing and "von selbst" in listing

    post_follow(client, key, follow="0")

    assert list(Follow.objects.values_list("target_key", "muted")) == [(key, True)]
    listing = client.get("/benachrichtigungen/gefolgt/").content.decode()
    assert "Landkreis Mayen-Koblenz" not in listing
    post_follow(client, key, follow="1")  # following again removes the muted row
    assert Follow.objects.count() == 0
    assert "Nicht mehr folgen" in client.get(administration.get_absolute_url()).content.decode()


def test_follow_list_constant_queries(reader, django_assert_num_queries):
    client = client_for(reader)
    follow(reader, make_topic())
    client.get("/benachrichtigungen/gefolgt/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/benachrichtigungen/gefolgt/")
    for number in range(10):
        follow(reader, make_topic(name=f"Thema {number}", slug=f"thema-{number}"))
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get("/benachrichtigungen/gefolgt/").content.decode()
    assert page.count("Nicht mehr folgen") == 12  # 11 topics and the own administration


def test_follow_list_names_every_kind_with_its_link(reader, editor, administration):
    from tests.knowledge.factories import article_make
    from tests.meetings.test_reminders import make_group

    from .helpers import make_project

    article = article_make(author=reader, title="E-Akte im Bauamt")  # followed by default
    group = make_group(administration)  # the own administration is a member
    project = make_project(administration, title="Gemeinsames DMS")
    follow(reader, make_topic())

    soup = BeautifulSoup(client_for(reader).get("/benachrichtigungen/gefolgt/").content,
                         "html.parser")

    entries = [(" ".join(li.p.span.get_text(" ").split()), li.a.get_text(), li.a["href"])
               for li in soup.select("ul.follow-list > li")]
    assert entries == [
        ("Arbeitsgruppe · von selbst", group.name, f"/arbeitsgruppen/{group.slug}/"),
        ("Artikel · von selbst", "E-Akte im Bauamt", f"/wissen/artikel/{article.slug}/"),
        ("Gemeinsames Projekt · von selbst", "Gemeinsames DMS",
         f"/vorhaben/projekte/{project.slug}/"),
        ("Thema", "Dokumentenmanagementsystem", "/vorhaben/themen/dms/"),
        ("Verwaltung · von selbst", "Landkreis Mayen-Koblenz", administration.get_absolute_url()),
    ]
