"""The admin lists comments read-only, in German; writing happens on the site."""

import pytest
from django.urls import reverse

from tests.comments.helpers import comment_make, public_article

pytestmark = pytest.mark.django_db


def test_admin_lists_comments_read_only(client, admin_user, reader):
    article = public_article(reader)
    comment = comment_make(author=reader, target=article, body="Im Admin sichtbar")
    client.force_login(admin_user)

    listing = client.get(reverse("admin:comments_comment_changelist"))
    detail = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    add = client.get(reverse("admin:comments_comment_add"))

    page = listing.content.decode()
    assert listing.status_code == 200
    assert "Kommentar zu" in page and f"knowledge.article:{article.pk}" in page
    assert "ausgeblendet am" in page and "gelöscht am" in page
    assert detail.status_code == 200
    assert "Im Admin sichtbar" in detail.content.decode()
    assert 'name="_save"' not in detail.content.decode()
    assert add.status_code == 403
