"""An agenda item with its links to topics and joint projects."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm

from ..enums import MinutesState
from ..models import AgendaItem, Meeting


class AgendaItemForm(ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "presenter", "duration_minutes", "approves_minutes_of",
                  "topics", "projects", "public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}),
                   "topics": forms.CheckboxSelectMultiple,
                   "projects": forms.CheckboxSelectMultiple}
        help_texts = {"approves_minutes_of": _("Nur für den Punkt „Genehmigung des Protokolls“.")}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approves_minutes_of"].queryset = Meeting.objects.filter(
            working_group=meeting.working_group, starts_at__lt=meeting.starts_at,
            minutes__state=MinutesState.PUBLISHED,
        ).order_by("-starts_at")
