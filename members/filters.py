"""The filters of the member directory (text, kind, federal state, parent, former members).

Every field is a text field or a short list: at national scale there are thousands of
Kreise and Verbandsgemeinden a member can belong to, so "Gehört zu" is searched by name.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from common.params import int_param

from .enums import AdministrationKind, FederalState
from .models import Administration


class AdministrationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Suche"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=AdministrationKind.choices, empty_label=_("alle Arten")
    )
    federal_state = django_filters.ChoiceFilter(
        label=_("Bundesland"), choices=FederalState.choices, empty_label=_("alle Länder")
    )
    parent = django_filters.CharFilter(
        label=_("Gehört zu"), method="filter_parent",
        help_text=_("Name des Kreises oder der Verbandsgemeinde, z. B. „Mayen-Koblenz“"),
    )
    former = django_filters.BooleanFilter(
        label=_("Ehemalige Mitglieder einbeziehen"), method="filter_former",
        widget=django_filters.widgets.forms.CheckboxInput,
    )
    sort = django_filters.OrderingFilter(
        label=_("Sortierung"), empty_label=None, null_label=None,
        fields=[("name", "name"), ("population", "population"),
                ("membership_number", "membership_number")],
        field_labels={"name": _("Name"), "population": _("Einwohnerzahl"),
                      "membership_number": _("Beitritt")},
    )

    class Meta:
        model = Administration
        form = Form  # the input rules of common.forms
        fields = ["q", "kind", "federal_state", "parent", "former"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(short_name__iexact=value) | Q(seat__icontains=value)
            | Q(regional_key__startswith=value)
        )

    def filter_parent(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        # A number is the id of the parent (addresses written before this was a text field).
        parent_id = int_param(value, minimum=1)
        if parent_id is not None:
            return queryset.filter(parent_id=parent_id)
        return queryset.filter(Q(parent__name__icontains=value)
                               | Q(parent__short_name__iexact=value))

    def filter_former(self, queryset, name, value):
        return queryset.ever_members() if value else queryset.current()

    @property
    def qs(self):
        queryset = super().qs
        if not getattr(self.form, "cleaned_data", {}).get("sort"):
            queryset = queryset.order_by("name")
        return queryset
