"""What the site-wide search finds of meetings: agenda, published minutes and decisions
(registered with common.search in MeetingsConfig.ready)."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from common.search.registry import Part, Related, SearchDocument, Source, View, join, pks
from members.models import Administration

from .enums import MeetingState, MinutesState
from .models import AgendaItem, Decision, Meeting, Minutes, WorkingGroup
from .selectors.public import public_records, with_public_items


class MeetingSource(Source):
    kind = "meeting"
    label, label_plural, order = _("Sitzung"), _("Sitzungen"), 30
    model = Meeting
    parts = (Part(AgendaItem, "meeting"), Part(Minutes, "meeting"), Part(Decision, "meeting"))
    related = (
        Related(WorkingGroup, lambda group: pks(group.meetings.all())),
        Related(Administration, lambda administration: pks(administration.hosted_meetings.all()),
                fields=("name",)),
    )

    def queryset(self):
        return with_public_items(
            Meeting.objects.select_related("working_group", "host", "minutes")
            .prefetch_related(
                Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk")),
                Prefetch("decisions", queryset=Decision.objects.order_by("order", "pk"))))

    def document(self, meeting):
        group = meeting.working_group.name
        host = meeting.host.name if meeting.host else ""
        agenda = meeting.agenda_items.all()
        minutes = getattr(meeting, "minutes", None)
        body = [meeting.cancel_reason]
        for item in agenda:
            body += [item.title, item.description, item.presenter]
        # Minutes, notes and decisions become searchable when the minutes are published,
        # as they become visible on the meeting page (drafts are the coordinators' own).
        if minutes is not None and minutes.state == MinutesState.PUBLISHED:
            body.append(minutes.summary)
            body += [item.notes for item in agenda]
            body += [decision.wording for decision in meeting.decisions.all()]
        internal = View(title=meeting.title, title_extra=group,
                        summary=join(host, meeting.location), body=join(*body))
        public, records = None, public_records(meeting)
        # Visitors see upcoming meetings once invited: date, working group and host only,
        # under the heading the public meeting page uses (not the internal title); and the
        # public records of a meeting (selectors.public), as long as they are public.
        if records.any:
            body = [text for item in records.items
                    for text in (item.title, *(d.wording for d in item.public_decisions))]
            public = View(title=gettext("Sitzung der %(group)s") % {"group": group},
                          summary=join(host, records.location), body=join(*body))
        elif meeting.state == MeetingState.INVITED:
            public = View(title=gettext("Sitzung der %(group)s") % {"group": group},
                          summary=host)
        return SearchDocument(object_id=meeting.pk, slug="", date=meeting.starts_at,
                              internal=internal, public=public,
                              public_until=meeting.starts_at if public and not records.any
                              else None)

    def url(self, object_id, slug):
        return reverse("meetings:detail", args=[object_id])
