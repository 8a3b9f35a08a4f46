"""Documents of a meeting: uploaded by the coordination office, served only to member
staff (never from a public media URL)."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from common.permissions import URLObject, permission_required
from common.phrases import DOCUMENT_UPLOADED

from ..forms.documents import DocumentForm
from ..models import Meeting, MeetingDocument
from ..services.documents import document_add


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.add_document", obj=URLObject(Meeting))
def document_upload(request, meeting):
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document_add(meeting=meeting, title=form.cleaned_data["title"],
                     file=form.cleaned_data["file"], by=request.user)
        messages.success(request, DOCUMENT_UPLOADED)
        return redirect(meeting.get_absolute_url() + "#unterlagen")
    return render(request, "meetings/item_form.html", {
        "meeting": meeting, "form": form, "title": _("Unterlage hochladen"),
        "anchor": "#unterlagen", "multipart": True})


@require_safe
@permission_required("meetings.view_document",
                     obj=URLObject(MeetingDocument, kwarg="document_pk", field="pk"))
def document_download(request, document):
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=document.file.name.rsplit("/", 1)[-1])
