"""Comments are Markdown through the sanitizer: no payload of the XSS list survives on the
page, neither in a comment nor in one that mentions an administration."""

import pytest
from django.urls import reverse

from comments.services import comment_post
from tests.comments.helpers import public_article, section
from tests.common.test_markdown import XSS_PAYLOADS, _assert_harmless

pytestmark = pytest.mark.django_db


def _bodies(page: str) -> str:
    return "".join(part.split("</div>", 1)[0]
                   for part in section(page).split('<div class="markdown-body comment-body">')[1:])


@pytest.mark.parametrize("payload", list(XSS_PAYLOADS.values()), ids=list(XSS_PAYLOADS))
def test_comment_shows_no_payload(client, reader, other_administration, payload):
    article = public_article(reader)
    comment_post(user=reader, target=article, body=f"Vorher @NR\n\n{payload}\n\nNachher @NR")
    client.force_login(reader)

    page = client.get(reverse("knowledge:article_detail", args=[article.slug])).content.decode()

    bodies = _bodies(page)
    assert "Vorher" in bodies and "Nachher" in bodies
    assert bodies.count(f'href="{other_administration.get_absolute_url()}"') == 2
    _assert_harmless(bodies)


def test_payload_in_form_after_error_is_escaped(client, reader):
    article = public_article(reader)
    client.force_login(reader)
    body = "\n\n".join(XSS_PAYLOADS.values()) + "x" * 5000

    response = client.post(reverse("comments:create", args=["knowledge.article", article.pk]),
                           {"body": body})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page
