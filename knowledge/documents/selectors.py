"""Reads of shared documents, scoped by who asks: visitors get public, not archived ones only.
"""

from dataclasses import dataclass

from django.db.models import CharField, F, Func, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Upper

from common.params import int_param
from meetings.models import Meeting
from members.models import Administration
from members.rules import is_member_staff
from projects.models import JointProject

from ..models import Article, Document

DOCUMENTS_PAGE_SIZE = 25
# The link pickers offer this many of the newest meetings / latest articles, plus those
# already linked; more would make the select lists unusable.
MEETING_CHOICES_LIMIT = 200
ARTICLE_CHOICES_LIMIT = 300


def with_file_type(documents: QuerySet[Document]) -> QuerySet[Document]:
    """Adds `file_type`, the upper-case extension of the original name ("PDF", "DOCX")."""
    extension = Func(F("filename"), Value(r"\.([^.]+)$"), function="substring",
                     output_field=CharField())
    return documents.annotate(file_type=Upper(extension))


def documents_visible_to(user) -> QuerySet[Document]:
    """All documents the user may open: member staff every one, visitors public ones."""
    return with_file_type(Document.objects.visible_to(user)
                          .select_related("administration", "uploaded_by"))


def _articles_visible_to(user) -> QuerySet[Article]:
    return Article.objects.visible_to(user).select_related("administration")


def documents_for_list(*, user, administration: Administration | None = None,
                       article: Article | None = None,
                       archived: bool = False) -> QuerySet[Document]:
    """Documents for the list page, newest first; archived ones only when asked for
    (and only member staff ever see them)."""
    documents = documents_visible_to(user).filter(archived_at__isnull=not archived)
    if administration is not None:
        documents = documents.filter(administration=administration)
    if article is not None:
        documents = documents.filter(articles=article)
    return documents.order_by("-created_at", "-pk")


def document_administrations(*, user=None, including: str = "") -> QuerySet[Administration]:
    """Administrations that contributed at least one document the user may open (without a
    user: any document), for the list filter, and the one asked for (so that a link to an
    administration without documents finds none)."""
    documents = Document.objects.all() if user is None else Document.objects.visible_to(user)
    offered = Q(pk__in=documents.values("administration"))
    including_pk = int_param(including, minimum=1)
    if including_pk is not None:
        offered |= Q(pk=including_pk)
    return Administration.objects.filter(offered).order_by("name")


def documents_for_page(user) -> QuerySet[Document]:
    """The documents the user may open, each with its links, each list already reduced to
    what the user may see (the document page picks one by pk)."""
    articles = _articles_visible_to(user).filter(archived_at__isnull=True).order_by("title")
    meetings = (Meeting.objects.visible_to(user).select_related("working_group")
                .order_by("-starts_at"))
    return documents_visible_to(user).prefetch_related(
        Prefetch("articles", queryset=articles, to_attr="article_list"),
        Prefetch("meetings", queryset=meetings, to_attr="meeting_list"),
        Prefetch("joint_projects", queryset=JointProject.objects.order_by("title"),
                 to_attr="project_list"),
    )


def article_visible(*, slug: str, user) -> Article | None:
    """The article a document list is filtered by, if the user may open it."""
    return _articles_visible_to(user).filter(slug=slug).first()


@dataclass(frozen=True)
class LinkTargets:
    """What a new document is uploaded for (from ?artikel=, ?sitzung=, ?projekt=)."""

    article: Article | None = None
    meeting: Meeting | None = None
    project: JointProject | None = None


def link_targets(*, user, article_slug: str = "", meeting_pk: str = "",
                 project_slug: str = "") -> LinkTargets:
    """The objects named in the upload address that the user may see; unknown ones are
    ignored (the form then simply starts without that link)."""
    article = (_articles_visible_to(user).filter(slug=article_slug, archived_at__isnull=True)
               .first() if article_slug else None)
    meeting_id = int_param(meeting_pk, minimum=1)
    meeting = (Meeting.objects.visible_to(user).select_related("working_group")
               .filter(pk=meeting_id).first()
               if meeting_id is not None and is_member_staff(user) else None)
    project = JointProject.objects.filter(slug=project_slug).first() if project_slug else None
    return LinkTargets(article=article, meeting=meeting, project=project)


def meetings_for_linking(*, document: Document | None = None,
                         preselected: Meeting | None = None) -> QuerySet[Meeting]:
    """Meetings a document may link, newest first; linked ones always stay offered."""
    newest = Meeting.objects.order_by("-starts_at").values("pk")[:MEETING_CHOICES_LIMIT]
    offered = Q(pk__in=newest)
    if document is not None and document.pk:
        offered |= Q(pk__in=document.meetings.values("pk"))
    if preselected is not None:
        offered |= Q(pk=preselected.pk)
    return (Meeting.objects.filter(offered).select_related("working_group")
            .order_by("-starts_at", "pk"))


def articles_for_linking(*, document: Document | None = None,
                         preselected: Article | None = None) -> QuerySet[Article]:
    """The most recently changed articles by title, plus those the document links."""
    latest = (Article.objects.filter(archived_at__isnull=True).order_by("-updated_at")
              .values("pk")[:ARTICLE_CHOICES_LIMIT])
    offered = Q(pk__in=latest)
    if document is not None and document.pk:
        offered |= Q(pk__in=document.articles.values("pk"))
    if preselected is not None:
        offered |= Q(pk=preselected.pk)
    return Article.objects.filter(offered).order_by("title", "pk")


def joint_projects_for_linking() -> QuerySet[JointProject]:
    return JointProject.objects.order_by("title")
