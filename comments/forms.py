"""The comment form and the coordination office's form to hide a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form

from .models import BODY_MAX_LENGTH, HIDE_REASON_MAX_LENGTH


class CommentForm(Form):
    body = forms.CharField(
        label=_("Ihr Kommentar"), max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Markdown ist möglich (z. B. **fett**, Listen, Links). Mit @ und dem "
                    "Kurznamen einer Verwaltung (z. B. @MYK) erwähnen Sie sie; ihre Redaktion "
                    "wird benachrichtigt. Höchstens 5000 Zeichen."),
        error_messages={"required": _("Bitte schreiben Sie einen Kommentar.")})


class CommentHideForm(Form):
    reason = forms.CharField(
        label=_("Grund"), max_length=HIDE_REASON_MAX_LENGTH,
        help_text=_("Wird allen angezeigt, die die Seite sehen, anstelle des Kommentars."),
        error_messages={"required": _("Bitte nennen Sie einen Grund.")})
