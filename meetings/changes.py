"""What meetings adds to the recent changes (common.changes): published minutes and the
decisions they made public. Both are internal: member staff see them, visitors never."""

from datetime import datetime

from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.changes import Change, change_source_register

from .enums import MinutesState
from .models import Decision, Minutes
from .rules import sees_internals


def _meeting_url(meeting_id: int, anchor: str) -> str:
    return f"{reverse('meetings:detail', args=[meeting_id])}#{anchor}"


def minutes_published_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Minutes published lately, newest first (one query)."""
    if not sees_internals(user):
        return []
    minutes = Minutes.objects.filter(state=MinutesState.PUBLISHED, published_at__isnull=False)
    if since is not None:
        minutes = minutes.filter(published_at__gt=since)
    rows = (minutes.order_by("-published_at", "-pk")
            .values("pk", "published_at", "meeting_id", "meeting__title",
                    "meeting__host__name", "meeting__working_group_id")[:limit])
    return [Change(when=row["published_at"], kind="minutes_published",
                   kind_label=_("Protokoll veröffentlicht"),
                   object_key=f"meetings.minutes:{row['pk']}",
                   title=row["meeting__title"],
                   url=_meeting_url(row["meeting_id"], "protokoll"),
                   administration=row["meeting__host__name"] or "",
                   targets=(f"meetings.workinggroup:{row['meeting__working_group_id']}",))
            for row in rows]


def decisions_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """The decisions of lately published minutes, one record per meeting (one query); a
    decision becomes news when its minutes are published."""
    decisions = Decision.objects.visible_to(user).filter(
        meeting__minutes__state=MinutesState.PUBLISHED,
        meeting__minutes__published_at__isnull=False)
    if since is not None:
        decisions = decisions.filter(meeting__minutes__published_at__gt=since)
    rows = (decisions.values("meeting_id")
            .annotate(count=Count("pk"), when=F("meeting__minutes__published_at"),
                      title=F("meeting__title"), host=F("meeting__host__name"),
                      group=F("meeting__working_group_id"))
            .order_by("-when", "-meeting_id")[:limit])
    return [Change(when=row["when"], kind="decisions",
                   kind_label=ngettext("%(count)s Beschluss", "%(count)s Beschlüsse",
                                       row["count"]) % {"count": row["count"]},
                   object_key=f"meetings.meeting:{row['meeting_id']}:decisions",
                   title=row["title"], url=_meeting_url(row["meeting_id"], "beschluesse"),
                   administration=row["host"] or "", count=row["count"],
                   targets=(f"meetings.workinggroup:{row['group']}",))
            for row in rows]


def register() -> None:
    """Called once from MeetingsConfig.ready()."""
    change_source_register("minutes_published", minutes_published_changes)
    change_source_register("decisions", decisions_changes)
