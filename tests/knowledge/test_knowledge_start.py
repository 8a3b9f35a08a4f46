"""The knowledge start page /wissen/: categories with counts, newest and recently changed
articles, the filter, visibility per role, and a query count that does not grow."""

import re

import pytest
from django.urls import reverse

from knowledge.articles import services
from knowledge.articles.views import ARTICLES_PER_PAGE
from knowledge.enums import Visibility
from tests.factories import UserFactory
from tests.knowledge.factories import CategoryFactory, article_make
from tests.knowledge.helpers import make_administration, make_topic

pytestmark = pytest.mark.django_db

INDEX = reverse("knowledge:index")


@pytest.fixture
def shelves():
    return (CategoryFactory(name="Gute Beispiele", slug="gute-beispiele", position=1,
                            description="Was sich in einer Verwaltung bewährt hat."),
            CategoryFactory(name="Vorlagen", slug="vorlagen", position=2))


@pytest.fixture
def articles(reader, editor, other_editor, coordinator, administration, other_administration,
             shelves):
    examples, templates = shelves
    akte = make_topic()
    portal = make_topic(name="Bürgerportal", slug="buergerportal", group="citizen")
    public = article_make(author=reader, title="E-Akte im Bauamt", summary="Scannen und ablegen.",
                          category=examples, visibility=Visibility.PUBLIC, tags=["E-Akte"],
                          topics=[akte])
    internal = article_make(author=editor, title="Kosten der E-Akte", summary="Interne Zahlen.",
                            category=examples, tags=["E-Akte", "Haushalt"], topics=[akte])
    other = article_make(author=other_editor, title="Musterdienstanweisung Portal",
                         summary="Vorlage für das Bürgerportal.", category=templates,
                         visibility=Visibility.PUBLIC, topics=[portal])
    archived = article_make(author=reader, title="Altes Faxverfahren", summary="Überholt.",
                            category=examples, visibility=Visibility.PUBLIC, tags=["E-Akte"])
    services.article_archive(article=archived, user=coordinator)
    assert other.administration == other_administration
    return {"public": public, "internal": internal, "other": other, "archived": archived,
            "akte": akte, "portal": portal}


def _titles(response) -> list[str]:
    return [article.title for article in response.context["page"].object_list]


def test_visitor_sees_public_articles_only(client, articles):
    response = client.get(INDEX)

    page = response.content.decode()
    assert response.status_code == 200 and page.count("<h1") == 1
    assert sorted(_titles(response)) == ["E-Akte im Bauamt", "Musterdienstanweisung Portal"]
    assert [a.title for a in response.context["newest"]] == [
        "Musterdienstanweisung Portal", "E-Akte im Bauamt"]
    assert "Kosten der E-Akte" not in page and "Altes Faxverfahren" not in page
    assert "Neuer Artikel" not in page
    assert "Angemeldete Mitglieder finden hier auch die internen." in page


def test_member_sees_internal_articles_and_the_create_button(client, reader, articles):
    client.force_login(reader)

    response = client.get(INDEX)

    page = response.content.decode()
    assert sorted(_titles(response)) == ["E-Akte im Bauamt", "Kosten der E-Akte",
                                         "Musterdienstanweisung Portal"]
    assert "Altes Faxverfahren" not in page  # archived articles leave every list
    assert f'href="{reverse("knowledge:article_create")}"' in page
    assert ">Neuer Artikel</span>" in page


def test_categories_show_description_and_counts_per_role(client, reader, articles):
    visitor = client.get(INDEX)
    client.force_login(reader)
    member = client.get(INDEX)

    def counts(response):
        return [(c.name, c.article_count) for c in response.context["categories"]]

    assert counts(visitor) == [("Gute Beispiele", 1), ("Vorlagen", 1)]
    assert counts(member) == [("Gute Beispiele", 2), ("Vorlagen", 1)]
    page = member.content.decode()
    assert "Was sich in einer Verwaltung bewährt hat." in page
    assert 'href="/wissen/?kategorie=gute-beispiele#artikel">Gute Beispiele</a>' in page
    assert "2 Artikel" in page


