"""The registry of search sources (common.search.registry): the apps register their kinds,
labels and result addresses; the core knows none of them."""

import pytest

from common.search.registry import (
    Source,
    search_kind_label,
    search_kinds,
    search_source,
    search_source_register,
    search_sources,
)


def test_apps_register_the_kinds_in_the_order_of_the_type_filter():
    assert search_kinds() == ["article", "document", "meeting", "project", "poll", "member"]
    assert [(str(s.label), str(s.label_plural)) for s in search_sources()] == [
        ("Artikel", "Artikel"), ("Dokument", "Dokumente"), ("Sitzung", "Sitzungen"),
        ("Projekt", "Projekte"), ("Rundfrage", "Rundfragen"), ("Mitglied", "Mitglieder")]
    assert [type(s).__module__ for s in search_sources()] == [
        "knowledge.search", "knowledge.search", "meetings.search", "projects.search",
        "polls.search", "members.search"]


def test_sources_build_the_addresses_of_results():
    assert search_source("article").url(1, "e-akte") == "/wissen/artikel/e-akte/"
    assert search_source("meeting").url(12, "") == "/sitzungen/12/"


def test_unknown_kind_has_its_stored_value_as_label():
    assert search_kind_label("meeting") == "Sitzung"
    assert search_kind_label("gone") == "gone"
    with pytest.raises(KeyError):
        search_source("gone")


def test_a_kind_cannot_be_taken_over_by_another_source():
    class Other(Source):
        kind = "article"

        def queryset(self):
            raise NotImplementedError

        def document(self, obj):
            raise NotImplementedError

        def url(self, object_id, slug):
            raise NotImplementedError

    with pytest.raises(ValueError, match="'article' is already registered by ArticleSource"):
        search_source_register(Other())

    assert type(search_source("article")).__name__ == "ArticleSource"
