"""What projects shows on other pages (the dashboard's open surveys, the administration
page's statuses), and the projects pages that knowledge adds sections to
(common.sections)."""

import rules

from common.sections import DASHBOARD, Page
from members.sections import ADMINISTRATION_PAGE

from .statuses.selectors import member_statuses
from .surveys.selectors import survey_rounds_open_for

# The joint project page and the topic page: knowledge adds the linked articles and
# documents, the articles on the topic.
JOINT_PROJECT_PAGE = Page("projects.joint_project")
TOPIC_PAGE = Page("projects.topic")


def _administration_statuses(user, administration) -> dict:
    # Statuses are internal: visitors get none, not just a hidden table.
    if not rules.has_perm("projects.view_statuses", user):
        return {"statuses": None}
    can_edit = rules.has_perm("projects.change_status", user, administration)
    return {"statuses": member_statuses(administration=administration,
                                        with_missing_topics=can_edit)}


def register() -> None:
    """Called once from ProjectsConfig.ready()."""
    DASHBOARD.add_section(
        key="surveys", order=30, template="projects/_dashboard_surveys.html",
        context=lambda user, _obj: {"open_surveys": survey_rounds_open_for(user)})
    ADMINISTRATION_PAGE.add_section(
        key="statuses", order=10, template="projects/_administration_statuses.html",
        context=_administration_statuses)
