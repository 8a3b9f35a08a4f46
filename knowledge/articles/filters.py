"""The filter of the knowledge start page (GET parameters in German, values are slugs).

Every field is a text field or a short list: at national scale any of the 11,000 members
may contribute articles, so "Beitragende Verwaltung" is searched by name (a select with a
few hundred contributors alone took most of the page's time to render). The selects render
in Python (common.forms.Select), not one template per option.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.forms import Form, Select
from projects.models import Topic

from ..models import Article, Category
from .selectors import article_tags


def _tags(request=None):
    return article_tags()


def _topics(request=None):
    return Topic.objects.filter(is_active=True).only("pk", "name", "slug", "group", "order")


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Stichwort in Titel oder Zusammenfassung"),
                                  method="filter_text")
    kategorie = django_filters.ModelChoiceFilter(
        label=_("Kategorie"), field_name="category", to_field_name="slug",
        queryset=Category.objects.order_by("position", "name"), empty_label=_("alle Kategorien"),
        widget=Select)
    schlagwort = django_filters.ModelChoiceFilter(
        label=_("Schlagwort"), field_name="tags", to_field_name="slug", queryset=_tags,
        empty_label=_("alle Schlagwörter"), widget=Select)
    verwaltung = django_filters.CharFilter(
        label=_("Beitragende Verwaltung"), method="filter_administration",
        help_text=_("Name der Verwaltung, z. B. „Neuwied“"))
    thema = django_filters.ModelChoiceFilter(
        label=_("Thema"), field_name="topics", to_field_name="slug", queryset=_topics,
        empty_label=_("alle Themen"), widget=Select)

    class Meta:
        model = Article
        form = Form  # the input rules of common.forms
        fields = ["q", "kategorie", "schlagwort", "verwaltung", "thema"]

    def filter_text(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return queryset

    def filter_administration(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # The administration's slug is what its page links to (addresses written before
        # this was a text field use it too).
        return queryset.filter(Q(administration__slug=value)
                               | Q(administration__name__icontains=value)
                               | Q(administration__short_name__iexact=value))

    @property
    def is_active(self) -> bool:
        """Whether any filter has a value (the page then says how many articles match)."""
        return any(self.data.get(name) for name in self.filters)
