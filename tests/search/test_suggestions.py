""""Meinten Sie …?": a query without hits is offered the index's own words, spelled right,
as links to the search; visitors only words of public titles."""

import html
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from common.search.suggestions import MAX_WORDS, suggestions, vocabulary
from knowledge.enums import Visibility
from tests.knowledge.factories import article_make

from .helpers import search_page, titles

pytestmark = pytest.mark.django_db

SUGGESTIONS = re.compile(r'<p class="kern-body search-suggestions">(.*?)</p>', re.S)
LINK = re.compile(r'<a class="kern-link" href="([^"]*)">([^<]*)</a>')


def _offered(page: str) -> list[str]:
    match = SUGGESTIONS.search(page)
    return [html.unescape(text) for _href, text in LINK.findall(match.group(1))] if match \
        else []


@pytest.fixture
def member_client(reader):
    client = Client()
    client.force_login(reader)
    return client


@pytest.fixture
def public_articles(reader):
    for title in ("Die E-Akte im Kreishaus", "Terminvereinbarung im Bürgerbüro",
                  "Terminvereinbarung online", "Glasfaser für Schulen"):
        article_make(author=reader, title=title, visibility=Visibility.PUBLIC)


@pytest.mark.parametrize(("query", "offered"), [
    ("eakte", ["E-Akte"]),
    ("Terminvereinbahrung", ["Terminvereinbarung"]),
    ("glasfasa", ["Glasfaser"]),
    ("Terminvereinbahrung Bürgerbüroo", ["Terminvereinbarung Bürgerbüro"]),
])
def test_a_typo_is_offered_the_index_spelling(client, public_articles, query, offered):
    page = search_page(client, query)

    assert titles(page) == []
    assert _offered(page) == offered
    assert "Meinten Sie" in page
    href = LINK.search(SUGGESTIONS.search(page).group(1)).group(1)
    followed = client.get(html.unescape(href))
    assert titles(followed.content.decode())  # the suggestion finds something
    assert reverse("search") in href


def test_no_suggestion_box_when_there_are_hits(client, public_articles):
    page = search_page(client, "Terminvereinbarung")

    assert titles(page) == ["Terminvereinbarung im Bürgerbüro", "Terminvereinbarung online"] \
        or sorted(titles(page)) == ["Terminvereinbarung im Bürgerbüro",
                                    "Terminvereinbarung online"]
    assert "search-suggestions" not in page and "Meinten Sie" not in page


def test_nothing_close_offers_nothing(client, public_articles):
    page = search_page(client, "Quantenkryptographie")

    assert _offered(page) == [] and "Meinten Sie" not in page


def test_visitors_are_never_offered_words_of_internal_titles(
        client, member_client, reader, public_articles):
    article_make(author=reader, title="Zauberwürfelprojekt der Leitstelle")

    visitor = search_page(client, "Zauberwürfelprojekd")
    member = search_page(member_client, "Zauberwürfelprojekd")

    assert _offered(visitor) == [] and "Zauberwürfelprojekt" not in visitor
    assert _offered(member) == ["Zauberwürfelprojekt"]
    assert "zauberwürfelprojekt" not in vocabulary(internal=False)
    assert "zauberwürfelprojekt" in vocabulary(internal=True)


def test_operators_are_not_corrected(client, public_articles):
    assert suggestions('"eakte"', internal=False) == []
    assert suggestions("eakte -Papier", internal=False) == []
    assert suggestions("eakte OR glasfasa", internal=False) == []


def test_the_word_list_is_kept_until_the_next_write(
        client, reader, public_articles, django_assert_num_queries,
        django_capture_on_commit_callbacks, settings):
    settings.VISITOR_CACHE_SECONDS = 60
    cache.clear()
    assert suggestions("glasfasa", internal=False) == ["Glasfaser"]
    with django_assert_num_queries(0):
        assert suggestions("Terminvereinbahrung", internal=False) == ["Terminvereinbarung"]

    with django_capture_on_commit_callbacks(execute=True):
        article_make(author=reader, title="Breitbandausbau", visibility=Visibility.PUBLIC)

    assert suggestions("Breitbandausbauu", internal=False) == ["Breitbandausbau"]
    assert len(vocabulary(internal=False)) <= MAX_WORDS
    cache.clear()
