"""Mentions: "@MYK" (short name, any case, word boundary) or "@slug" names a current member;
the comment links it to its page and announces it once (signals) for notifications."""

from datetime import date

import pytest
from django.urls import reverse

from comments.mentions import mentions_find, mentions_link
from comments.services import comment_delete, comment_edit, comment_post
from comments.signals import comment_edited, comment_posted
from common.markdown import markdown_render
from tests.comments.helpers import public_article, section
from tests.factories import AdministrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(administration, other_administration):
    vallendar = AdministrationFactory(name="Verbandsgemeinde Vallendar",
                                      short_name="VG Vallendar", slug="vg-vallendar")
    vg = AdministrationFactory(name="Verbandsgemeinde", short_name="VG", slug="vg")
    former = AdministrationFactory(name="Ehemals", short_name="EX", slug="ehemals",
                                   member_until=date(2021, 1, 1))
    return {"myk": administration, "nr": other_administration, "vallendar": vallendar,
            "vg": vg, "former": former}


@pytest.mark.parametrize(("text", "expected"), [
    ("Frage an @MYK: wie läuft es?", ["myk"]),
    ("@myk, @Nr und nochmal @MYK.", ["myk", "nr"]),
    ("(@NR)", ["nr"]),
    ("Siehe @landkreis-neuwied", []),  # the factory slug is landkreis-beispiel-…
    ("@MYKX und @MYK-Team und mail@MYK.de und @@MYK", []),
    ("Gruß an @VG Vallendar!", ["vallendar"]),
    ("Gruß an @VG allein", ["vg"]),
    ("@vg-vallendar per Adresse", ["vallendar"]),
    ("@EX ist kein Mitglied mehr", []),
    ("Kein Erwähnen", []),
])
def test_mentions_find(members, text, expected):
    assert [a.pk for a in mentions_find(text)] == [members[key].pk for key in expected]


def test_mentions_find_by_slug(members):
    assert mentions_find(f"Hallo @{members['nr'].slug}") == [members["nr"]]


def test_mentions_link_outside_code_and_links(members):
    html = markdown_render("Hallo @MYK, `@MYK` und [@MYK](https://example.org)")

    linked = str(mentions_link(html, [members["myk"]]))

    url = members["myk"].get_absolute_url()
    assert linked.count(f'href="{url}"') == 1
    assert f'<a href="{url}" title="Landkreis Mayen-Koblenz">@MYK</a>' in linked
    assert "<code>@MYK</code>" in linked


def test_comment_page_links_mentions(client, reader, members):
    article = public_article(reader)
    comment_post(user=reader, target=article, body="Frage an @nr und @VG Vallendar")
    client.force_login(reader)

    page = section(client.get(reverse("knowledge:article_detail",
                                      args=[article.slug])).content.decode())

    assert f'href="{members["nr"].get_absolute_url()}" title="Landkreis Neuwied">@nr</a>' in page
    assert f'href="{members["vallendar"].get_absolute_url()}"' in page


def test_mentions_stored_and_signal_sent_once(reader, members):
    received = []

    def receiver(sender, comment, mentioned_administrations, **kwargs):
        received.append((comment.pk, [a.pk for a in mentioned_administrations]))

    comment_posted.connect(receiver)
    try:
        comment = comment_post(user=reader, target=public_article(reader),
                               body="@NR und @MYK, bitte schauen. @nr")
    finally:
        comment_posted.disconnect(receiver)

    assert received == [(comment.pk, [members["nr"].pk, members["myk"].pk])]
    assert set(comment.mentions.values_list("pk", flat=True)) == {members["nr"].pk,
                                                                   members["myk"].pk}


def test_signal_sent_without_mentions(reader, members):
    received = []

    def receiver(sender, comment, mentioned_administrations, **kwargs):
        received.append(list(mentioned_administrations))

    comment_posted.connect(receiver)
    try:
        comment_post(user=reader, target=public_article(reader), body="Ohne Erwähnung")
    finally:
        comment_posted.disconnect(receiver)

    assert received == [[]]


def test_edit_announces_only_new_mentions(reader, members):
    comment = comment_post(user=reader, target=public_article(reader), body="An @NR")
    received = []

    def receiver(sender, comment, mentioned_administrations, **kwargs):
        received.append([a.pk for a in mentioned_administrations])

    comment_edited.connect(receiver)
    try:
        comment_edit(user=reader, comment=comment, body="An @NR und @MYK")
        comment_edit(user=reader, comment=comment, body="An @NR und @MYK!")
    finally:
        comment_edited.disconnect(receiver)

    assert received == [[members["myk"].pk], []]
    assert set(comment.mentions.values_list("pk", flat=True)) == {members["nr"].pk,
                                                                   members["myk"].pk}


def test_delete_forgets_mentions(reader, members):
    comment = comment_post(user=reader, target=public_article(reader), body="An @NR")

    comment_delete(user=reader, comment=comment)

    assert not comment.mentions.exists()
