"""The results pages are valid HTML (Nu HTML Checker, as tests/html does for the main
pages): results with summary and filter error, summary form, article confirmation, the
public summary, the topic page section and the article with its origin."""

from pathlib import Path

import pytest
from django.urls import reverse

from polls.models import Poll
from polls.results.services import poll_article_create
from projects.models import Topic
from tests.html.test_valid_html import JAVA, VNU_JAR, vnu_errors
from tests.knowledge.factories import CategoryFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(JAVA is None or not VNU_JAR.is_file(),
                       reason="Nu HTML Checker unavailable (java and node_modules/vnu-jar)"),
]


def test_results_pages_are_valid_html(client, asker, poll, answered, tmp_path):
    topic = Topic.objects.create(name="Dokumentenmanagementsystem", slug="dms")
    poll.topics.add(topic)
    Poll.objects.filter(pk=poll.pk).update(summary="## Ergebnis\n\nDie **Mehrheit**.",
                                           summary_public=True)
    category = CategoryFactory()
    client.force_login(asker)
    pages = {
        "results": reverse("polls_results:results", args=[poll.pk]) + "?art=%3Cx%3E",
        "summary-form": reverse("polls_results:summary_edit", args=[poll.pk]),
        "article-confirm": reverse("polls_results:article_create", args=[poll.pk]),
        "topic": reverse("projects:topic", args=[topic.slug]),
    }
    written = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        (tmp_path / f"{name}.html").write_bytes(response.content)
        written[f"{name}.html"] = url
    article, _created = poll_article_create(poll=poll, user=asker, category=category)
    response = client.get(reverse("knowledge:article_detail", args=[article.slug]))
    (tmp_path / "article.html").write_bytes(response.content)
    client.logout()
    response = client.get(reverse("polls_results:summary", args=[poll.pk]))
    (tmp_path / "public-summary.html").write_bytes(response.content)

    messages = vnu_errors(tmp_path)
    report = [f"{Path(m.get('url', '')).name}, line {m.get('lastLine')}: {m['message']}"
              for m in messages]
    assert report == []
