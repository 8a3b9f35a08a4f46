"""Deciding what of a meeting's records is public (issue 16): the coordination office's
decision, in any state of the meeting (it changes no content of the minutes, only who may
read the parts that selectors.public names)."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from common.permissions import permission_check
from members.models import User

from ..models import Meeting


def meeting_records_publish(*, meeting: Meeting, public: bool, item_ids: Iterable[int],
                            by: User) -> Meeting:
    """Set "Öffentliche Sitzungsdaten" and which agenda items are public. The meeting
    counts as changed (OParl's `modified`) when anything changed; the first publication
    is kept (from then on OParl answers `deleted: true` for what is withdrawn)."""
    permission_check(by, "meetings.publish_records", meeting)
    chosen = set(item_ids)
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        changed = meeting.public_records != public
        for item in meeting.agenda_items.all():
            if item.public != (item.pk in chosen):
                item.public = item.pk in chosen
                item.save(update_fields=["public", "updated_at"])
                changed = True
        if changed:
            meeting.public_records = public
            if public and meeting.public_records_at is None:
                meeting.public_records_at = timezone.now()
            meeting.save(update_fields=["public_records", "public_records_at", "updated_at"])
    return meeting
