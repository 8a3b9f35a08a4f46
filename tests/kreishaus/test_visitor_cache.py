"""Pages for visitors from the cache (common.page_cache): served without queries, renewed by
every change a visitor could see, never for logged-in people; and the landing page names
the newest members only."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.page_cache import VERSION_KEY
from projects.statuses.services import status_save
from tests.factories import AdministrationFactory, UserFactory
from tests.knowledge.factories import article_make
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db

CACHED = ["start", "members:list", "knowledge:index"]


@pytest.fixture(autouse=True)
def visitor_cache(settings):
    settings.VISITOR_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("name", CACHED)
def test_visitor_page_comes_from_the_cache_without_queries(client, name,
                                                           django_assert_num_queries):
    AdministrationFactory(name="Landkreis Vulkaneifel")
    first = client.get(reverse(name))

    with django_assert_num_queries(0):
        again = client.get(reverse(name))

    assert again.status_code == 200
    assert again.content == first.content


@pytest.mark.parametrize("name", ["start", "members:list"])
def test_a_new_member_shows_up_at_once(client, name, django_capture_on_commit_callbacks):
    # Every write inside a capture: the test's own transaction never commits.
    with django_capture_on_commit_callbacks(execute=True):
        AdministrationFactory(name="Landkreis Vulkaneifel")
    assert "Landkreis Cochem-Zell" not in client.get(reverse(name)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        AdministrationFactory(name="Landkreis Cochem-Zell")

    assert "Landkreis Cochem-Zell" in client.get(reverse(name)).content.decode()


def test_a_changed_article_shows_up_at_once(client, administration,
                                            django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reader = UserFactory(administration=administration)
        article = article_make(author=reader, title="Digitale Akte", visibility="public")
    url = reverse("knowledge:article_detail", args=[article.slug])
    assert "Digitale Akte" in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Die E-Akte im Kreishaus"
        article.save()

    assert "Die E-Akte im Kreishaus" in client.get(url).content.decode()


def test_internal_writes_leave_the_cache_alone(client, administration, coordinator,
                                               django_capture_on_commit_callbacks):
    topic = make_topic()
    client.get(reverse("start"))
    version = cache.get(VERSION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        status_save(administration=administration, topic=topic, by=coordinator,
                    fields={"stage": 3})

    assert cache.get(VERSION_KEY) == version


def test_logged_in_people_never_get_the_cached_page(client, reader):
    AdministrationFactory(name="Landkreis Vulkaneifel")
    visitor_page = client.get(reverse("members:list")).content.decode()
    client.force_login(reader)

    page = client.get(reverse("members:list")).content.decode()

    assert page != visitor_page
    assert "Abmelden" in page and "Abmelden" not in visitor_page


def test_landing_page_names_the_newest_members_and_links_the_directory(client):
    for number in range(15):
        AdministrationFactory(name=f"Gemeinde {number:02d}", membership_number=number + 1)

    page = client.get(reverse("start")).content.decode()

    assert "15 Verwaltungen arbeiten mit." in page
    assert "Zuletzt beigetreten" in page
    newest = page.split('aria-labelledby="newest-members-title">')[1].split("</ul>")[0]
    assert re.findall(r">(Gemeinde \d+)</a>", newest) == [
        f"Gemeinde {number:02d}" for number in range(14, 2, -1)]
    assert "Alle Mitglieder im Verzeichnis ansehen" in page


def test_page_numbers_are_cached_but_filters_and_made_up_parameters_are_not(
        client, django_assert_num_queries):
    AdministrationFactory(name="Landkreis Vulkaneifel")
    for params in ({"page": "1"}, {"q": "Vulkan"}, {"x": "beliebig"}, {"page": "9" * 9}):
        client.get(reverse("members:list"), params)

    with django_assert_num_queries(0):
        client.get(reverse("members:list"), {"page": "1"})
    # The version, the first page, its rows (common.templatetags.cached_parts) and the
    # member map (one for all views of the directory): nothing for the other addresses.
    assert len(cache._cache) == 4
    page = client.get(reverse("members:list"), {"q": "Vulkan"}).content.decode()
    assert 'value="Vulkan"' in page


def test_knowledge_counts_are_kept_until_an_article_changes(
        client, administration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        reader = UserFactory(administration=administration)
        article_make(author=reader, title="Digitale Akte")
    client.force_login(reader)
    client.get(reverse("knowledge:index"))

    with CaptureQueriesContext(connection) as warm:
        page = client.get(reverse("knowledge:index")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article_make(author=reader, title="Glasfaser im Kreis")
    after = client.get(reverse("knowledge:index")).content.decode()

    assert "1 Artikel insgesamt." in page
    assert not any("COUNT(" in q["sql"] for q in warm.captured_queries)
    assert "2 Artikel insgesamt." in after
