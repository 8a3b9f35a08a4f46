"""Agenda items: add, change, remove, reorder, carry over to the next meeting, and put
the group's open action items on it. The
agenda is part of the minutes (their notes hang on its items): once the minutes are
published it is read-only, like the decisions."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check
from members.models import User

from ..models import AgendaItem, Meeting
from ..rules import check_state
from ..selectors.meetings import open_items_of_group


def _lock_open_agenda(meeting: Meeting, by: User) -> Meeting:
    """Lock the meeting (publishing the minutes takes the same lock) and check that its
    agenda can still change. The meeting counts as changed (OParl's `modified`: its
    embedded agenda items, numbers included, may change)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    check_state(by, "meetings.change_agenda", meeting)
    Meeting.objects.filter(pk=meeting.pk).update(updated_at=timezone.now())
    return meeting


def agenda_item_save(*, item: AgendaItem, fields: dict, by: User) -> AgendaItem:
    """Add or change an agenda item, with its links to topics and joint projects."""
    links = {name: fields.pop(name) for name in ("topics", "projects") if name in fields}
    if "public" in fields and fields["public"] != item.public:
        permission_check(by, "meetings.publish_records", item.meeting)
    for name, value in fields.items():
        setattr(item, name, value)
    with transaction.atomic():
        meeting = _lock_open_agenda(item.meeting, by)
        if item.pk is None:
            last = meeting.agenda_items.order_by("-order").values_list("order", flat=True)
            item.order = (last.first() or 0) + 1
        item.full_clean()
        item.save()
        for name, values in links.items():
            getattr(item, name).set(values)
        Meeting.objects.filter(pk=meeting.pk).update(sequence=F("sequence") + 1)
    return item


def agenda_item_delete(*, item: AgendaItem, by: User) -> None:
    """Remove an agenda item (with its minutes note, which is why published minutes forbid
    it)."""
    with transaction.atomic():
        _lock_open_agenda(item.meeting, by)
        item.delete()


def agenda_item_move(*, item: AgendaItem, direction: int, by: User) -> None:
    """Swap an item with its neighbour (direction -1: up, +1: down)."""
    with transaction.atomic():
        meeting = _lock_open_agenda(item.meeting, by)
        items = list(meeting.agenda_items.select_for_update().order_by("order", "pk"))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = index + direction
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        for position, other in enumerate(items, start=1):
            if other.order != position:
                other.order = position
                other.save(update_fields=["order"])


def agenda_carry_over(*, source: Meeting, target: Meeting, item_ids: list[int],
                      by: User) -> list[AgendaItem]:
    """Copy chosen agenda items of a meeting to the next one (the open action items of the
    group are listed on every meeting page anyway)."""
    copies = []
    for item in source.agenda_items.filter(pk__in=item_ids).prefetch_related("topics",
                                                                            "projects"):
        copies.append(agenda_item_save(item=AgendaItem(meeting=target), fields={
            "title": item.title, "description": item.description,
            "presenter": item.presenter, "duration_minutes": item.duration_minutes,
            "topics": list(item.topics.all()), "projects": list(item.projects.all())}, by=by))
    return copies


def _action_item_text(item) -> str:
    """The description of an agenda item about an open action item: where it comes from,
    who is responsible, when it is due."""
    responsible = item.responsible_user or item.responsible_administration
    parts = [_("Offene Aufgabe aus der Sitzung „%(title)s“ vom %(date)s.") % {
        "title": item.meeting.title,
        "date": timezone.localtime(item.meeting.starts_at).strftime("%d.%m.%Y")}]
    if responsible:
        parts.append(_("Zuständig: %(name)s.") % {"name": getattr(responsible, "name", None)
                                                   or str(responsible)})
    if item.due_date:
        parts.append(_("Fällig am %(date)s.") % {"date": item.due_date.strftime("%d.%m.%Y")})
    return " ".join(parts) + (f"\n\n{item.description}" if item.description else "")


def agenda_add_action_items(*, meeting: Meeting, item_ids: list[int],
                            by: User) -> list[AgendaItem]:
    """Put chosen open action items of the group on the agenda, one item each, titled after
    them and linked to them. Items already on the agenda are skipped, so a second
    submission (another tab, a double click) adds nothing twice."""
    with transaction.atomic():
        meeting = _lock_open_agenda(meeting, by)
        present = set(meeting.agenda_items.filter(action_item__isnull=False)
                      .values_list("action_item_id", flat=True))
        chosen = open_items_of_group(meeting).filter(pk__in=item_ids).exclude(pk__in=present)
        return [agenda_item_save(item=AgendaItem(meeting=meeting), fields={
            "title": item.title[:200], "description": _action_item_text(item),
            "action_item": item}, by=by) for item in chosen]