def test_recently_changed_lists_the_last_saved_first(client, reader, articles):
    services.article_update(article=articles["public"], user=reader, expected_revision=1,
                            body="Neu geschrieben.")
    client.force_login(reader)

    response = client.get(INDEX)

    assert [a.title for a in response.context["changed"]] == [
        "E-Akte im Bauamt", "Musterdienstanweisung Portal", "Kosten der E-Akte"]
    assert [a.title for a in response.context["newest"]] == [
        "Musterdienstanweisung Portal", "Kosten der E-Akte", "E-Akte im Bauamt"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"kategorie": "vorlagen"}, ["Musterdienstanweisung Portal"]),
    ({"schlagwort": "haushalt"}, ["Kosten der E-Akte"]),
    ({"schlagwort": "e-akte"}, ["E-Akte im Bauamt", "Kosten der E-Akte"]),
    ({"thema": "e-akte"}, ["E-Akte im Bauamt", "Kosten der E-Akte"]),
    ({"thema": "buergerportal"}, ["Musterdienstanweisung Portal"]),
    ({"q": "zahlen"}, ["Kosten der E-Akte"]),
    ({"q": "e-akte bauamt"}, ["E-Akte im Bauamt"]),
    ({"kategorie": "gute-beispiele", "schlagwort": "haushalt"}, ["Kosten der E-Akte"]),
    ({"kategorie": "vorlagen", "thema": "e-akte"}, []),
])
def test_filters_narrow_the_list(client, reader, articles, params, expected):
    client.force_login(reader)

    response = client.get(INDEX, params)

    assert sorted(_titles(response)) == expected
    page = response.content.decode()
    if expected:
        assert f"{len(expected)} Artikel pass" in page
    else:
        assert "Kein Artikel passt zu diesen Filtern." in page


def test_administration_filter_shows_what_a_member_contributed(client, reader,
                                                              other_administration, articles):
    client.force_login(reader)

    response = client.get(INDEX, {"verwaltung": other_administration.slug})

    assert _titles(response) == ["Musterdienstanweisung Portal"]


def test_filter_form_is_labelled_and_offers_used_values(client, reader, articles):
    client.force_login(reader)

    page = client.get(INDEX).content.decode()

    form = page.split('aria-label="Artikel filtern"', 1)[1].split("</form>", 1)[0]
    for label in ["Stichwort in Titel oder Zusammenfassung", "Kategorie", "Schlagwort",
                  "Beitragende Verwaltung", "Thema"]:
        assert f">{label}" in form
    assert '<option value="haushalt">Haushalt</option>' in form
    assert '<option value="buergerportal">Bürgerportal</option>' in form
    # The contributor is a text field: at national scale any member may contribute.
    assert re.search(r'<input type="text" name="verwaltung"[^>]*>', form)
    assert "Landkreis Neuwied</option>" not in form
    assert "Name der Verwaltung, z. B. „Neuwied“" in form


@pytest.mark.parametrize("value", ["Landkreis Neuwied", "neuwied", "nr", "slug"],
                         ids=["name", "part of the name", "short name", "slug"])
def test_administration_filter_by_name_short_name_or_slug(client, reader, other_administration,
                                                          articles, value):
    value = other_administration.slug if value == "slug" else value
    client.force_login(reader)

    response = client.get(INDEX, {"verwaltung": value})

    assert _titles(response) == ["Musterdienstanweisung Portal"]
    page = response.content.decode()
    assert "1 Artikel passt zu diesen Filtern." in page
    assert f'name="verwaltung" value="{value}"' in page  # the input is kept


def test_administration_filter_without_match_says_so(client, reader, articles):
    client.force_login(reader)

    response = client.get(INDEX, {"verwaltung": "Landkreis Vulkaneifel"})

    assert response.status_code == 200 and _titles(response) == []
    assert "Kein Artikel passt zu diesen Filtern." in response.content.decode()


