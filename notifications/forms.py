"""Forms of the notifications app (all through common.forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form

from .enums import Frequency


class FollowForm(Form):
    """The hidden fields of a "Folgen"/"Nicht mehr folgen" button."""

    key = forms.CharField(max_length=100, widget=forms.HiddenInput)
    follow = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1",
                                    widget=forms.HiddenInput)
    next = forms.CharField(max_length=500, required=False, widget=forms.HiddenInput)


class DigestFrequencyField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            # Not required: a settings form sent without it keeps the stored choice.
            choices=Frequency.choices, widget=forms.RadioSelect, required=False,
            label=_("E-Mail-Zusammenfassung Ihrer Benachrichtigungen"),
            help_text=_("Wie oft Sie Neuigkeiten zu Dingen, denen Sie folgen, per E-Mail "
                        "erhalten. Persönliche Benachrichtigungen (z. B. eine Ihnen "
                        "zugewiesene Aufgabe) kommen immer sofort."), **kwargs)


class UnsubscribeForm(Form):
    """The confirmation of the unsubscribe link: no fields, the button confirms."""
