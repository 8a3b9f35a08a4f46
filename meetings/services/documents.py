"""Documents of a meeting (slides, templates), uploaded by the coordination office."""

from common.permissions import permission_check
from members.models import User

from ..models import Meeting, MeetingDocument


def document_add(*, meeting: Meeting, title: str, file, by: User) -> MeetingDocument:
    """Store an upload that the form has checked (size, type) for the meeting."""
    permission_check(by, "meetings.add_document", meeting)
    return MeetingDocument.objects.create(meeting=meeting, title=title, file=file,
                                          uploaded_by=by)
