"""Downloads for the files of the member administrations: the published minutes as PDF,
the attendance list as PDF and as CSV."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from common.permissions import permission_required
from common.tabular import csv_response

from .. import exports
from ..selectors.meetings import meeting_for_page, meeting_with_published_minutes
from ..selectors.public import meeting_with_public_minutes


def download(content, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def filename(meeting, stem: str, extension: str) -> str:
    return f"{stem}-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.{extension}"


@require_safe
@permission_required("meetings.view_internals")
def minutes_pdf(request, pk):
    meeting = get_object_or_404(meeting_with_published_minutes(pk))
    return download(exports.minutes_pdf(meeting), "application/pdf",
                    filename(meeting, "protokoll", "pdf"))


@require_safe
def public_minutes_pdf(request, pk):
    """The public minutes, for anyone, of a meeting with public records and published
    minutes (selectors.public)."""
    meeting = get_object_or_404(meeting_with_public_minutes(pk))
    return download(exports.public_minutes_pdf(meeting), "application/pdf",
                    filename(meeting, "oeffentliches-protokoll", "pdf"))


@require_safe
@permission_required("meetings.view_internals")
def attendance_pdf(request, pk):
    meeting = get_object_or_404(meeting_for_page(pk))
    return download(exports.attendance_pdf(meeting), "application/pdf",
                    filename(meeting, "anwesenheit", "pdf"))


@require_safe
@permission_required("meetings.view_internals")
def attendance_csv(request, pk):
    meeting = get_object_or_404(meeting_for_page(pk))
    header, rows = exports.attendance_table(meeting)
    return csv_response(filename(meeting, "anwesenheit", "csv"), header, rows)
