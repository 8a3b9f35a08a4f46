"""The search page: German stemming, compound parts, ranking, type filter, pagination,
snippets, messages and the query count."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from common.models import SearchEntry
from common.search import query as search_query
from common.search.marking import query_words
from common.search.query import search_results
from knowledge.enums import Visibility
from projects.models import JointProject
from tests.knowledge.factories import article_make, document_make
from tests.knowledge.helpers import make_administration
from tests.meetings.helpers import make_group, make_meeting

from .helpers import found, links, search_page, status, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def member_client(reader):
    client = Client()  # a second browser: the `client` fixture stays a visitor
    client.force_login(reader)
    return client


def _article(author, title, body="Ein Text.", **fields):
    return article_make(author=author, title=title, body=body, **fields)


@pytest.mark.parametrize(("query", "title", "text"), [
    ("Akten", "Aufbewahrung", "Jede Akte wird zehn Jahre aufbewahrt."),
    ("Akte", "Aufbewahrung", "Alle Akten werden zehn Jahre aufbewahrt."),
    ("Anträge", "Formulare", "Ein Antrag auf Wohngeld kommt jetzt online."),
    ("Antrag", "Formulare", "Die Anträge auf Wohngeld kommen jetzt online."),
    ("einführen", "Erfahrungen", "Die Einführung dauerte ein Jahr."),
    ("eingeführt", "Erfahrungen", "Die Einführung dauerte ein Jahr."),
    ("Ämter", "Zuständigkeit", "Das Amt für Digitalisierung berät."),
])
def test_search_finds_other_forms_of_a_word(member_client, reader, query, title, text):
    _article(reader, title, body=text)
    _article(reader, "Etwas anderes", body="Ganz anderer Inhalt über Glasfaser.")

    assert found(member_client, query) == [title]


@pytest.mark.parametrize(("query", "title"), [
    ("Antrag", "Der digitale Bauantrag"),
    ("Akte", "Die E-Akte im Kreishaus"),
    ("Termin", "Terminvereinbarung im Bürgerbüro"),
    ("Ummeldung", "Kfz-Ummeldung ohne Wartezeit"),
])
def test_search_finds_parts_of_compound_words(member_client, reader, query, title):
    _article(reader, title)
    _article(reader, "Glasfaserausbau", body="Kein passendes Wort.")

    assert found(member_client, query) == [title]


def test_search_finds_compound_parts_in_the_text_too(member_client, reader):
    _article(reader, "Scannen", body="Das Baulastenverzeichnis wird gescannt.")

    assert found(member_client, "Verzeichnis") == ["Scannen"]
    assert found(member_client, "Baulasten") == ["Scannen"]


def test_search_ranks_title_hits_first(member_client, reader):
    _article(reader, "Breitband im Landkreis", body="Breitband " * 3,
             summary="Breitband und Breitband.")
    _article(reader, "Schulen", body="Die Schulen bekommen Glasfaser.",
             summary="Glasfaser für Schulen.")
    _article(reader, "Glasfaser in allen Schulen", body="Ein Bericht.")
    _article(reader, "Netzausbau", body="Glasfaser, Glasfaser und noch einmal Glasfaser.")

    assert found(member_client, "Glasfaser") == [
        "Glasfaser in allen Schulen", "Schulen", "Netzausbau"]


def test_search_ranks_many_hits_by_title_summary_then_date(member_client, reader, monkeypatch):
    # Beyond FULL_RANK_LIMIT hits only title and summary rank; text-only hits go by date.
    monkeypatch.setattr(search_query, "FULL_RANK_LIMIT", 3)
    _article(reader, "Netzausbau", body="Glasfaser, Glasfaser und noch einmal Glasfaser.")
    _article(reader, "Schulen", summary="Glasfaser für Schulen.")
    _article(reader, "Glasfaser in allen Schulen")
    _article(reader, "Gewerbegebiete", body="Auch hier kommt Glasfaser.")

    assert found(member_client, "Glasfaser") == [
        "Glasfaser in allen Schulen", "Schulen", "Gewerbegebiete", "Netzausbau"]


def test_search_marks_hits_in_snippets(member_client, reader):
    _article(reader, "Posteingang", summary="Wie der Posteingang digital wird.",
             body="Briefe werden am ersten Tag gescannt und der E-Akte zugeordnet.")

    page = search_page(member_client, "gescannt")

    assert "Briefe werden am ersten Tag <mark>gescannt</mark> und der E-Akte zugeordnet" in page


def test_search_escapes_markup_in_titles_and_snippets(member_client, reader):
    _article(reader, "<script>alert('titel')</script> Scanstraße",
             summary="<b>fett</b> Scanstraße",
             body="Vorsicht <img src=x onerror=alert(1)> Scanstraße im \ue000Keller\ue001.")

    page = search_page(member_client, "Scanstraße")

    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt; Scanstraße" in page
    # PostgreSQL leaves tags it recognizes out of snippets; everything else is escaped, and
    # only the search marks words (the marker characters never come from the text).
    assert ("<mark>Scanstraße</mark> · Vorsicht &lt;img src=x onerror=alert(1)&gt; "
            "<mark>Scanstraße</mark> im Keller</p>") in page
    assert page.count("<mark>") == 2


def test_search_marks_words_found_through_a_compound_part(member_client, reader):
    _article(reader, "Bauantrag digital", summary="Seit Mai online.",
             body="Der Bauantrag 'kommt' & Bauanträge ebenso; Wohngeldantrag folgt. "
                  "Ein Bauamt prüft.")

    page = search_page(member_client, "Antrag")

    assert titles(page) == ["Bauantrag digital"]
    # The compound words are marked, the part of "Bauamt" is no "Antrag"; the text around
    # stays escaped.
    assert ("Seit Mai online. · Der <mark>Bauantrag</mark> &#x27;kommt&#x27; &amp; "
            "<mark>Bauanträge</mark> ebenso; <mark>Wohngeldantrag</mark> folgt. "
            "Ein Bauamt</p>") in page
    assert page.count("<mark>") == 3


def test_search_marks_compound_parts_of_every_query_word_but_not_excluded_ones(
        member_client, reader):
    _article(reader, "Posteingang", body="Das Bauamt scannt jeden Bauantrag am selben Tag.")

    one = search_page(member_client, "Amt -Glasfaser")
    both = search_page(member_client, "Amt Antrag")

    assert "Das <mark>Bauamt</mark> scannt jeden Bauantrag am selben Tag" in one
    assert query_words('Amt -Antrag OR "E-Akte"') == ["Amt", "E", "Akte"]
    assert "Das <mark>Bauamt</mark> scannt jeden <mark>Bauantrag</mark> am" in both


def test_search_filters_by_kind_with_counts(member_client, reader, administration):
    _article(reader, "Glasfaser für Schulen")
    _article(reader, "Glasfaser im Gewerbegebiet")
    document = document_make(uploaded_by=reader, title="Glasfaser-Ausbauplan")
    JointProject.objects.create(title="Glasfaser gemeinsam ausschreiben", slug="glasfaser",
                                lead=administration, goal="Ein Rahmenvertrag für alle.")

    page = search_page(member_client, "Glasfaser")
    assert status(page) == "4 Treffer für „Glasfaser“."
    assert 'aria-current="page">Alle <span class="search-kinds__count">(4)</span>' in page
    assert ">Artikel <span class=\"search-kinds__count\">(2)</span></a>" in page
    assert ">Dokumente <span class=\"search-kinds__count\">(1)</span></a>" in page
    assert ">Projekte <span class=\"search-kinds__count\">(1)</span></a>" in page
    # Kinds without hits are no links.
    assert '<span class="search-kinds__empty">Sitzungen <span class="search-kinds__count">' \
           '(0)</span></span>' in page

    page = search_page(member_client, "Glasfaser", art="document")
    assert titles(page) == ["Glasfaser-Ausbauplan"]
    assert status(page) == "1 Treffer der Art „Dokument“ für „Glasfaser“."
    assert 'aria-current="page">Dokumente' in page
    assert links(page) == [f"/wissen/dokumente/{document.pk}/"]


def test_search_paginates_twenty_per_page(member_client, reader):
    for number in range(25):
        _article(reader, f"Fortbildung Nummer {number:02d}")

    first = search_page(member_client, "Fortbildung")
    second = search_page(member_client, "Fortbildung", page=2)

    assert status(first) == "25 Treffer für „Fortbildung“, hier 1 bis 20."
    assert status(second) == "25 Treffer für „Fortbildung“, hier 21 bis 25."
    assert len(titles(first)) == 20
    assert len(titles(second)) == 5
    assert set(titles(first)) | set(titles(second)) == {
        f"Fortbildung Nummer {number:02d}" for number in range(25)}
    assert "Seite 2 von 2" in second
    assert 'rel="prev"' in second


def test_search_page_shows_type_date_and_link(member_client, reader):
    article = _article(reader, "Videokonferenzen im Kreistag")

    page = search_page(member_client, "Videokonferenz")

    assert links(page) == [f"/wissen/artikel/{article.slug}/"]
    assert '<span class="search-result__kind">Artikel</span> · geändert am ' \
           f'{article.updated_at.astimezone().strftime("%d.%m.%Y")}' in page


def test_search_without_query_asks_for_a_word(client):
    for query in ("", "   "):
        page = search_page(client, query)
        assert "Geben Sie einen Suchbegriff ein" in page
        assert 'role="status"' not in page


def test_search_of_stop_words_only_explains_why(member_client, reader):
    _article(reader, "Der Rat und die Verwaltung")

    page = search_page(member_client, "der und die")

    assert "„der und die“ besteht nur aus sehr häufigen Wörtern wie „und“ oder „der“" in page
    assert titles(page) == []


def test_search_without_hits_says_so(member_client, reader):
    _article(reader, "E-Akte")

    page = search_page(member_client, "Hundesteuer")

    assert status(page) == "0 Treffer für „Hundesteuer“."
    assert "Versuchen Sie ein anderes oder allgemeineres Wort" in page


def test_search_accepts_websearch_syntax(member_client, reader):
    _article(reader, "Scannen im Posteingang", body="Die Akten werden gescannt.")
    _article(reader, "Scannen im Archiv", body="Alte Akten werden gescannt.")
    _article(reader, "Ratsarbeit", body="Papierlose Sitzungen.")

    assert found(member_client, "scannen -Archiv") == ["Scannen im Posteingang"]
    assert sorted(found(member_client, "Archiv OR Ratsarbeit")) == [
        "Ratsarbeit", "Scannen im Archiv"]
    assert found(member_client, '"alte Akten"') == ["Scannen im Archiv"]


def test_search_page_queries_do_not_grow_with_hits(member_client, reader,
                                                   django_assert_num_queries):
    _article(reader, "Webseminar zur E-Akte")
    search_page(member_client, "Webseminar")  # warm up: session, word list
    with CaptureQueriesContext(connection) as one:
        page = search_page(member_client, "Webseminar")
    assert len(titles(page)) == 1

    for number in range(29):
        _article(reader, f"Webseminar Nummer {number}")
    with django_assert_num_queries(len(one.captured_queries)):
        page = search_page(member_client, "Webseminar")
    assert len(titles(page)) == 20
    assert status(page) == "30 Treffer für „Webseminar“, hier 1 bis 20."


def test_search_selector_counts_and_pages(reader):
    for number in range(3):
        _article(reader, f"Haushalt {number}")
    document_make(uploaded_by=reader, title="Haushaltsplan")

    results = search_results(query="Haushalt", user=reader, kind="article", page=1)

    assert results.total == 3
    assert {count.kind: count.count for count in results.counts} == {
        "article": 3, "document": 1, "meeting": 0, "project": 0, "poll": 0, "member": 0}
    assert [row.kind for row in results.page.object_list] == ["article"] * 3
    assert search_results(query="Haushalt", user=AnonymousUser()).total == 0


def test_search_page_for_visitors_says_what_they_search(client):
    page = search_page(client, "")

    assert "Sie durchsuchen die öffentlichen Inhalte." in page
    assert "Melden Sie sich an, um auch interne Inhalte zu finden." in page


def test_search_finds_public_article_for_visitors(client, reader):
    _article(reader, "Open Data im Landkreis", visibility=Visibility.PUBLIC)

    assert found(client, "Data") == ["Open Data im Landkreis"]


def _setting(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


def test_search_leaves_planner_settings_of_the_callers_transaction(reader):
    _article(reader, "E-Akte")
    parallel = _setting("max_parallel_workers_per_gather")

    assert search_results(query="Akte", user=reader).total == 1

    assert _setting("enable_seqscan") == "on"
    assert _setting("max_parallel_workers_per_gather") == parallel


def _counted(queries) -> bool:
    """The search counted hits (the bell's unread count is another COUNT)."""
    table = SearchEntry._meta.db_table
    return any("COUNT(" in query["sql"] and table in query["sql"]
               for query in queries.captured_queries)


def _searched(queries) -> bool:
    table = SearchEntry._meta.db_table
    return any(table in query["sql"] for query in queries.captured_queries)


def test_search_counts_and_pages_are_cached_until_the_next_write(
        settings, client, member_client, reader, django_capture_on_commit_callbacks):
    settings.VISITOR_CACHE_SECONDS = 600
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _article(reader, "Webseminar zur E-Akte")
    search_page(member_client, "Webseminar")  # counts into the cache

    with CaptureQueriesContext(connection) as cached:
        page = search_page(member_client, "Webseminar")
    assert titles(page) == ["Webseminar zur E-Akte"] and not _counted(cached)
    assert not _searched(cached)  # the page of results too
    # Per audience: the members' count is not the visitors'.
    assert found(client, "Webseminar") == []
    assert status(search_page(client, "Webseminar")) == "0 Treffer für „Webseminar“."

    with django_capture_on_commit_callbacks(execute=True):
        _article(reader, "Webseminar Nummer 2", visibility=Visibility.PUBLIC)
    with CaptureQueriesContext(connection) as fresh:
        page = search_page(member_client, "Webseminar")

    assert _counted(fresh) and _searched(fresh)
    assert sorted(titles(page)) == ["Webseminar Nummer 2", "Webseminar zur E-Akte"]
    assert status(page) == "2 Treffer für „Webseminar“."
    assert found(client, "Webseminar") == ["Webseminar Nummer 2"]
    cache.clear()


def _one_of_each_kind(reader, group, n: int) -> None:
    """One hit of every kind for "Webseminar", visible to visitors too."""
    _article(reader, f"Webseminar Artikel {n}", visibility=Visibility.PUBLIC)
    document_make(uploaded_by=reader, title=f"Webseminar Dokument {n}",
                  visibility=Visibility.PUBLIC)
    make_meeting(group, days=10 + n, title=f"Webseminar Sitzung {n}")
    JointProject.objects.create(title=f"Webseminar Projekt {n}", slug=f"webseminar-{n}",
                                goal="Gemeinsam lernen.", lead=reader.administration)
    make_administration(f"webseminar-{n}", name=f"Webseminar Verwaltung {n}")


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_search_page_queries_do_not_grow_with_hits_of_any_kind(
        client, member_client, reader, administration, role, django_assert_num_queries):
    browser = member_client if role == "member" else client
    # Visitors find an invited meeting under its group's name, never its internal title.
    group = make_group(administration, slug="ag-webseminare", name="AG Webseminare")
    _one_of_each_kind(reader, group, 0)
    search_page(browser, "Webseminar")  # warm up: session, word list
    with CaptureQueriesContext(connection) as one:
        page = search_page(browser, "Webseminar")
    assert status(page) == "5 Treffer für „Webseminar“."

    for n in (1, 2):
        _one_of_each_kind(reader, group, n)
    with django_assert_num_queries(len(one.captured_queries)):
        page = search_page(browser, "Webseminar")

    assert status(page) == "15 Treffer für „Webseminar“."
    shown = titles(page)
    assert "Webseminar Verwaltung 2" in shown and "Webseminar Projekt 2" in shown
    assert ("Webseminar Sitzung 2" in shown) is (role == "member")


@pytest.mark.parametrize(("query", "expected"), [
    ('"elektronische Akte"', ["Die elektronische Akte"]),
    ('"elektronische Akte" Kreistag', []),
    ('"elektronische Akte" OR Glasfaser', ["Die elektronische Akte", "Glasfaserausbau"]),
    ('Akte -"elektronische Akte"', ["Akte und Elektronik"]),
])
def test_phrase_search_finds_the_words_next_to_each_other_only(member_client, reader, query,
                                                                expected):
    _article(reader, "Die elektronische Akte", body="Seit 2024 arbeiten wir mit der "
             "elektronischen Akte im ganzen Haus.")
    _article(reader, "Akte und Elektronik", body="Die Akte liegt bei der elektronischen "
             "Poststelle.")  # both words, but not as the phrase
    _article(reader, "Glasfaserausbau", body="Kein passendes Wort.")

    assert sorted(found(member_client, query)) == sorted(expected)


def test_phrase_search_reads_the_word_pairs_of_the_index(reader):
    _article(reader, "Die elektronische Akte", body="Die elektronische Akte im Kreishaus.")

    with CaptureQueriesContext(connection) as queries:
        results = search_results(query='"elektronische Akte"', user=reader)

    assert results.total == 1
    assert any("'elektron akt'" in str(q["sql"]) or "elektron akt" in str(q["sql"])
               for q in queries.captured_queries)
