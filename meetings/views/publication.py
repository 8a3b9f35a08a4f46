"""Which of a meeting's records are public (coordination office, any state)."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.permissions import URLObject, permission_required

from ..forms.publication import PublicRecordsForm
from ..models import Meeting
from ..services.publication import meeting_records_publish
from .form_page import form_page


@require_http_methods(["GET", "HEAD", "POST"])
@permission_required("meetings.publish_records", obj=URLObject(Meeting))
def records_edit(request, meeting):
    form = PublicRecordsForm(request.POST or None, meeting=meeting)
    return form_page(request, meeting, form, _("Öffentliche Sitzungsdaten festlegen"),
                     "#eckdaten", lambda fields: meeting_records_publish(
                         meeting=meeting, public=fields["public_records"],
                         item_ids=fields["public_items"], by=request.user))
