"""What meetings shows on other pages (dashboard panels, the administration page's
meetings), and the meeting page that higher floors add sections to (common.sections)."""

from common.sections import DASHBOARD, Page
from members.sections import ADMINISTRATION_PAGE

from .selectors.dashboard import action_items_open_for, meetings_upcoming_for
from .selectors.meetings import meetings_of_administration

# The meeting page: knowledge adds the articles and documents linked to the meeting.
MEETING_PAGE = Page("meetings.meeting")


def _administration_meetings(user, administration) -> dict:
    # Internal: visitors get an explanation instead of the lists.
    internal = user.has_perm("meetings.view_internals")
    return {"meetings": meetings_of_administration(administration) if internal else None}


def register() -> None:
    """Called once from MeetingsConfig.ready()."""
    DASHBOARD.add_section(
        key="meetings", order=10, template="meetings/_dashboard_meetings.html",
        context=lambda user, _obj: {"upcoming_meetings": meetings_upcoming_for(user)})
    DASHBOARD.add_section(
        key="action_items", order=20, template="meetings/_dashboard_action_items.html",
        context=lambda user, _obj: {"my_action_items": action_items_open_for(user)})
    ADMINISTRATION_PAGE.add_section(
        key="meetings", order=20, template="meetings/_administration_meetings.html",
        context=_administration_meetings)
