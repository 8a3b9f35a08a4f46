"""The members pages that other apps add sections to (see common.sections).

members knows no app above it; meetings, projects and knowledge register what they show
here in their AppConfig.ready().
"""

from common.sections import DASHBOARD, Page

from .selectors import removal_requests

# The administration page: below its facts, Steckbrief and contacts come the member's
# statuses (projects), meetings (meetings) and knowledge contributions (knowledge).
ADMINISTRATION_PAGE = Page("members.administration")


def _removal_requests(user, _obj) -> dict | None:
    """Coordinators see open account removal requests; nobody else, and not when none."""
    if not user.has_perm("members.view_removal_requests"):
        return None
    requests = list(removal_requests()[:6])
    if not requests:
        return None
    return {"removal_requests": requests[:5], "more_removal_requests": len(requests) > 5}


def register() -> None:
    """Called once from MembersConfig.ready()."""
    DASHBOARD.add_section(key="removal_requests", order=5,
                          template="members/_dashboard_removal_requests.html",
                          context=_removal_requests)
