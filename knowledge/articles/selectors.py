"""Reads of articles, shaped per page so the query count does not grow with the data."""

from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Exists,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Window,
)
from django.utils import timezone
from taggit.models import Tag

from common.page_cache import until_changed
from meetings.models import Meeting
from members.models import Administration, ContactPerson
from members.rules import is_member_staff
from projects.enums import Stage
from projects.models import JointProject, Status, Topic
from projects.statuses.freshness import status_scopes

from ..categories.selectors import categories_with_counts
from ..documents.selectors import documents_visible_to
from ..models import Article, ArticleRevision, Category, Document
from ..reviews import articles_review_due

REVIEW_QUEUE_SHOWN = 20
# "Wer kann helfen?" names members that run a topic at least as a pilot, the furthest first.
HELPER_MIN_STAGE = Stage.PILOT
HELPERS_SHOWN = 20


def articles_listed_for(user) -> QuerySet[Article]:
    """Articles the user may find in lists, with what a list row shows, newest change first."""
    return (Article.objects.listed_for(user)
            .select_related("category", "administration")
            .prefetch_related("tags")
            .order_by("-updated_at", "-pk"))


def audience(user) -> str:
    """Who sees the same articles: all member staff alike, all others alike."""
    return "members" if is_member_staff(user) else "public"


def articles_listed_count(user) -> int:
    """How many articles the user finds in lists (cached until the next write)."""
    return until_changed(f"knowledge:listed:{audience(user)}",
                         lambda: Article.objects.listed_for(user).count())


def categories_counted(user) -> list[Category]:
    """categories_with_counts(user), cached until the next write (the counts go over every
    article); members and visitors each have their own."""
    return until_changed(f"knowledge:categories:{audience(user)}",
                         lambda: list(categories_with_counts(user)))


def articles_newest(user, *, limit: int = 5) -> list[Article]:
    """The most recently written articles the user may see."""
    return list(Article.objects.listed_for(user).select_related("category")
                .order_by("-created_at", "-pk")[:limit])


def articles_recently_changed(user, *, limit: int = 5) -> list[Article]:
    """The articles whose last save is most recent (a first save counts as a change)."""
    return list(Article.objects.listed_for(user).select_related("category")
                .order_by("-updated_at", "-pk")[:limit])


@dataclass
class ReviewQueue:
    """'Zu prüfen': the articles longest due first (at most REVIEW_QUEUE_SHOWN) and how
    many are due in all."""

    articles: list[Article]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.articles)


def review_queue(*, limit: int | None = None) -> ReviewQueue:
    """The articles due for a check today or earlier, for the coordination office's
    'Zu prüfen' (every article, internal ones too): one query however many are due (the
    total comes along as a window count)."""
    due = articles_review_due(timezone.localdate())
    shown = list(due.select_related("category", "administration", "author")
                 .annotate(total=Window(Count("pk")))[:limit or REVIEW_QUEUE_SHOWN])
    return ReviewQueue(shown, shown[0].total if shown else 0)


def article_tags(user=None) -> QuerySet[Tag]:
    """Tags of the articles the user finds in lists (without a user: of any article), for
    the filter's choices: a tag of an internal article is internal too."""
    articles = Article.objects.all() if user is None else Article.objects.listed_for(user)
    tagged = articles.filter(tags=OuterRef("pk"))
    return Tag.objects.filter(Exists(tagged)).order_by("name")


def _visible_documents(user) -> QuerySet[Document]:
    # The document pages' own scoping and shape (file type, administration), archived left out.
    return documents_visible_to(user).filter(archived_at__isnull=True).order_by("title", "pk")


def articles_for_page(user) -> QuerySet[Article]:
    """The articles the user may open, each with everything its page lists, each list
    reduced to what the user may open itself (the article page picks one by slug)."""
    meetings = (Meeting.objects.visible_to(user).select_related("working_group")
                .order_by("-starts_at", "pk"))
    return (
        Article.objects.visible_to(user)
        .select_related("category", "author", "administration")
        .prefetch_related(
            "tags",
            Prefetch("topics", queryset=Topic.objects.all(), to_attr="topic_list"),
            Prefetch("joint_projects", queryset=JointProject.objects.order_by("title"),
                     to_attr="joint_project_list"),
            Prefetch("meetings", queryset=meetings, to_attr="meeting_list"),
            Prefetch("documents", queryset=_visible_documents(user), to_attr="document_list"),
        )
    )


