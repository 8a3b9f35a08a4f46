"""The editor of a legal page and the upload form of the sign language video."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.forms import Form

from ..enums import PageKind
from ..video import VIDEO_ACCEPT, validate_captions, validate_video, video_max_mb

BODY_HELP = _(
    "Markdown: Leerzeile für einen neuen Absatz, <code># Abschnitt</code> für eine "
    "Zwischenüberschrift, <code>**fett**</code>, <code>- Punkt</code> für Listen, "
    "<code>[Linktext](https://…)</code> oder <code>[Linktext](/kontakt/)</code> für Links. "
    "HTML wird nicht übernommen.")


class LegalPageForm(Form):
    title = forms.CharField(label=_("Überschrift"), max_length=200)
    body = forms.CharField(label=_("Text (Markdown)"), widget=forms.Textarea(attrs={"rows": 24}),
                           max_length=100_000, help_text=BODY_HELP)
    consent_text = forms.CharField(
        label=_("Einwilligungstext im Kontaktformular"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Der Satz neben dem Ankreuzfeld des Kontaktformulars. Er muss zu dem "
                    "passen, was diese Erklärung über das Kontaktformular sagt."))
    reviewed_on = forms.DateField(
        label=_("Stand (zuletzt überprüft am)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Erscheint unter dem Text. In der Erklärung zur Barrierefreiheit ist es "
                    "das Datum der letzten Überprüfung."))
    message = forms.CharField(
        label=_("Änderungsnotiz"), required=False, max_length=200,
        help_text=_("Was haben Sie geändert? Die Notiz erscheint in der Versionsgeschichte."))
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind != PageKind.PRIVACY:
            del self.fields["consent_text"]

    def page_fields(self) -> dict:
        data = self.cleaned_data
        return {"title": data["title"], "body": data["body"],
                "consent_text": data.get("consent_text", ""),
                "reviewed_on": data["reviewed_on"], "message": data["message"]}


class VideoForm(Form):
    video = forms.FileField(
        label=_("Video in Deutscher Gebärdensprache"), required=False,
        widget=forms.FileInput(attrs={"accept": VIDEO_ACCEPT}))
    captions = forms.FileField(
        label=_("Untertitel (WebVTT)"), required=False,
        widget=forms.FileInput(attrs={"accept": ".vtt"}),
        help_text=_("Optional: eine WebVTT-Datei (.vtt) mit deutschen Untertiteln zum Video."))

    def __init__(self, *args, has_video: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_video = has_video
        self.fields["video"].help_text = _(
            "MP4 oder WebM, höchstens %(limit)s MB. Ein neues Video ersetzt das bisherige."
        ) % {"limit": video_max_mb()}
        self.video_type = ""

    def clean_video(self):
        video = self.cleaned_data.get("video")
        if video:
            self.video_type = validate_video(video)
        return video or None

    def clean_captions(self):
        captions = self.cleaned_data.get("captions")
        if captions:
            validate_captions(captions)
        return captions or None

    def clean(self):
        data = super().clean()
        if "video" in self._errors or "captions" in self._errors:
            return data
        if not data.get("video") and not data.get("captions"):
            raise ValidationError(_("Bitte wählen Sie ein Video oder eine Untertiteldatei aus."),
                                  code="nothing")
        if data.get("captions") and not data.get("video") and not self.has_video:
            self.add_error("captions", _("Bitte laden Sie zuerst das Video hoch (oder beides "
                                         "zusammen)."))
        return data
