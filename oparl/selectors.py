"""What OParl shows: exactly what a visitor of the portal may see, and nothing else.

The rule is the portal's own (issue 10, tests/security/test_public_pages.py), not a second
one: `Meeting.objects.visible_to(visitor)` and knowledge's `visible_to`.

* Working groups are public.
* A meeting is public while visitors see it on the web: invited and still to come, or
  invited/held with public records ("Öffentliche Sitzungsdaten", issue 16). OParl shows
  what the web shows: date, working group, host (as "Sitzung der …"), and of a meeting
  with public records what `meetings.selectors.public` makes public: its place
  (`Location`), its public agenda items (`AgendaItem`, with the decisions on them once the
  minutes are published) and the public minutes (`resultsProtocol`, a `File`). Its title,
  the other agenda items, notes, attendance and action items stay internal.
* A meeting that was public (its invitation went out or its records were published) and
  is no longer (it took place or was cancelled, or its records were withdrawn) is
  depublished: it answers `deleted: true` with id, type, created and modified, the moment
  it disappeared (spec 2.8). So do its agenda items, place and minutes file once its
  records were public, and an agenda item no longer marked public. Lists give such
  objects only to clients that ask with `modified_since` (spec 2.5). Planned meetings
  and records that never were public are not there (404).
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
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Now

from knowledge.enums import Visibility
from knowledge.models import Document
from meetings.enums import MeetingState
from meetings.models import AgendaItem, Meeting, MinutesRevision, WorkingGroup
from meetings.selectors.public import (  # noqa: F401 (meeting_with_public_minutes: views)
    agenda_number,
    meeting_with_public_minutes,
    meetings_with_public_location,
    meetings_with_public_minutes,
    public_agenda_items,
    public_decisions,
    with_public_items,
)

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


def _minutes_corrected(meeting: str = "pk") -> Subquery:
    """The last correction of a meeting's published minutes (None if never corrected)."""
    corrected = (MinutesRevision.objects.filter(minutes__meeting_id=OuterRef(meeting))
                 .order_by().values("minutes").annotate(last=Max("created_at"))
                 .values("last"))
    return Subquery(corrected, output_field=DateTimeField())


def _was_public() -> Q:
    """Meetings OParl once showed: invited, or with records made public (not planned)."""
    return (Q(pk__in=_visible_pks())
            | ~Q(state=MeetingState.PLANNED) & (Q(invited_at__isnull=False)
                                                | Q(public_records_at__isnull=False)))


def meetings_known(*, with_deleted: bool) -> QuerySet[Meeting]:
    """Meetings in a stable order (by id) with `oparl_public` (visitors see it now) and
    `oparl_modified`: its own last change (its records' too: agenda changes touch the
    meeting, minutes are published with a change of state, corrections count), one of
    its linked documents, or, once it is depublished, the moment that happened (its
    start, or its cancellation)."""
    meetings = Meeting.objects.filter(_was_public())
    if not with_deleted:
        meetings = meetings.filter(pk__in=_visible_pks())
    return (meetings.annotate(
        oparl_public=Case(When(pk__in=_visible_pks(), then=Value(True)),
                          default=Value(False), output_field=BooleanField()),
        oparl_corrected=_minutes_corrected(),
        oparl_modified=Greatest(
            "updated_at", Coalesce(_linked_documents_changed(), "updated_at"),
            Coalesce(_minutes_corrected(), "updated_at"),
            Case(When(starts_at__lte=Now(), then=F("starts_at")), default=F("updated_at"))))
        .order_by("pk"))


def meetings_for_page(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their group, public documents and public records (agenda items with
    their decisions, minutes), in a constant number of queries."""
    return with_public_items(meetings.select_related("working_group", "host", "minutes")
                             .prefetch_related(Prefetch(
                                 "knowledge_documents",
                                 queryset=public_documents().order_by("pk"),
                                 to_attr="public_documents")))


# --- Records of meetings: agenda items, places, minutes -----------------------------------------

def _records_known(with_deleted: bool) -> QuerySet[Meeting]:
    """Meetings whose records OParl shows or once showed (their records were public)."""
    known = meetings_known(with_deleted=with_deleted)
    if with_deleted:
        return known.filter(Q(public_records_at__isnull=False)
                            | Q(pk__in=Meeting.objects.with_public_records().values("pk")))
    return known.filter(pk__in=Meeting.objects.with_public_records().values("pk"))


def agenda_items_known(*, with_deleted: bool) -> QuerySet[AgendaItem]:
    """Public agenda items (`meetings.selectors.public`), and with `with_deleted` every item
    of a meeting whose records were public once (`oparl_public` False: depublished), by
    id, with `oparl_modified`: the item's or its meeting's last change, or a correction of
    the minutes (its decisions)."""
    public = public_agenda_items().values("pk")
    items = (AgendaItem.objects.filter(meeting__in=_records_known(True).values("pk"))
             if with_deleted else AgendaItem.objects.filter(pk__in=public))
    return (items.select_related("meeting").prefetch_related(public_decisions())
            .annotate(
                number=agenda_number(),
                oparl_public=Case(When(pk__in=public, then=Value(True)),
                                  default=Value(False), output_field=BooleanField()),
                oparl_modified=Greatest(
                    "updated_at", "meeting__updated_at",
                    Coalesce(_minutes_corrected("meeting_id"), "updated_at")))
            .order_by("pk"))


def locations_known(*, with_deleted: bool) -> QuerySet[Meeting]:
    """Meetings whose place is public (`oparl_location`), and with `with_deleted` those
    whose records were public once; a meeting's place is its Location (same id)."""
    located = meetings_with_public_location().values("pk")
    known = _records_known(with_deleted)
    if not with_deleted:
        known = known.filter(pk__in=located)
    return (known.annotate(oparl_location=Case(When(pk__in=located, then=Value(True)),
                                               default=Value(False),
                                               output_field=BooleanField()))
            .select_related("working_group", "host"))


def minutes_known(*, with_deleted: bool) -> QuerySet[Meeting]:
    """Meetings whose public minutes are out (`oparl_minutes`), and with `with_deleted`
    those with published minutes whose records were public once."""
    public = meetings_with_public_minutes().values("pk")
    known = _records_known(with_deleted).filter(minutes__published_at__isnull=False)
    if not with_deleted:
        known = known.filter(pk__in=public)
    return (known.annotate(oparl_minutes=Case(When(pk__in=public, then=Value(True)),
                                              default=Value(False),
                                              output_field=BooleanField()))
            .select_related("working_group", "host", "minutes"))


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
