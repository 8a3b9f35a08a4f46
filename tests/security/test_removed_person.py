"""After an account's removal (DSGVO Art. 17) its person's name and e-mail address appear
nowhere on the portal: a coordinator and a visitor crawl everything they can reach in the
demo network, and the search finds nothing; minutes, action items, statuses and articles
still render, naming the pseudonym.

The demo reader (Landkreis Ahrweiler) attended meetings, is responsible for action items and
wrote articles. First they give themselves a name no demo text contains (Art. 16, "Mein
Profil"), so that free texts that mention the demo person by their demo name (agenda
presenters typed as "Name, Landkreis", article bodies) do not count: those are texts the
network wrote, which the coordination office edits by hand if they must go.
"""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from common.search.query import search_results
from knowledge.models import Article
from meetings.models import ActionItem
from members.models import User
from tests.security.crawler import DEMO_LOGINS, crawl

pytestmark = pytest.mark.django_db

NAME = "Zwetschgenbaum"
EMAIL = DEMO_LOGINS["reader"]
PSEUDONYM = "ehemalige Person (AW)"


def _texts(client, pages) -> dict[str, str]:
    """Every crawled answer as text: the HTML, and the text downloads fetched again
    (calendar files, CSV, JSON)."""
    texts = {}
    for url, page in pages.items():
        if page.html:
            texts[url] = page.html
        elif page.status == 200 and page.content_type.startswith(
                ("text/", "application/json")):
            response = client.get(url)
            body = (b"".join(response.streaming_content) if response.streaming
                    else response.content)
            texts[url] = body.decode("utf-8", "replace")
    return texts


def test_removed_person_appears_nowhere_and_content_names_the_pseudonym(network):
    person = network.user("reader")
    article = Article.objects.filter(author=person).order_by("pk").first()
    item = ActionItem.objects.filter(responsible_user=person).select_related("meeting").first()
    assert article is not None and item is not None  # the demo gives the reader both
    urls = [reverse("knowledge:article_detail", args=[article.slug]),
            reverse("meetings:detail", args=[item.meeting_id])]

    mine = Client()
    mine.force_login(person)
    mine.post(reverse("profile"), {"first_name": "Tobias", "last_name": NAME, "phone": "",
                                   "function": "Digitalbeauftragter"})
    coordinator = network.client("coordinator")
    for url in urls:
        assert NAME in coordinator.get(url).content.decode(), url
    exported = json.loads(mine.get(reverse("my_data_json")).content)
    assert exported["person"] == EMAIL
    assert all(part["daten"] for part in exported["bereiche"])

    mine.post(reverse("account_removal"), {"confirm": "on"})
    response = coordinator.post(reverse("members:account_remove", args=[person.pk]))
    assert response.status_code == 302
    assert not User.objects.get(pk=person.pk).is_active

    for url in urls:
        html = coordinator.get(url).content.decode()
        assert PSEUDONYM in html, url
    start = (*network.seed_urls(), *urls,
             reverse("members:staff", args=[person.administration.slug]),
             reverse("members:removal_requests"))
    for role, client in (("coordinator", coordinator), ("visitor", Client())):
        pages = crawl(client, start=start, per_route=2, limit=500)
        assert len(pages) > {"coordinator": 150, "visitor": 40}[role], (role, len(pages))
        texts = _texts(client, pages)
        assert not [url for url, text in texts.items() if NAME in text], role
        assert not [url for url, text in texts.items() if EMAIL in text], role
        searcher = network.user(role) or AnonymousUser()
        assert search_results(query=NAME, user=searcher).total == 0
        assert search_results(query="Tobias Zwetschgenbaum", user=searcher).total == 0
