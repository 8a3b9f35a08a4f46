"""'Wer kann helfen?' on the article page from the cache per audience, until a status of the
article's topics or a member's contact changes."""

import pytest
from django.urls import reverse

from knowledge.enums import Visibility
from projects.enums import Stage
from projects.statuses.services import status_save
from tests.knowledge.factories import article_make
from tests.knowledge.helpers import make_administration, make_contact, make_status, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(cache_on):
    """Every test here with the page cache as in production."""


@pytest.fixture
def article(reader):
    topic = make_topic()
    helper = make_administration("kreis-ahrweiler", "Kreis Ahrweiler")
    make_status(helper, topic, Stage.LIVE, contact=make_contact(helper, "Hanna Hilfreich"))
    return article_make(author=reader, title="E-Akte einführen", topics=[topic],
                        visibility=Visibility.PUBLIC)


def _helpers(client, article) -> list[str]:
    response = client.get(reverse("knowledge:article_detail", args=[article.slug]))
    return [helper.administration.name for helper in response.context["helpers"]]


def test_helpers_are_read_once(client, reader, article, django_assert_max_num_queries):
    client.force_login(reader)
    url = reverse("knowledge:article_detail", args=[article.slug])
    client.get(url)
    with django_assert_max_num_queries(100) as second:
        client.get(url)
    assert not [q for q in second.captured_queries if "projects_status" in q["sql"]]
    assert _helpers(client, article) == ["Kreis Ahrweiler"]


def test_a_member_moving_to_pilot_shows_up(client, reader, coordinator, article,
                                           django_capture_on_commit_callbacks):
    client.force_login(reader)
    assert _helpers(client, article) == ["Kreis Ahrweiler"]
    newcomer = make_administration("stadt-andernach", "Stadt Andernach")
    with django_capture_on_commit_callbacks(execute=True):
        status_save(administration=newcomer, topic=article.topics.get(), by=coordinator,
                    fields={"stage": Stage.PILOT})
    assert _helpers(client, article) == ["Kreis Ahrweiler", "Stadt Andernach"]


def test_visitors_get_no_helpers_from_the_members_cache(client, reader, article):
    client.force_login(reader)
    assert _helpers(client, article) == ["Kreis Ahrweiler"]
    client.logout()
    assert _helpers(client, article) == []
