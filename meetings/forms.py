from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from common.uploads import DOCUMENT_HELP, validate_document
from members.models import Administration, User

from .enums import AttendanceMode, MeetingFormat, MinutesState
from .models import ActionItem, AgendaItem, Decision, Meeting, MeetingDocument

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(ModelForm):
    online_link = forms.URLField(
        label=_("Link zur Online-Teilnahme"), required=False, assume_scheme="https",
        help_text=_("Pflichtangabe für Online- und Hybrid-Sitzungen."))

    class Meta:
        model = Meeting
        fields = ["working_group", "title", "starts_at", "ends_at", "format", "host", "location",
                  "online_link", "registration_deadline", "capacity"]
        help_texts = {"location": _("Pflichtangabe für Präsenz- und Hybrid-Sitzungen.")}
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET,
                   "registration_deadline": DATETIME_WIDGET,
                   "location": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = Administration.objects.current()
        if self.instance.pk:
            del self.fields["working_group"]

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
        return cleaned


class CancelForm(Form):
    reason = forms.CharField(label=_("Grund der Absage"), widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Die angemeldeten Personen erhalten ihn per E-Mail."))


class RegistrationForm(Form):
    mode = forms.ChoiceField(label=_("Ich nehme teil"), choices=AttendanceMode.choices,
                             widget=forms.RadioSelect, initial=AttendanceMode.IN_PERSON)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting.format == MeetingFormat.ONLINE:
            self.fields["mode"].choices = [(AttendanceMode.ONLINE, AttendanceMode.ONLINE.label)]
            self.fields["mode"].initial = AttendanceMode.ONLINE
        elif meeting.format == MeetingFormat.IN_PERSON:
            self.fields["mode"].choices = [
                (AttendanceMode.IN_PERSON, AttendanceMode.IN_PERSON.label)]


class AgendaItemForm(ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["title", "description", "presenter", "duration_minutes", "approves_minutes_of",
                  "topics", "projects"]
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


class MinutesForm(Form):
    """Summary, a note per agenda item and, once published, the reason for a correction."""

    summary = forms.CharField(label=_("Zusammenfassung"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, items, published: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"notes_{item.pk}"] = forms.CharField(
                label=_("Notiz zu TOP %(number)s: %(title)s") % {
                    "number": self.items.index(item) + 1, "title": item.title},
                required=False, initial=item.notes, widget=forms.Textarea(attrs={"rows": 4}))
        if published:
            self.fields["correction_reason"] = forms.CharField(
                label=_("Grund der Berichtigung"), max_length=300,
                help_text=_("Das Protokoll ist veröffentlicht; die vorige Fassung bleibt als "
                            "Berichtigung nachvollziehbar."))

    def notes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"notes_{item.pk}"] for item in self.items}


class DecisionForm(ModelForm):
    class Meta:
        model = Decision
        fields = ["agenda_item", "wording", "result", "order"]
        widgets = {"wording": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()


class ActionItemForm(ModelForm):
    class Meta:
        model = ActionItem
        fields = ["title", "description", "responsible_administration", "responsible_user",
                  "due_date", "status"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}),
                   "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        group_members = meeting.working_group.members.all()
        self.fields["responsible_administration"].queryset = group_members
        self.fields["responsible_user"].queryset = User.objects.filter(
            is_active=True, administration__in=group_members).select_related("administration")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("responsible_administration") and not cleaned.get("responsible_user"):
            raise ValidationError(_("Bitte eine zuständige Verwaltung oder Person angeben."))
        return cleaned


class DocumentForm(ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "file"]
        help_texts = {"file": DOCUMENT_HELP}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_document(upload)
        return upload


class AttendanceForm(Form):
    attended = forms.MultipleChoiceField(label=_("Anwesend"), required=False,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, people: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(p.pk), f"{p} ({p.administration.short_name or p.administration})"
             if p.administration else str(p)) for p in people]

    def attended_ids(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["attended"]}
