"""The meeting form, the cancellation reason, and agenda items taken over from an earlier
meeting."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from members.models import Administration

from ..enums import MeetingFormat, MeetingState
from ..models import Meeting, WorkingGroup

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


PAST_HELP = _("Neue Sitzungen liegen in der Zukunft. Frühere Sitzungen (etwa beim Nachtragen "
               "der Historie) lassen sich nur als „Bereits stattgefunden“ anlegen.")


class MeetingForm(ModelForm):
    online_link = forms.URLField(
        label=_("Link zur Online-Teilnahme"), required=False, assume_scheme="https",
        help_text=_("Pflichtangabe für Online- und Hybrid-Sitzungen."))
    # Empty is unlimited; 0 places is refused (the database refuses it too).
    capacity = forms.IntegerField(
        label=_("Plätze"), required=False, min_value=1,
        help_text=_("Leer lassen für unbegrenzt; sonst mindestens 1."),
        error_messages={"min_value": _("Bitte mindestens 1 Platz angeben oder das Feld leer "
                                       "lassen, wenn die Plätze nicht begrenzt sind.")})

    class Meta:
        model = Meeting
        fields = ["working_group", "title", "starts_at", "ends_at", "format", "host", "location",
                  "online_link", "registration_deadline", "capacity", "public_records"]
        help_texts = {"location": _("Pflichtangabe für Präsenz- und Hybrid-Sitzungen.")}
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET,
                   "registration_deadline": DATETIME_WIDGET,
                   "location": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = Administration.objects.current()
        # Required only for some formats: the label says for which instead of "optional"
        # (templates/forms/field.html), the server checks it in clean().
        self.fields["location"].required_when = _("Pflichtangabe bei Präsenz und hybrid")
        self.fields["online_link"].required_when = _("Pflichtangabe bei online und hybrid")
        if self.instance.pk:
            del self.fields["working_group"]
        else:
            self.fields["starts_at"].help_text = PAST_HELP
            self.fields["held"] = forms.BooleanField(
                label=_("Bereits stattgefunden (frühere Sitzung nachtragen)"), required=False,
                help_text=_("Nur für Sitzungen in der Vergangenheit: Sie werden gleich als "
                            "stattgefunden erfasst, ohne Einladung und Anmeldung."))
            self.order_fields([*self.Meta.fields[:4], "held"])

    def meeting_fields(self) -> dict:
        """The cleaned values for meeting_save; "held" becomes the state of a new meeting."""
        fields = {name: self.cleaned_data[name] for name in self.fields if name != "held"}
        if self.cleaned_data.get("held"):
            fields["state"] = MeetingState.HELD
        return fields

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        deadline, fmt = cleaned.get("registration_deadline"), cleaned.get("format")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("Das Ende muss nach dem Beginn liegen."))
        if starts and deadline and deadline > starts:
            self.add_error("registration_deadline",
                           _("Der Anmeldeschluss muss vor dem Beginn der Sitzung liegen."))
        if fmt in (MeetingFormat.ONLINE, MeetingFormat.HYBRID) and not cleaned.get("online_link"):
            self.add_error("online_link", _("Für Online- und Hybrid-Sitzungen bitte den Link "
                                            "zur Teilnahme angeben."))
        if fmt in (MeetingFormat.IN_PERSON, MeetingFormat.HYBRID) and not cleaned.get("location"):
            self.add_error("location", _("Für Präsenz- und Hybrid-Sitzungen bitte den Ort "
                                         "angeben."))
        if "held" in self.fields and starts:
            past = starts <= timezone.now()
            if past and not cleaned.get("held"):
                self.add_error("starts_at", _(
                    "Der Beginn liegt in der Vergangenheit. Eine frühere Sitzung lässt sich "
                    "nur nachtragen: Bitte „Bereits stattgefunden“ ankreuzen oder einen "
                    "künftigen Termin wählen."))
            if not past and cleaned.get("held"):
                self.add_error("held", _("Eine Sitzung, die noch nicht begonnen hat, kann nicht "
                                         "als stattgefunden erfasst werden."))
        return cleaned


class CancelForm(Form):
    reason = forms.CharField(label=_("Grund der Absage"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Die angemeldeten Personen erhalten ihn per E-Mail."))


class CarryOverForm(Form):
    """Agenda items of the previous meeting to take over into the new one."""

    items = forms.MultipleChoiceField(
        label=_("Tagesordnungspunkte übernehmen"), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Offene Aufgaben der Arbeitsgruppe erscheinen ohnehin auf der neuen "
                    "Sitzung."))

    def __init__(self, *args, source: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = [(str(i.pk), i.title) for i in source.agenda_items.all()]

    def item_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["items"]]


class PlanForGroupForm(Form):
    """"Sitzung anlegen" for a working group (a GET form): the meeting form then starts
    with the planning help of that group."""

    gruppe = forms.ModelChoiceField(
        label=_("Arbeitsgruppe"), queryset=WorkingGroup.objects.order_by("name"),
        to_field_name="slug", empty_label=None,
        help_text=_("Das Formular beginnt mit dem nächsten Termin nach dem Turnus, dem "
                    "vorgeschlagenen Gastgeber und dessen Anschrift; alles lässt sich ändern."))
