"""What knowledge shows on the pages of lower floors (common.sections): the dashboard's
new articles, an administration's contributions, the articles and documents linked to a
meeting or a joint project, and the latest articles on a topic."""

from django.utils.translation import gettext_lazy as _

from common.sections import DASHBOARD
from meetings.sections import MEETING_PAGE
from members.sections import ADMINISTRATION_PAGE
from projects.sections import JOINT_PROJECT_PAGE, TOPIC_PAGE

from .selectors import articles_newest
from .selectors_documents import (
    articles_of_topic,
    contributions_of,
    linked_articles,
    linked_documents,
)


def _linked(heading, field: str, add_param: str, add_value):
    """Context of a "knowledge linked here" section: the articles and documents linked
    through `field` that the user may open (two queries), and the address parameter that
    pre-links a new upload to the page's object."""
    def context(user, obj) -> dict:
        return {"heading": heading,
                "articles": list(linked_articles(user).filter(**{field: obj})),
                "documents": list(linked_documents(user).filter(**{field: obj})),
                "add_param": add_param, "add_value": add_value(obj)}
    return context


def register() -> None:
    """Called once from KnowledgeConfig.ready()."""
    DASHBOARD.add_section(
        key="articles", order=40, template="knowledge/_dashboard_articles.html",
        context=lambda user, _obj: {"new_articles": articles_newest(user)})
    ADMINISTRATION_PAGE.add_section(
        key="knowledge", order=30, template="knowledge/_administration_knowledge.html",
        context=lambda user, administration: {
            "knowledge": contributions_of(administration=administration, user=user)})
    MEETING_PAGE.add_section(
        key="knowledge", order=10, template="knowledge/_linked_knowledge.html",
        context=_linked(_("Wissen zu dieser Sitzung"), "meetings", "sitzung",
                        lambda meeting: meeting.pk))
    JOINT_PROJECT_PAGE.add_section(
        key="knowledge", order=10, template="knowledge/_linked_knowledge.html",
        context=_linked(_("Wissen zum Projekt"), "joint_projects", "projekt",
                        lambda project: project.slug))
    TOPIC_PAGE.add_section(
        key="articles", order=10, template="knowledge/_topic_articles.html",
        context=lambda user, topic: {"topic_articles": articles_of_topic(topic=topic,
                                                                          user=user)})
