"""What projects adds to the recent changes (common.changes): status changes, one record
per administration and day ("Landkreis Neuwied: 5 Statusänderungen", internal), and new
joint projects (public, as their pages are)."""

from datetime import datetime

import rules
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.changes import Change, change_source_register

from .models import JointProject

# The groups come from the newest changes only, read backwards along the index on
# changed_at; their counts are then exact (each through the administration's statuses and
# the index on status_id). At national scale (8.7 million changes) this takes some 40 ms
# warm; grouping all changes of a recent period would read every row of it.
STATUS_CHANGE_WINDOW = 500

_STATUS_GROUPS_SQL = """
WITH recent AS (
    SELECT s.administration_id, s.topic_id, c.changed_at
    FROM (SELECT status_id, changed_at FROM projects_statuschange
          {since_clause}
          ORDER BY changed_at DESC LIMIT %(window)s) c
    JOIN projects_status s ON s.id = c.status_id
), groups AS (
    SELECT administration_id, (changed_at AT TIME ZONE %(zone)s)::date AS day,
           max(changed_at) AS last,
           array_agg(DISTINCT topic_id) FILTER (WHERE topic_id IS NOT NULL) AS topics
    FROM recent GROUP BY 1, 2 ORDER BY last DESC, administration_id LIMIT %(limit)s
)
SELECT g.administration_id, a.name, a.slug, g.day, g.last,
       (SELECT count(*) FROM projects_statuschange c2
        JOIN projects_status s2 ON s2.id = c2.status_id
        WHERE s2.administration_id = g.administration_id
          AND c2.changed_at >= (g.day::timestamp AT TIME ZONE %(zone)s)
          AND c2.changed_at < ((g.day + 1)::timestamp AT TIME ZONE %(zone)s)),
       coalesce(g.topics, '{{}}')
FROM groups g JOIN members_administration a ON a.id = g.administration_id
ORDER BY g.last DESC, g.administration_id
"""


def status_change_groups(*, limit: int, since: datetime | None = None) -> list[tuple]:
    """The latest (administration, day) groups of status changes with their full count:
    (administration id, name, slug, day, last change, count, topic ids among the newest
    changes), newest first."""
    with connection.cursor() as cursor:
        sql = _STATUS_GROUPS_SQL.format(
            since_clause="" if since is None else "WHERE changed_at > %(since)s")
        cursor.execute(sql, {"window": STATUS_CHANGE_WINDOW, "limit": limit, "since": since,
                             "zone": timezone.get_current_timezone_name()})
        return cursor.fetchall()


def status_changes_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Status changes grouped per administration and day, newest first (one query);
    statuses are internal, so only member staff get any."""
    if not rules.has_perm("projects.view_statuses", user):
        return []
    return [Change(when=last, kind="status_changes",
                   kind_label=_("Sachstände"),
                   object_key=f"members.administration:{pk}:status_changes:{day:%Y-%m-%d}",
                   title=ngettext("%(name)s: %(count)s Statusänderung",
                                  "%(name)s: %(count)s Statusänderungen", count)
                   % {"name": name, "count": count},
                   url=reverse("projects:status_history", args=[slug]),
                   administration=name, count=count,
                   targets=(f"members.administration:{pk}",
                            *(f"projects.topic:{topic}" for topic in sorted(topics))))
            for pk, name, slug, day, last, count, topics
            in status_change_groups(limit=limit, since=since)]


def joint_projects_new_changes(user, limit: int, since: datetime | None = None) -> list[Change]:
    """Joint projects created lately, newest first (one query). Projects created before
    their creation time was recorded have none and are not news."""
    projects = JointProject.objects.filter(created_at__isnull=False)
    if since is not None:
        projects = projects.filter(created_at__gt=since)
    rows = (projects.order_by("-created_at", "-pk")
            .values("pk", "slug", "title", "created_at", "lead__name", "lead_id",
                    "working_group_id")
            .annotate(topic_ids=ArrayAgg("topics", distinct=True, default=[]))[:limit])
    return [Change(when=row["created_at"], kind="joint_projects",
                   kind_label=_("Neues gemeinsames Projekt"),
                   object_key=f"projects.jointproject:{row['pk']}", title=row["title"],
                   url=reverse("projects:project", args=[row["slug"]]),
                   administration=row["lead__name"] or "", public=True,
                   targets=(*(f"projects.topic:{pk}" for pk in sorted(row["topic_ids"])
                              if pk is not None),
                            f"members.administration:{row['lead_id']}",
                            *([f"meetings.workinggroup:{row['working_group_id']}"]
                              if row["working_group_id"] else [])))
            for row in rows]


def register() -> None:
    """Called once from ProjectsConfig.ready()."""
    change_source_register("status_changes", status_changes_changes)
    change_source_register("joint_projects", joint_projects_new_changes)
