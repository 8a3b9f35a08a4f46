"""Creating and editing a working group, with the days its reminders go out."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm
from common.phrases import SLUG_TAKEN, slug_help
from common.slugs import clean_slug
from members.models import Administration

from ..models import WorkingGroup

MAX_REMINDER_DAYS = 365


class ReminderDaysField(forms.CharField):
    """Days before a meeting as "14,1"; stored as a list of numbers, largest first."""

    default_error_messages = {
        "invalid": _("Bitte Tage als Zahlen, durch Komma getrennt, z. B. 14,1."),
        "too_far": _("Erinnerungen sind höchstens %(max)s Tage vor einer Sitzung möglich."),
    }

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ",".join(str(day) for day in value)
        return value

    def to_python(self, value) -> list[int]:
        text = super().to_python(value)
        parts = [part.strip() for part in text.split(",") if part.strip()]
        if not all(re.fullmatch(r"[0-9]+", part) for part in parts):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        days = sorted({int(part) for part in parts}, reverse=True)
        if days and days[0] > MAX_REMINDER_DAYS:
            raise forms.ValidationError(self.error_messages["too_far"], code="too_far",
                                        params={"max": MAX_REMINDER_DAYS})
        return days


class WorkingGroupForm(ModelForm):
    reminder_days = ReminderDaysField(
        label=_("Erinnerungen (Tage vorher)"), required=False,
        help_text=_("Wie viele Tage vor einer Sitzung erinnert wird, z. B. 14,1. "
                    "Leer lassen für keine Erinnerungen."),
    )

    class Meta:
        model = WorkingGroup
        fields = ["name", "slug", "purpose", "cadence", "coordinating_administration", "members",
                  "reminder_days"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "members": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "slug": {"unique": SLUG_TAKEN},
        }
        help_texts = {
            "slug": slug_help("e-akte"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = Administration.objects.current().order_by("name")
        self.fields["members"].queryset = current
        # A coordinating office that has since left stays selectable until it is replaced.
        self.fields["coordinating_administration"].queryset = current | (
            Administration.objects.filter(pk=self.instance.coordinating_administration_id))
        self.fields["slug"].required = False

    def clean_slug(self) -> str:
        return clean_slug(self.cleaned_data["slug"])