def test_filter_form_does_not_grow_with_contributors(client, reader, editor, articles):
    client.force_login(reader)
    before = client.get(INDEX).content.decode().count("<option")
    for n in range(5):
        author = UserFactory(administration=make_administration(f"beitrag-{n}"))
        article_make(author=author, title=f"Beitrag {n}", category=articles["public"].category)

    after = client.get(INDEX).content.decode().count("<option")

    assert after == before


def test_filter_keeps_archived_articles_out(client, reader, articles):
    client.force_login(reader)

    response = client.get(INDEX, {"schlagwort": "e-akte", "q": "fax"})

    assert _titles(response) == []


def test_unknown_filter_value_is_reported_not_a_crash(client, reader, articles):
    client.force_login(reader)

    response = client.get(INDEX, {"kategorie": "gibt-es-nicht"})

    assert response.status_code == 200
    assert "Bitte eine gültige Auswahl treffen." in response.content.decode()
    assert len(_titles(response)) == 3  # the invalid filter is left out, the rest applies


def test_tag_links_on_the_list_lead_to_the_filter(client, reader, articles):
    client.force_login(reader)

    page = client.get(INDEX).content.decode()

    assert 'href="/wissen/?schlagwort=haushalt#artikel">Haushalt</a>' in page


def test_list_is_paginated_and_keeps_the_filter(client, reader, shelves):
    examples, _ = shelves
    for n in range(ARTICLES_PER_PAGE + 3):
        article_make(author=reader, title=f"Artikel {n:02d}", category=examples)
    client.force_login(reader)

    first = client.get(INDEX, {"kategorie": "gute-beispiele"})
    second = client.get(INDEX, {"kategorie": "gute-beispiele", "page": 2})

    assert len(first.context["page"].object_list) == ARTICLES_PER_PAGE
    assert len(second.context["page"].object_list) == 3
    assert 'href="?kategorie=gute-beispiele&amp;page=2"' in first.content.decode()
    assert "Seite 2 von 2" in second.content.decode()


def test_empty_knowledge_base_invites_to_write(client, reader):
    client.force_login(reader)

    page = client.get(INDEX).content.decode()

    assert "Noch keine Artikel. Teilen Sie als Erste oder Erster" in page
    assert "Die Koordinierungsstelle hat noch keine Kategorien angelegt." in page


def _make_articles(n, *, author, shelves, start=0):
    topic = make_topic(name=f"Thema {start}", slug=f"thema-{start}")
    for i in range(start, start + n):
        article_make(author=author, title=f"Artikel {i}", category=shelves[(i + 1) % 2],
                     visibility=Visibility.PUBLIC, tags=[f"Schlagwort {i}", "E-Akte"],
                     topics=[topic])


@pytest.mark.parametrize("role", ["visitor", "member"])
@pytest.mark.parametrize("params", [{}, {"schlagwort": "e-akte", "kategorie": "vorlagen"},
                                    {"verwaltung": "Mayen", "q": "Artikel"}],
                         ids=["unfiltered", "filtered", "by contributor"])
def test_start_page_query_count_does_not_grow_with_articles(
        client, reader, shelves, django_assert_num_queries, role, params):
    if role == "member":
        client.force_login(reader)
    _make_articles(1, author=reader, shelves=shelves)
    # Categories with counts, newest, recently changed, three filter choice lists (category,
    # tag, topic; the contributor is a text field), the result count, page and its tags
    # (plus one lookup per selected choice); members add session, user and the
    # administration in the header (no permission tables: members.models.User.has_perm)
    # and the bell's unread count.
    lookups = len(set(params) & {"kategorie", "schlagwort", "thema"})
    expected = 9 + lookups + (4 if role == "member" else 0)

    with django_assert_num_queries(expected):
        few = client.get(INDEX, params)
    _make_articles(30, author=reader, shelves=shelves, start=1)
    with django_assert_num_queries(expected):
        many = client.get(INDEX, params)

    assert len(few.context["page"].object_list) < len(many.context["page"].object_list)
