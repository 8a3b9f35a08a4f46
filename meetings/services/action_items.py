"""Action items from a meeting: recorded by the coordination office, ticked off by whoever
is responsible."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from common.permissions import permission_check
from members.models import User

from ..enums import ActionItemStatus
from ..models import ActionItem
from .meetings import reminders_dispatch_after_commit

# A change of these tells the responsible people (meetings.reminders, action_assigned).
NOTICE_FIELDS = ("responsible_user_id", "responsible_administration_id", "due_date")


def action_item_save(*, item: ActionItem, fields: dict, by: User) -> ActionItem:
    """Record or change an action item. A new responsible person or administration, or a
    new due date, is told to them by mail (once the minutes are published); other edits
    are not."""
    permission_check(by, "meetings.change_action_items", item.meeting)
    with transaction.atomic():
        stored = (ActionItem.objects.select_for_update().filter(pk=item.pk).first()
                  if item.pk else None)
        for name, value in fields.items():
            setattr(item, name, value)
        item.full_clean()
        before = tuple(getattr(stored, name) for name in NOTICE_FIELDS) if stored else None
        changed = before != tuple(getattr(item, name) for name in NOTICE_FIELDS)
        if changed and (item.responsible_user_id or item.responsible_administration_id):
            item.notice_sequence = F("notice_sequence") + 1 if stored else 1
            item.notice_changed_at = timezone.now()
        item.save()
        item.refresh_from_db(fields=["notice_sequence"])
        if changed:
            reminders_dispatch_after_commit()
    return item


def action_item_set_done(*, item: ActionItem, done: bool, by: User) -> ActionItem:
    """The responsible person, the responsible office's editors or coordinators tick it off
    (or open it again)."""
    permission_check(by, "meetings.tick_off_action_item", item)
    item.status = ActionItemStatus.DONE if done else ActionItemStatus.OPEN
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["status", "done_at"])
    return item
