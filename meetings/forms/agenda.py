"""An agenda item with its links to topics and joint projects."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm

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


class ActionItemsToAgendaForm(Form):
    """Open action items of the working group to put on the agenda (checkboxes)."""

    items = forms.MultipleChoiceField(
        label=_("Offene Aufgaben auf die Tagesordnung setzen"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Jede gewählte Aufgabe wird ein eigener Tagesordnungspunkt mit ihrem Titel, "
                    "der Zuständigkeit und dem Fälligkeitsdatum."),
        error_messages={"required": _("Bitte wählen Sie mindestens eine Aufgabe aus."),
                        "invalid_choice": _("Diese Aufgabe ist nicht mehr offen.")})

    def __init__(self, *args, items, on_agenda: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        # Offered: the items not on the agenda yet. Accepted: every open item, so that a
        # second tab sent after the first adds nothing and shows no error.
        offered = list(items) if self.is_bound else [
            item for item in items if item.pk not in on_agenda]
        self.fields["items"].choices = [(str(item.pk), _label(item)) for item in offered]

    def item_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["items"]]


def _label(item) -> str:
    responsible = item.responsible_user or item.responsible_administration
    label = item.title
    if responsible:
        label += f" – {getattr(responsible, 'name', None) or responsible}"
    if item.due_date:
        label += " " + str(_("(fällig am %(date)s)") % {"date": item.due_date.strftime("%d.%m.%Y")})
    return label
