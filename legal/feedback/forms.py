"""The contact form ("Barriere melden" / "Kontakt") and the coordination office's form for
the state of a message."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import Form

from ..enums import FeedbackState

MESSAGE_MAX_LENGTH = 5000
PAGE_ERROR = _("Bitte geben Sie eine Adresse dieses Portals an, die mit „/“ beginnt (zum "
               "Beispiel /wissen/), oder lassen Sie das Feld leer.")
HONEYPOT_ERROR = _(
    "Ihre Nachricht wurde nicht gesendet: Dieses Feld muss leer bleiben. Es ist sonst "
    "unsichtbar und wird nur von Programmen ausgefüllt, die Werbung verschicken. Bitte leeren "
    "Sie es und senden Sie das Formular noch einmal.")


def same_site_path(value: str, *, hosts: set[str]) -> str | None:
    """The path of an address on this portal ("/wissen/", or a full address whose host is
    one of `hosts`), without query and fragment; None for anything else."""
    value = (value or "").strip()
    if not value or "\\" in value or any(ord(char) < 32 for char in value):
        return None
    parts = urlsplit(value)
    foreign = parts.scheme not in ("http", "https") or (parts.hostname or "") not in hosts
    if (parts.scheme or parts.netloc) and foreign:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//"):
        return None
    return path


class FeedbackForm(Form):
    page = forms.CharField(
        label=_("Seite, um die es geht"), required=False, max_length=500,
        help_text=_("Die Adresse der Seite auf diesem Portal, zum Beispiel /wissen/. Sie ist "
                    "schon eingetragen, wenn Sie das Formular über den Link am Ende einer Seite "
                    "geöffnet haben."))
    message = forms.CharField(
        label=_("Ihre Nachricht"), max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Bei einer Barriere helfen uns diese Angaben: Was wollten Sie tun? Was ist "
                    "passiert? Welche Hilfsmittel nutzen Sie, zum Beispiel einen Screenreader "
                    "oder eine Vergrößerung?"))
    name = forms.CharField(label=_("Ihr Name"), required=False, max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"), required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Nur nötig, wenn Sie eine Antwort möchten."))
    consent = forms.BooleanField(
        error_messages={"required": _("Bitte bestätigen Sie Ihr Einverständnis. Ohne Ihre "
                                      "Zustimmung können wir die Nachricht nicht bearbeiten.")})
    # The honeypot: invisible (legal.css), out of the tab order; people leave it empty.
    website = forms.CharField(
        label=_("Dieses Feld bitte leer lassen"), required=False, max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    def __init__(self, *args, consent_text: str, hosts: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.hosts = hosts
        self.fields["consent"].label = consent_text

    def clean_page(self) -> str:
        value = self.cleaned_data["page"]
        if not value:
            return ""
        path = same_site_path(value, hosts=self.hosts)
        if path is None:
            raise ValidationError(PAGE_ERROR, code="foreign_page")
        return path

    def clean_website(self) -> str:
        if self.cleaned_data["website"]:
            # Shown with its error from now on, so that a person whose browser filled it
            # can see it and empty it; and reachable by keyboard then.
            self.fields["website"].widget.attrs.pop("tabindex", None)
            raise ValidationError(HONEYPOT_ERROR, code="honeypot")
        return ""

    @property
    def honeypot_filled(self) -> bool:
        return self.has_error("website", code="honeypot")


class FeedbackStateForm(Form):
    state = forms.ChoiceField(label=_("Status"), choices=FeedbackState.choices)
    note = forms.CharField(
        label=_("Interne Notiz"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nur für die Koordinierungsstelle sichtbar, zum Beispiel wer antwortet oder "
                    "was geantwortet wurde."))

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        if current != FeedbackState.NEW:
            # Once someone works on a message it never becomes new again.
            self.fields["state"].choices = [
                choice for choice in FeedbackState.choices if choice[0] != FeedbackState.NEW]
