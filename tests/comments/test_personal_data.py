"""A person's comments are part of "Meine Daten"; on removal they stay and name the pseudonym."""

import pytest
from django.urls import reverse

from comments.personal_data import collect
from common.personal_data import iso
from tests.comments.helpers import comment_make, public_article

pytestmark = pytest.mark.django_db


def test_collect_lists_own_comments_only(reader, editor):
    article = public_article(reader, title="DMS im Vergleich")
    mine = comment_make(author=reader, target=article, body="Mein Text")
    comment_make(author=editor, target=article, body="Fremder Text")

    rows = collect(reader)["Kommentare, die Sie geschrieben haben"]

    assert [(row["Kommentar zu"], row["Text"]) for row in rows] == [
        ("DMS im Vergleich", "Mein Text")]
    assert rows[0]["Geschrieben am"] == iso(mine.created_at)


def test_my_data_page_shows_comments(client, reader):
    comment_make(author=reader, target=public_article(reader), body="Mein Text")
    client.force_login(reader)

    page = client.get(reverse("my_data")).content.decode()

    assert "Kommentare, die Sie geschrieben haben" in page
    assert "Mein Text" in page