@dataclass
class Helper:
    """A member that runs some of the article's topics, with whom to contact there."""

    administration: Administration
    statuses: list[Status] = field(default_factory=list)
    contacts: list[ContactPerson] = field(default_factory=list)


class HelperList(list):
    """The helpers shown, and how many members could help in all (`total`)."""

    total: int = 0


def article_helpers(*, topics: list[Topic], user) -> HelperList:
    """'Wer kann helfen?': current members at pilot or live on any of these topics, furthest
    first, at most HELPERS_SHOWN of them (at national scale thousands run a topic; the
    topic pages list them all), with the contacts named on those statuses or else the
    member's contacts.

    Three queries whatever the number of topics and members, kept in the cache per
    audience until a status of these topics or a member changes. Built from statuses, so
    it is internal like them: visitors get nobody (and no query).
    """
    if not topics or not is_member_staff(user):
        return HelperList()
    topic_ids = sorted(topic.pk for topic in topics)
    scopes = tuple(dict.fromkeys(scope for pk in topic_ids
                                 for scope in status_scopes(topic_id=pk)))
    return until_changed(f"knowledge:helpers:{audience(user)}:{'-'.join(map(str, topic_ids))}:"
                         f"{timezone.localdate()}",
                         lambda: _helpers(topics, user), scopes=scopes)


def _helpers(topics: list[Topic], user) -> HelperList:
    helpers = HelperList()
    today = timezone.localdate()
    # Current members (Administration.objects.current()) as conditions on the joined row,
    # not `administration__in=<subquery>`: that hashed all 11,000 administrations once
    # more per query, next to the join for their names (3 of 9 ms at national scale).
    advanced = (Status.objects.visible_to(user)
                .filter(topic__in=[t.pk for t in topics], stage__gte=HELPER_MIN_STAGE,
                        administration__member_since__lte=today)
                .filter(Q(administration__member_until__isnull=True)
                        | Q(administration__member_until__gt=today)))
    shown = (advanced.values("administration_id")
             .annotate(best=Max("stage"), name=Min("administration__name"))
             .order_by("-best", "name", "administration_id")
             .values("administration_id")[:HELPERS_SHOWN])
    statuses = (advanced.filter(administration__in=Subquery(shown))
                .select_related("administration", "topic", "contact")
                .order_by("-stage", "administration__name", "topic__name", "pk"))
    by_member: dict[int, Helper] = {}
    for status in statuses:
        helper = by_member.setdefault(status.administration_id, Helper(status.administration))
        helper.statuses.append(status)
    if not by_member:
        return helpers
    helpers.total = advanced.values("administration_id").distinct().count()
    named = {}
    for helper in by_member.values():
        for status in helper.statuses:
            if status.contact is not None:
                named.setdefault(helper.administration.pk, {})[status.contact.pk] = status.contact
    others = ContactPerson.objects.visible_to(user).filter(
        administration__in=list(by_member)).exclude(
        administration__in=list(named)).order_by("administration", "order", "name")
    fallback: dict[int, list[ContactPerson]] = {}
    for contact in others:
        fallback.setdefault(contact.administration_id, []).append(contact)
    for pk, helper in by_member.items():
        helper.contacts = list(named[pk].values()) if pk in named else fallback.get(pk, [])
    helpers.extend(by_member.values())
    return helpers


def articles_visible_to(user) -> QuerySet[Article]:
    """The articles the user may open, with what the permission rules and headings need
    (for the pages about one article: editor, history, versions)."""
    return Article.objects.visible_to(user).select_related("category", "administration")


def article_revisions(article: Article) -> QuerySet[ArticleRevision]:
    """The revisions of one article, newest first, with who saved them."""
    return article.revisions.select_related("author").order_by("-number")


def revision_before(*, article: Article, revision: ArticleRevision) -> ArticleRevision | None:
    """The revision saved just before `revision` (None for the first)."""
    return (article_revisions(article).filter(number__lt=revision.number)
            .order_by("-number").first())


def revision_numbers(article: Article) -> list[int]:
    """The numbers of all revisions of the article, newest first (the compare choices)."""
    return list(article.revisions.order_by("-number").values_list("number", flat=True))
