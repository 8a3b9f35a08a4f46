"""What members adds to the recent changes (common.changes): administrations that joined
the network. Membership is public (the directory shows it), so visitors see these too."""

from datetime import datetime, time

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common.changes import Change, change_source_register

from .models import Administration


def members_new_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Administrations that became members lately (up to today), newest first (one
    query). Joining is a date, so the record's time is the start of that day."""
    members = Administration.objects.filter(member_since__lte=timezone.localdate())
    if since is not None:
        members = members.filter(member_since__gte=timezone.localdate(since))
    rows = (members.order_by("-member_since", F("membership_number").desc(nulls_last=True), "-pk")
            .values("pk", "slug", "name", "member_since", "parent_id")[:limit])
    zone = timezone.get_current_timezone()
    return [Change(when=datetime.combine(row["member_since"], time.min, tzinfo=zone),
                   kind="members", kind_label=_("Neues Mitglied"),
                   object_key=f"members.administration:{row['pk']}", title=row["name"],
                   url=reverse("members:detail", args=[row["slug"]]),
                   administration=row["name"], public=True, day_only=True,
                   # Whoever follows the new member's Kreis (or Verbandsgemeinde) hears of it.
                   targets=tuple(f"members.administration:{pk}"
                                 for pk in (row["pk"], row["parent_id"]) if pk))
            for row in rows]


def register() -> None:
    """Called once from MembersConfig.ready()."""
    change_source_register("members", members_new_changes)
