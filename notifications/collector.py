"""From recent changes to notifications: the periodic collector.

`notifications_collect` (beat every few minutes, and in-process after a change when tasks
run eagerly) reads the recent-changes records (common.changes) since the last run, maps
each record's `targets` to the people who follow one of them, and inserts one
`Notification` per (person, record, kind) with INSERT … ON CONFLICT DO NOTHING. Each run
reads again a margin before its watermark (a change whose transaction committed late
carries an earlier time), and the unique key makes that, a double beat or two concurrent
runs harmless: every person is notified of a change exactly once.

Nobody is notified of their own change (`Change.by`, where the source knows who made it).

Visibility: the sources are asked as a reader of no particular administration (internal
things are visible to all member staff alike), and only active member staff are
notified, so nobody learns of anything their own pages would not show them.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from common.changes import Change, change_sources, recent_changes
from members.enums import Role
from members.models import User

from .models import CollectorState
from .registry import followable, key_split
from .selectors import followers_of, notified_users
from .services import notifications_insert

logger = logging.getLogger(__name__)

STATE_KEY = "changes"
# Re-read this much before the watermark: changes whose transaction committed late.
OVERLAP = timedelta(minutes=15)
# On the very first run, look back this far (a new installation is not flooded with its
# whole history).
FIRST_LOOKBACK = timedelta(days=1)
# Records per source and run; more than this between two runs is logged.
SOURCE_LIMIT = 2000


def _any_member_reader() -> User:
    """A reader of an administration nobody belongs to: sees what all member staff see."""
    return User(role=Role.READER, administration_id=0, is_active=True)


def _changes_since(since: datetime) -> list[Change]:
    reader = _any_member_reader()
    changes: list[Change] = []
    for key in change_sources():
        found = recent_changes(reader, limit=SOURCE_LIMIT, since=since, kinds=[key])
        if len(found) >= SOURCE_LIMIT:
            logger.warning("Change source %s had more than %d records since %s.",
                           key, SOURCE_LIMIT, since)
        changes.extend(found)
    return changes


def _target_labels(keys: set[str]) -> dict[str, str]:
    """"Thema: Dokumentenmanagementsystem" per followed key (one query per kind)."""
    pks_by_label: dict[str, list[int]] = {}
    for key in keys:
        split = key_split(key)
        if split is not None and followable(split[0]) is not None:
            pks_by_label.setdefault(split[0], []).append(split[1])
    labels = {}
    for label, pks in pks_by_label.items():
        kind = followable(label)
        for pk, (title, _url) in kind.title_url(pks).items():
            labels[f"{label}:{pk}"] = f"{kind.label}: {title}"
    return labels


def notifications_collect(*, now: datetime | None = None, since: datetime | None = None) -> int:
    """Turn the changes since the last run (or since `since`, e.g. for demo data) into
    notifications for their followers; returns the number of new notifications. Safe to
    run twice or concurrently."""
    now = now or timezone.now()
    with transaction.atomic():
        CollectorState.objects.bulk_create(
            [CollectorState(key=STATE_KEY, watermark=now - FIRST_LOOKBACK)],
            ignore_conflicts=True)
        # Concurrent runs wait here for each other (they would only find nothing new).
        state = CollectorState.objects.select_for_update().get(key=STATE_KEY)
        start = since if since is not None else state.watermark - OVERLAP
        changes = [change for change in _changes_since(start) if change.targets]
        followers = followers_of({key for change in changes for key in change.targets})
        allowed = notified_users({uid for ids in followers.values() for uid in ids})
        labels = _target_labels(set(followers))
        rows = []
        for change in changes:
            seen: set[int] = set()
            # The first target a person follows names the group in their digest (sources
            # list the most specific target first).
            for key in change.targets:
                for user_id in sorted(followers.get(key, ())):
                    if user_id in allowed and user_id not in seen and user_id != change.by:
                        seen.add(user_id)
                        rows.append((user_id, change.object_key, change.kind,
                                     str(change.kind_label)[:100], key,
                                     labels.get(key, "")[:300], change.title[:300],
                                     change.url[:500], change.when, False))
        new = notifications_insert(rows)
        state.watermark = max(state.watermark, now)
        state.save(update_fields=["watermark"])
    return len(new)
