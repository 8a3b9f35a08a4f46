"""An action item with the administration or person responsible for it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm
from members.models import User

from ..models import ActionItem, Meeting


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
