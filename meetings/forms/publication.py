"""What of a meeting's records is public: the meeting's flag and the agenda items marked
public, in one form (also for meetings whose minutes are published and read-only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form

from ..models import Meeting


class PublicRecordsForm(Form):
    public_records = forms.BooleanField(
        label=_("Öffentliche Sitzungsdaten"), required=False,
        help_text=Meeting._meta.get_field("public_records").help_text)
    public_items = forms.MultipleChoiceField(
        label=_("Öffentliche Tagesordnungspunkte"), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Öffentlich werden Nummer und Titel, nach dem Protokoll die Beschlüsse "
                    "dazu. Beschreibung, vortragende Person und Protokollnotiz bleiben "
                    "intern."))

    def __init__(self, *args, meeting: Meeting, **kwargs):
        items = list(meeting.agenda_items.order_by("order", "pk"))
        kwargs.setdefault("initial", {
            "public_records": meeting.public_records,
            "public_items": [str(item.pk) for item in items if item.public]})
        super().__init__(*args, **kwargs)
        self.fields["public_items"].choices = [
            (str(item.pk), _("TOP %(number)s: %(title)s") % {"number": number,
                                                           "title": item.title})
            for number, item in enumerate(items, start=1)]

    def clean_public_items(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["public_items"]]
