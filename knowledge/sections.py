"""What knowledge shows on the pages of lower floors (common.sections): the dashboard's
new articles, an administration's contributions, the articles and documents linked to a
meeting or a joint project, and the latest articles on a topic; with the reads that fill
them, each in a constant number of queries and scoped by who asks."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from common.sections import DASHBOARD
from meetings.sections import MEETING_PAGE
from members.models import Administration
from members.sections import ADMINISTRATION_PAGE
from projects.models import Topic
from projects.sections import JOINT_PROJECT_PAGE, TOPIC_PAGE

from .articles.selectors import articles_newest
from .documents.selectors import documents_visible_to, with_file_type
from .models import Article, Document

CONTRIBUTIONS_LIMIT = 10
TOPIC_ARTICLES_LIMIT = 20


def linked_articles(user) -> QuerySet[Article]:
    """Articles linked to a meeting or project: those the user may open, not archived, by
    title."""
    return (Article.objects.listed_for(user).select_related("administration")
            .order_by("title", "pk"))


def linked_documents(user) -> QuerySet[Document]:
    """Documents linked to a meeting or project, like linked_articles()."""
    return (with_file_type(Document.objects.listed_for(user)).select_related("administration")
            .order_by("title", "pk"))


@dataclass(frozen=True)
class Shortlist:
    """The first items of a longer list, and whether there are more than shown."""

    items: list
    more: bool


def _shortlist(queryset: QuerySet, limit: int) -> Shortlist:
    rows = list(queryset[:limit + 1])  # one extra row tells whether there are more
    return Shortlist(items=rows[:limit], more=len(rows) > limit)


def articles_of_topic(*, topic: Topic, user) -> Shortlist:
    """The latest changed articles on a topic (not archived), for the topic page."""
    return _shortlist(linked_articles(user).filter(topics=topic)
                      .order_by("-updated_at", "-pk"), TOPIC_ARTICLES_LIMIT)


@dataclass(frozen=True)
class Contributions:
    articles: Shortlist
    documents: Shortlist


def contributions_of(*, administration: Administration, user) -> Contributions:
    """What an administration contributed to the knowledge base, newest first (two queries)."""
    return Contributions(
        articles=_shortlist(linked_articles(user).filter(administration=administration)
                            .order_by("-created_at", "-pk"), CONTRIBUTIONS_LIMIT),
        documents=_shortlist(documents_visible_to(user).filter(
            administration=administration, archived_at__isnull=True)
            .order_by("-created_at", "-pk"), CONTRIBUTIONS_LIMIT))


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
