"""What OParl shows: exactly what a visitor of the portal may see, and nothing else.

The rule is the portal's own (issue 10, tests/security/test_public_pages.py), not a second
one: `Meeting.objects.visible_to(visitor)` and knowledge's `visible_to`.

* Working groups are public.
* A meeting is public while visitors see it on the web: invited and still to come. OParl
  shows what the web shows: date, working group, host (as "Sitzung der …"); its title,
  place, agenda, minutes and decisions are internal.
* A meeting that was public (its invitation went out) and is no longer (it took place or
  was cancelled) is depublished: it answers `deleted: true` with id, type, created and
  modified, the moment it disappeared (spec 2.8). Lists give such meetings only to
  clients that ask with `modified_since` (spec 2.5). Planned meetings never appear.
* Files: the knowledge documents marked public that are linked to a public meeting. An
  archived public document is depublished (`deleted: true`, its file answers 410);
  internal documents do not exist here.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    BooleanField,
    Case,
    DateTimeField,
    F,
    Max,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Now

from knowledge.enums import Visibility
from knowledge.models import Document
from meetings.enums import MeetingState
from meetings.models import Meeting, WorkingGroup

VISITOR = AnonymousUser()


def public_documents() -> QuerySet[Document]:
    """Knowledge documents a visitor may download (knowledge's own visibility rule)."""
    return Document.objects.visible_to(VISITOR)


def _linked_documents_changed() -> Subquery:
    """The last change of any document linked to the meeting: publishing, archiving or
    replacing one changes the meeting's list of files."""
    changed = (Document.objects.filter(meetings=OuterRef("pk")).order_by()
               .values("meetings").annotate(last=Max("updated_at")).values("last"))
    return Subquery(changed, output_field=DateTimeField())


def _visible_pks() -> QuerySet:
    return Meeting.objects.visible_to(VISITOR).values("pk")


def meetings_known(*, with_deleted: bool) -> QuerySet[Meeting]:
    """Meetings in a stable order (by id) with `oparl_public` (visitors see it now) and
    `oparl_modified`: its own last change or one of its linked documents, or, once it
    is depublished, the moment that happened (its start, or its cancellation)."""
    meetings = Meeting.objects.filter(invited_at__isnull=False).exclude(
        state=MeetingState.PLANNED)
    if not with_deleted:
        meetings = meetings.filter(pk__in=_visible_pks())
    return (meetings.annotate(
        oparl_public=Case(When(pk__in=_visible_pks(), then=Value(True)),
                          default=Value(False), output_field=BooleanField()),
        oparl_modified=Greatest(
            "updated_at", Coalesce(_linked_documents_changed(), "updated_at"),
            Case(When(starts_at__lte=Now(), then=F("starts_at")), default=F("updated_at"))))
        .order_by("pk"))


def meetings_for_page(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their group and public documents, in a constant number of queries."""
    return meetings.select_related("working_group", "host").prefetch_related(
        Prefetch("knowledge_documents",
                 queryset=public_documents().order_by("pk"), to_attr="public_documents"))


def meeting_known(pk: int) -> Meeting | None:
    """A public or depublished meeting (None: it never was public)."""
    return meetings_for_page(meetings_known(with_deleted=True)).filter(pk=pk).first()


def groups_public() -> QuerySet[WorkingGroup]:
    return WorkingGroup.objects.order_by("pk")


def document_published(pk: int) -> Document | None:
    """A public document, or a public one that was archived (depublished: `deleted`).
    Internal documents are None: they never were open data."""
    return (Document.objects.filter(pk=pk, visibility=Visibility.PUBLIC)
            .prefetch_related(Prefetch("meetings",
                                       queryset=meetings_known(with_deleted=False),
                                       to_attr="public_meetings"))
            .first())
