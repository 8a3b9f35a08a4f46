"""Forms of shared documents: upload and change, and the filter of the document list."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from common.uploads import DOCUMENT_ACCEPT, DOCUMENT_HELP, validate_document
from meetings.models import Meeting
from members.models import Administration
from projects.models import JointProject

from ..models import Article, Document
from .selectors import (
    ARTICLE_CHOICES_LIMIT,
    MEETING_CHOICES_LIMIT,
    articles_for_linking,
    joint_projects_for_linking,
    meetings_for_linking,
)


class MeetingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        day = timezone.localtime(obj.starts_at).strftime("%d.%m.%Y")
        return f"{day}: {obj.title} ({obj.working_group.name})"


class DocumentForm(ModelForm):
    """Metadata and links of a document; the file is required when uploading and optional
    (a replacement) when changing. The contributing administration appears only for those
    who may pick it (coordinators)."""

    # Not a model field of the form: the service stores the file and its name and size.
    file = forms.FileField(label=_("Datei"), help_text=DOCUMENT_HELP,
                           widget=forms.FileInput(attrs={"accept": DOCUMENT_ACCEPT}))
    meetings = MeetingChoiceField(label=_("Sitzungen"), queryset=Meeting.objects.none(),
                                  required=False,
                                  widget=forms.SelectMultiple(attrs={"size": 8}))

    field_order = ["title", "file", "description", "reuse_note", "visibility",
                   "administration", "articles", "meetings", "joint_projects"]

    class Meta:
        model = Document
        fields = ["title", "description", "reuse_note", "visibility", "administration",
                  "articles", "meetings", "joint_projects"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "visibility": forms.RadioSelect,
            "articles": forms.SelectMultiple(attrs={"size": 8}),
            "joint_projects": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "description": _("Wofür ist das Dokument gedacht, wer hat es erarbeitet, was ist "
                             "beim Nachnutzen anzupassen?"),
            "visibility": _("Öffentliche Dokumente kann jede und jeder herunterladen, interne "
                            "nur angemeldete Mitglieder des Netzwerks."),
        }

    def __init__(self, *args, may_pick_administration: bool = False,
                 preselected_article: Article | None = None,
                 preselected_meeting: Meeting | None = None,
                 preselected_project: JointProject | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        document = self.instance
        if may_pick_administration:
            current = Administration.objects.current()
            if document.administration_id:
                current = current | Administration.objects.filter(pk=document.administration_id)
            self.fields["administration"].queryset = current.distinct().order_by("name")
            self.fields["administration"].help_text = _(
                "Leer lassen: die Verwaltung der Person, die das Dokument hochlädt.")
        else:
            del self.fields["administration"]
        self.fields["articles"].queryset = articles_for_linking(
            document=document, preselected=preselected_article)
        self.fields["articles"].help_text = _(
            "Zur Auswahl stehen die %(limit)s zuletzt geänderten Artikel und die schon "
            "verknüpften. Mehrere wählen Sie mit gedrückter Strg-Taste aus."
        ) % {"limit": ARTICLE_CHOICES_LIMIT}
        self.fields["meetings"].queryset = meetings_for_linking(
            document=document, preselected=preselected_meeting)
        self.fields["meetings"].help_text = _(
            "Die %(limit)s neuesten Sitzungen, die neuesten zuerst. Sitzungen sehen nur "
            "angemeldete Mitglieder.") % {"limit": MEETING_CHOICES_LIMIT}
        self.fields["joint_projects"].queryset = joint_projects_for_linking()
        if document.pk:
            self.fields["file"].required = False
            self.fields["file"].label = _("Neue Datei")
            self.fields["file"].help_text = _(
                "Nur wählen, wenn die bisherige Datei „%(name)s“ ersetzt werden soll. %(rules)s"
            ) % {"name": escape(document.filename), "rules": DOCUMENT_HELP}  # rendered |safe
        if not self.is_bound:
            if preselected_article is not None:
                self.initial["articles"] = [preselected_article.pk]
            if preselected_meeting is not None:
                self.initial["meetings"] = [preselected_meeting.pk]
            if preselected_project is not None:
                self.initial["joint_projects"] = [preselected_project.pk]

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        if upload:
            validate_document(upload)
        return upload or None


class DocumentFilterForm(Form):
    administration = forms.ModelChoiceField(
        label=_("Beitragende Verwaltung"), queryset=Administration.objects.none(),
        required=False, empty_label=_("alle Verwaltungen"))
    artikel = forms.SlugField(required=False, widget=forms.HiddenInput)
    archiviert = forms.BooleanField(label=_("Nur archivierte Dokumente zeigen"), required=False)

    def __init__(self, *args, administrations, show_archived: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["administration"].queryset = administrations
        if not show_archived:
            del self.fields["archiviert"]

    def values(self) -> dict:
        """The valid filter values; an unknown choice counts as no filter."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"administration": data.get("administration"),
                "article_slug": data.get("artikel") or "",
                "archived": bool(data.get("archiviert"))}
