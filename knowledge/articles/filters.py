"""The filter of the knowledge start page (GET parameters in German, values are slugs)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from projects.models import Topic

from ..models import Article, Category
from .selectors import article_contributors, article_tags


def _tags(request=None):
    return article_tags()


def _contributors(request=None):
    return article_contributors()


def _topics(request=None):
    return Topic.objects.filter(is_active=True).only("pk", "name", "slug", "group", "order")


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Stichwort in Titel oder Zusammenfassung"),
                                  method="filter_text")
    kategorie = django_filters.ModelChoiceFilter(
        label=_("Kategorie"), field_name="category", to_field_name="slug",
        queryset=Category.objects.order_by("position", "name"), empty_label=_("alle Kategorien"))
    schlagwort = django_filters.ModelChoiceFilter(
        label=_("Schlagwort"), field_name="tags", to_field_name="slug", queryset=_tags,
        empty_label=_("alle Schlagwörter"))
    verwaltung = django_filters.ModelChoiceFilter(
        label=_("Beitragende Verwaltung"), field_name="administration", to_field_name="slug",
        queryset=_contributors, empty_label=_("alle Verwaltungen"))
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"), field_name="topics", to_field_name="slug", queryset=_topics,
        empty_label=_("alle Themen"))

    class Meta:
        model = Article
        form = Form  # the input rules of common.forms
        fields = ["q", "kategorie", "schlagwort", "verwaltung", "thema"]

    def filter_text(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset

    @property
    def is_active(self) -> bool:
        """Whether any filter has a value (the page then says how many articles match)."""
        return any(self.data.get(name) for name in self.filters)
