"""Action items from a meeting: recorded by the coordination office, ticked off by whoever
is responsible."""

from django.utils import timezone

from common.permissions import permission_check
from members.models import User

from ..enums import ActionItemStatus
from ..models import ActionItem


def action_item_save(*, item: ActionItem, fields: dict, by: User) -> ActionItem:
    permission_check(by, "meetings.change_action_items", item.meeting)
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


def action_item_set_done(*, item: ActionItem, done: bool, by: User) -> ActionItem:
    """The responsible person, the responsible office's editors or coordinators tick it off
    (or open it again)."""
    permission_check(by, "meetings.tick_off_action_item", item)
    item.status = ActionItemStatus.DONE if done else ActionItemStatus.OPEN
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["status", "done_at"])
    return item
