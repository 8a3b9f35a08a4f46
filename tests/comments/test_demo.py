"""Demo comments: a few conversations on demo articles, with mentions, loaded once."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from comments.models import Comment
from members.models import User
from tests.comments.helpers import section

pytestmark = pytest.mark.django_db


def test_demo_comments_with_mentions_loaded_once(client):
    call_command("demo_data")
    first = sorted(Comment.objects.values_list("pk", "object_id", "author__email", "body",
                                               "created_at"))
    call_command("demo_data")

    assert sorted(Comment.objects.values_list("pk", "object_id", "author__email", "body",
                                              "created_at")) == first
    assert len(first) == 4
    mentioned = {c.pk: sorted(c.mentions.values_list("short_name", flat=True))
                 for c in Comment.objects.all()}
    assert sorted(mentioned.values()) == [[], [], ["AK", "WW"], ["NR"]]

    client.force_login(User.objects.get(email="lesen.ahrweiler@example.org"))
    page = section(client.get(reverse("knowledge:article_detail",
                                      args=["e-akte-in-der-auslaenderbehoerde"])).content.decode())
    assert "Wie lange hat bei Ihnen das Scannen" in page
    assert 'title="Landkreis Neuwied">@NR</a>' in page
