"""Reads of the knowledge base, shaped per page so the query count does not grow with data."""

import difflib
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone
from taggit.models import Tag

from meetings.models import Meeting
from members.models import Administration, ContactPerson
from projects.enums import Stage
from projects.models import JointProject, Status, Topic

from .models import Article, ArticleRevision, Category, Document, listed_q
from .selectors_documents import documents_visible_to

# "Wer kann helfen?" names members that run a topic at least as a pilot.
HELPER_MIN_STAGE = Stage.PILOT
# Lines of unchanged text kept around each change in a revision diff.
DIFF_CONTEXT = 3


def articles_listed_for(user) -> QuerySet[Article]:
    """Articles the user may find in lists, with what a list row shows, newest change first."""
    return (Article.objects.listed_for(user)
            .select_related("category", "administration")
            .prefetch_related("tags")
            .order_by("-updated_at", "-pk"))


def articles_newest(user, *, limit: int = 5) -> list[Article]:
    """The most recently written articles the user may see."""
    return list(Article.objects.listed_for(user).select_related("category")
                .order_by("-created_at", "-pk")[:limit])


def articles_recently_changed(user, *, limit: int = 5) -> list[Article]:
    """The articles whose last save is most recent (a first save counts as a change)."""
    return list(Article.objects.listed_for(user).select_related("category")
                .order_by("-updated_at", "-pk")[:limit])


def categories_with_counts(user) -> QuerySet[Category]:
    """Categories in their order, each with `article_count` of the articles the user may see."""
    return Category.objects.annotate(
        article_count=Count("articles", filter=listed_q(user, "articles__"))
    ).order_by("position", "name")


def article_tags(user=None) -> QuerySet[Tag]:
    """Tags of the articles the user finds in lists (without a user: of any article), for
    the filter's choices: a tag of an internal article is internal too."""
    articles = Article.objects.all() if user is None else Article.objects.listed_for(user)
    tagged = articles.filter(tags=OuterRef("pk"))
    return Tag.objects.filter(Exists(tagged)).order_by("name")


def article_contributors(user=None) -> QuerySet[Administration]:
    """Administrations that contributed at least one article the user finds in lists
    (without a user: any article), for the filter's choices."""
    articles = Article.objects.all() if user is None else Article.objects.listed_for(user)
    contributed = articles.filter(administration=OuterRef("pk"))
    return (Administration.objects.filter(Exists(contributed))
            .order_by("name").only("pk", "name", "slug"))


def _visible_documents(user) -> QuerySet[Document]:
    # The document pages' own scoping and shape (file type, administration), archived left out.
    return documents_visible_to(user).filter(archived_at__isnull=True).order_by("title", "pk")


def article_detail(*, slug: str, user) -> QuerySet[Article]:
    """One article the user may open, with everything its page lists, each list reduced to
    what the user may open itself."""
    meetings = (Meeting.objects.visible_to(user).select_related("working_group")
                .order_by("-starts_at", "pk"))
    return (
        Article.objects.visible_to(user).filter(slug=slug)
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


def article_helpers(*, topics: list[Topic], user) -> list[Helper]:
    """'Wer kann helfen?': current members at pilot or live on any of these topics, furthest
    first, with the contacts named on those statuses or else the member's contacts.

    Two queries whatever the number of topics and members. Built from statuses, so it is
    internal like them: visitors get nobody (and no query).
    """
    if not topics:
        return []
    today = timezone.localdate()
    current = Administration.objects.current(today).values("pk")
    statuses = (Status.objects.visible_to(user)
                .filter(topic__in=[t.pk for t in topics], stage__gte=HELPER_MIN_STAGE,
                        administration__in=current)
                .select_related("administration", "topic", "contact")
                .order_by("-stage", "administration__name", "topic__name", "pk"))
    helpers: dict[int, Helper] = {}
    for status in statuses:
        helper = helpers.setdefault(status.administration_id, Helper(status.administration))
        helper.statuses.append(status)
    if not helpers:
        return []
    named = {}
    for helper in helpers.values():
        for status in helper.statuses:
            if status.contact is not None:
                named.setdefault(helper.administration.pk, {})[status.contact.pk] = status.contact
    others = ContactPerson.objects.visible_to(user).filter(
        administration__in=list(helpers)).exclude(
        administration__in=list(named)).order_by("administration", "order", "name")
    fallback: dict[int, list[ContactPerson]] = {}
    for contact in others:
        fallback.setdefault(contact.administration_id, []).append(contact)
    for pk, helper in helpers.items():
        helper.contacts = list(named[pk].values()) if pk in named else fallback.get(pk, [])
    return list(helpers.values())


def article_revisions(article: Article) -> QuerySet[ArticleRevision]:
    """The revisions of one article, newest first, with who saved them."""
    return article.revisions.select_related("author").order_by("-number")


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same", "added", "removed" or "gap" (unchanged lines left out)
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    lines: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(line.kind in ("added", "removed") for line in self.lines)


def line_diff(old: str, new: str, *, context: int | None = DIFF_CONTEXT) -> list[DiffLine]:
    """Lines removed from and added to `old`, with a few unchanged lines around each change
    (all of them when `context` is None)."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if context is None:
        groups = [matcher.get_opcodes()]
    else:
        groups = list(matcher.get_grouped_opcodes(context))
    lines: list[DiffLine] = []
    for index, group in enumerate(groups):
        if index or (group and group[0][1] > 0):
            lines.append(DiffLine("gap", ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines.extend(DiffLine("same", text) for text in a[i1:i2])
                continue
            lines.extend(DiffLine("removed", text) for text in a[i1:i2])
            lines.extend(DiffLine("added", text) for text in b[j1:j2])
    if groups and groups[-1] and groups[-1][-1][2] < len(a):
        lines.append(DiffLine("gap", ""))
    return lines


def revision_diff(*, old: ArticleRevision | Article | None,
                  new: ArticleRevision) -> list[FieldDiff]:
    """Title, summary and body of `new` compared line by line with `old` (an older revision,
    the current article, or nothing for a first version)."""
    diffs = []
    for name in ("title", "summary", "body"):
        label = ArticleRevision._meta.get_field(name).verbose_name
        before = getattr(old, name) if old is not None else ""
        diffs.append(FieldDiff(name, str(label), line_diff(
            before, getattr(new, name), context=None if name != "body" else DIFF_CONTEXT)))
    return diffs
