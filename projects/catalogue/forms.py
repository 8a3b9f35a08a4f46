"""Form of the topic catalogue (coordinators create and change topics)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm
from common.phrases import SLUG_TAKEN, slug_help
from common.slugs import clean_slug

from ..models import Topic


class TopicForm(ModelForm):
    class Meta:
        model = Topic
        fields = ["name", "slug", "group", "description", "order", "is_active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"slug": {"unique": SLUG_TAKEN}}
        help_texts = {
            "slug": slug_help("e-akte"),
            "order": _("Kleinere Zahlen stehen im Bereich weiter vorn."),
            "is_active": _("Inaktive Themen erscheinen nicht mehr in der Übersicht; ihre "
                           "Sachstände bleiben erhalten."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        return clean_slug(self.cleaned_data["slug"])
