"""Registering for a meeting (in person or online), and the attendance list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from members.models import User

from ..enums import AttendanceMode, MeetingFormat
from ..models import Meeting


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

    def __init__(self, *args, people: list[User], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (str(p.pk), f"{p} ({p.administration.short_name or p.administration})"
             if p.administration else str(p)) for p in people]

    def attended_ids(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data["attended"]}
