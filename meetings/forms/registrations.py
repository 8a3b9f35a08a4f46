"""Registering for a meeting (in person or online), and the attendance list."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from members.models import User

from ..enums import AttendanceMode, MeetingFormat
from ..models import Guest, Meeting
from ..selectors.attendance import MATCHES_SHOWN, staff_matching


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


class AttendanceForm(Form):
    attended = forms.MultipleChoiceField(label=_("Anwesend"), required=False,
                                         widget=forms.CheckboxSelectMultiple)
    walk_ins = forms.CharField(
        label=_("Weitere Personen aus dem Netzwerk"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wer ohne Anmeldung gekommen ist (auch Sie selbst): eine Person je Zeile, "
                    "mit E-Mail-Adresse oder Vor- und Nachname. Sie wird als anwesend "
                    "eingetragen."))
    guests_kept = forms.MultipleChoiceField(
        label=_("Gäste"), required=False, widget=forms.CheckboxSelectMultiple,
        help_text=_("Entfernen Sie das Häkchen, um einen Gast aus der Liste zu löschen."))
    guests = forms.CharField(
        label=_("Gäste von außerhalb des Netzwerks"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ein Gast je Zeile: Name, Organisation – zum Beispiel „Erika Mustermann, "
                    "Landesamt für Digitalisierung“. Erfasst werden nur Name und Organisation."))

    def __init__(self, *args, people: list[User], guests: list[Guest] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(p.pk), f"{p} ({p.administration.short_name or p.administration})"
             if p.administration else str(p)) for p in people]
        if guests:
            self.fields["guests_kept"].choices = [(str(g.pk), str(g)) for g in guests]
        else:
            del self.fields["guests_kept"]

    def attended_ids(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["attended"]}

    def guests_kept_ids(self) -> set[int] | None:
        """The guests to keep (None: there were none to choose from)."""
        if "guests_kept" not in self.fields:
            return None
        return {int(pk) for pk in self.cleaned_data.get("guests_kept", [])}

    def clean_walk_ins(self) -> list[int]:
        ids, errors = [], []
        for line in _lines(self.cleaned_data["walk_ins"]):
            people = staff_matching(line)
            if not people:
                errors.append(_("„%(text)s“: Niemand aus den Mitgliedsverwaltungen hat diese "
                                "E-Mail-Adresse oder diesen Namen.") % {"text": _short(line)})
            elif len(people) > 1:
                shown = "; ".join(f"{p} ({p.email})" for p in people[:MATCHES_SHOWN])
                errors.append(_("„%(text)s“ passt auf mehrere Personen: %(people)s. Bitte "
                                "geben Sie die E-Mail-Adresse an.") % {"text": _short(line),
                                                                       "people": shown})
            else:
                ids.append(people[0].pk)
        if errors:
            raise ValidationError(errors)
        return ids

    def clean_guests(self) -> list[tuple[str, str]]:
        guests, errors = [], []
        for line in _lines(self.cleaned_data["guests"]):
            name, _comma, organisation = (part.strip() for part in line.partition(","))
            if not name:
                errors.append(_("„%(text)s“: Bitte zuerst den Namen angeben, dann nach einem "
                                "Komma die Organisation.") % {"text": _short(line)})
            elif len(name) > GUEST_MAX or len(organisation) > GUEST_MAX:
                errors.append(_("„%(text)s“: Name und Organisation haben je höchstens "
                                "%(max)s Zeichen.") % {"text": _short(line), "max": GUEST_MAX})
            else:
                guests.append((name, organisation))
        if errors:
            raise ValidationError(errors)
        return guests


GUEST_MAX = Guest._meta.get_field("name").max_length


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _short(line: str) -> str:
    return line if len(line) <= 80 else line[:79] + "…"
