"""The minutes (summary and a note per agenda item) and a decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm

from ..models import Decision, Meeting

MARKDOWN_HINT = _("Formatierung mit Markdown möglich: **fett**, *kursiv*, Listen mit „- “, "
                  "Überschriften mit „#“.")


class MinutesForm(Form):
    """Summary, a note per agenda item and, once published, the reason for a correction."""

    summary = forms.CharField(label=_("Zusammenfassung"), required=False,
                              help_text=MARKDOWN_HINT, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, items, published: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[f"notes_{item.pk}"] = forms.CharField(
                label=_("Notiz zu TOP %(number)s: %(title)s") % {
                    "number": self.items.index(item) + 1, "title": item.title},
                required=False, initial=item.notes, help_text=MARKDOWN_HINT,
                widget=forms.Textarea(attrs={"rows": 4}))
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
        help_texts = {"wording": MARKDOWN_HINT}

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda_items.all()
