"""Uploading a document for a meeting (size and type checked by common.uploads)."""

from common.forms import ModelForm
from common.uploads import DOCUMENT_HELP, validate_document

from ..models import MeetingDocument


class DocumentForm(ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "file"]
        help_texts = {"file": DOCUMENT_HELP}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_document(upload)
        return upload
