"""Form of the topic catalogue (coordinators create and change topics)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm
from kreishaus.forms import clean_slug

from .models import Topic

# Fixed addresses under /vorhaben/themen/ that a topic's slug must not take.


class TopicForm(ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "group", "description", "order", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"slug": {"unique": _("Diese Kurzadresse ist schon vergeben.")}}
        help_texts = {
            "slug": _("Teil der Adresse, z. B. „e-akte“. Leer lassen, um sie aus dem Namen "
                      "zu bilden."),
            "order": _("Kleinere Zahlen stehen im Bereich weiter vorn."),
            "is_active": _("Inaktive Themen erscheinen nicht mehr in der Übersicht; ihre "
                           "Sachstände bleiben erhalten."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        return clean_slug(self.cleaned_data["slug"],
                          fallback=self.cleaned_data.get("name", ""))
