import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from members.models import Administration

from .models import Meeting, WorkingGroup


def _years(request=None):
    dates = Meeting.objects.dates("starts_at", "year", order="DESC")
    return [(d.year, str(d.year)) for d in dates]


class MeetingFilter(django_filters.FilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Zeitraum"), method="filter_period", empty_label=_("alle"),
        choices=[("upcoming", _("anstehend")), ("past", _("vergangen"))],
    )
    working_group = django_filters.ModelChoiceFilter(
        label=_("Arbeitsgruppe"), queryset=WorkingGroup.objects.order_by("name"),
        empty_label=_("alle"),
    )
    year = django_filters.ChoiceFilter(
        label=_("Jahr"), field_name="starts_at", lookup_expr="year", choices=_years,
        empty_label=_("alle"),
    )
    host = django_filters.ModelChoiceFilter(
        label=_("Gastgeber"), empty_label=_("alle"),
        queryset=Administration.objects.filter(hosted_meetings__isnull=False).distinct()
        .order_by("name"),
    )

    class Meta:
        model = Meeting
        form = Form  # the input rules of common.forms
        fields = ["period", "working_group", "year", "host"]

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now).order_by("starts_at")
        if value == "past":
            return queryset.filter(ends_at__lt=now)
        return queryset
