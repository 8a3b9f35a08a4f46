"""Recent changes across the platform: one registry of change sources, one record shape.

The dashboard's "Letzte Änderungen" (and later notifications and digests) need what
happened lately in every app, but the base knows no app. So each app registers its change
sources in `AppConfig.ready()`:

    # meetings/changes.py: register(), called from MeetingsConfig.ready()
    change_source_register("minutes_published", minutes_published_changes)

A source is a function `(user, limit, since) -> list[Change]`: the newest changes the user
may see (after `since`, when given), newest first, at most `limit`, read with ONE query
over the app's existing tables (so a database that had data before this registry shows
its history at once, and the dashboard needs one query per source whatever the numbers).
It scopes by the user itself, with the same rule as the object's own page
(`visible_to`/`listed_for`): a reader never gets a record of something they may not
open, a visitor only public ones.

Each record says when, what kind, which object, which administration, a title and a link,
and whether it is public; a source may group several changes into one record
("Landkreis Neuwied: 5 Statusänderungen") with `count`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

DEFAULT_LIMIT = 15


@dataclass(frozen=True)
class Change:
    """One recent change (or a group of changes of one kind) as readers see it."""

    when: datetime
    kind: str  # the source's key, e.g. "status_changes"
    kind_label: str  # e.g. "Statusänderungen", shown beside the title
    object_key: str  # "app.model:pk" (or a group key), stable across runs
    title: str
    url: str
    administration: str = ""  # the administration it concerns, by name
    public: bool = False  # a visitor could see it too
    count: int = 1  # how many changes the record stands for
    day_only: bool = False  # `when` is a day (e.g. joining the network), not a moment
    # The followable things it concerns, as "app.model:pk" keys (a topic, an administration,
    # a working group …): whoever follows one of them is notified of the change.
    targets: tuple[str, ...] = ()
    # The person who made the change, where a source knows one: they are not notified of
    # their own change (an author following their article hears of others' revisions only).
    by: int | None = None


Source = Callable[[Any, int, datetime | None], list[Change]]

_SOURCES: dict[str, Source] = {}


def change_source_register(key: str, source: Source) -> None:
    """Register a change source under its kind; a key registered twice is a mistake."""
    if key in _SOURCES:
        raise ValueError(f"change source {key!r} is registered twice")
    _SOURCES[key] = source


def change_source_unregister(key: str) -> None:
    """Remove a source (for tests that register their own)."""
    _SOURCES.pop(key, None)


def change_sources() -> list[str]:
    return sorted(_SOURCES)


def recent_changes(user, *, limit: int = DEFAULT_LIMIT, since: datetime | None = None,
                   kinds: list[str] | None = None) -> list[Change]:
    """The newest changes the user may see over all (or the named) sources, after `since`
    when given, newest first: one query per source."""
    changes: list[Change] = []
    for key in sorted(_SOURCES):
        if kinds is None or key in kinds:
            changes.extend(_SOURCES[key](user, limit, since))
    # Stable: records of one source at the same moment keep that source's order.
    changes.sort(key=lambda change: (change.when, change.kind), reverse=True)
    return changes[:limit]
