"""Filter forms of the status overview pages."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from common.params import int_param
from meetings.models import WorkingGroup
from members.enums import AdministrationKind
from members.models import Administration

from ..enums import Stage, TopicGroup
from ..models import OzgService, OzgThemenfeld


class MatrixFilter(django_filters.FilterSet):
    """Rows by kind and working group; `group` only chooses the topic columns."""

    kind = django_filters.ChoiceFilter(
        label=_("Art der Verwaltung"), choices=AdministrationKind.choices,
        empty_label=_("alle Arten"))
    working_group = django_filters.ModelChoiceFilter(
        label=_("Arbeitsgruppe"), field_name="working_groups", empty_label=_("alle"),
        queryset=WorkingGroup.objects.order_by("name").only("pk", "name"))
    group = django_filters.ChoiceFilter(
        label=_("Bereich der Themen"), choices=TopicGroup.choices, empty_label=_("alle Bereiche"),
        method="filter_nothing")

    class Meta:
        model = Administration
        form = Form  # the input rules of common.forms
        fields = ["kind", "working_group", "group"]

    def filter_nothing(self, queryset, name, value):
        return queryset

    def export_query(self) -> str:
        """The valid active filters as a query string for the download links, so a
        download holds what the page shows (projects.exchange reads the same names)."""
        self.is_valid()
        data = self.form.cleaned_data
        values = {"group": data.get("group") or "", "kind": data.get("kind") or "",
                  "working_group": data["working_group"].pk if data.get("working_group")
                  else ""}
        return urlencode({name: value for name, value in values.items() if value})

    @property
    def topic_group(self) -> str:
        self.is_valid()  # fills cleaned_data with the valid fields even if others are not
        return self.form.cleaned_data.get("group") or ""


class StatusListFilter(Form):
    """'Wer nutzt dasselbe Produkt?' and 'wer ist so weit?' on topic and service pages."""

    produkt = forms.CharField(label=_("Produkt"), required=False, max_length=200)
    stand = forms.TypedChoiceField(
        label=_("Stand"), required=False, coerce=int, empty_value=None,
        choices=[("", _("alle"))] + Stage.choices)

    def values(self) -> dict:
        self.is_valid()
        return {"product": self.cleaned_data.get("produkt", ""),
                "stage": self.cleaned_data.get("stand")}


class ServiceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche (Name oder OZG-ID)"), method="filter_text")
    themenfeld = django_filters.ModelChoiceFilter(
        label=_("Themenfeld"), queryset=OzgThemenfeld.objects.order_by("number"),
        empty_label=_("alle"))

    class Meta:
        model = OzgService
        form = Form  # the input rules of common.forms
        fields = ["q", "themenfeld"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        ozg_id = int_param(value, minimum=1)
        if ozg_id is not None:
            return queryset.filter(Q(ozg_id=ozg_id) | Q(name__icontains=value))
        return queryset.filter(name__icontains=value) if value else queryset
