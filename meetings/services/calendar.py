"""The secret of a person's calendar feed (the feed itself is selectors.calendar and
ical)."""

from common.permissions import permission_check
from members.models import User, new_calendar_token


def calendar_token_regenerate(*, user: User) -> str:
    """Give the person a new feed secret; subscriptions with the old link stop working."""
    permission_check(user, "meetings.subscribe_calendar")
    user.calendar_token = new_calendar_token()
    user.save(update_fields=["calendar_token"])
    return user.calendar_token
