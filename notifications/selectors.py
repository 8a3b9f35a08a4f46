"""Reads of the notifications app: who follows what, the bell, the list page."""

from collections import defaultdict
from collections.abc import Iterable
from itertools import groupby

from django.db.models import Q, QuerySet
from django.utils import timezone

from members.models import User
from members.rules import is_member_staff

from .enums import DEFAULT_FREQUENCY
from .models import DigestSetting, Follow, Notification
from .registry import default_follows, followable, key_split

LIST_LIMIT = 200


def member_staff_q(prefix: str = "") -> Q:
    """Active member staff (or superusers): the only people notified."""
    return Q(**{f"{prefix}is_active": True}) & (
        Q(**{f"{prefix}administration__isnull": False}) | Q(**{f"{prefix}is_superuser": True}))


def followers_of(keys: Iterable[str]) -> dict[str, set[int]]:
    """Who follows each of these things, explicitly or by default and not muted: one query
    for the follow rows and one per default provider of the models concerned."""
    keys = set(keys)
    followers: dict[str, set[int]] = defaultdict(set)
    muted: set[tuple[str, int]] = set()
    for key, user_id, is_muted in Follow.objects.filter(target_key__in=keys).values_list(
            "target_key", "user_id", "muted"):
        if is_muted:
            muted.add((key, user_id))
        else:
            followers[key].add(user_id)
    pks_by_label: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        split = key_split(key)
        if split is not None:
            pks_by_label[split[0]].append(split[1])
    for label, pks in pks_by_label.items():
        for provider in default_follows(label):
            for pk, user_id in provider.followers(pks):
                key = f"{label}:{pk}"
                if (key, user_id) not in muted:
                    followers[key].add(user_id)
    return followers


def follows_default_of(user) -> set[str]:
    """The keys a person follows by default (muted ones included)."""
    keys: set[str] = set()
    if not is_member_staff(user):
        return keys
    from .registry import default_follow_labels

    for label in default_follow_labels():
        for provider in default_follows(label):
            keys.update(f"{label}:{pk}" for pk in provider.followed_by(user))
    return keys


def is_following(user, key: str) -> bool:
    """Whether the person follows this thing now (explicitly, or by default and not muted)."""
    row = Follow.objects.filter(user=user, target_key=key).values_list("muted", flat=True).first()
    if row is not None:
        return not row
    split = key_split(key)
    if split is None:
        return False
    return any(split[1] in set(provider.followed_by(user))
               for provider in default_follows(split[0]))


def follows_of(user) -> list[dict]:
    """What the person follows, with title, address and whether by default, sorted by kind
    and title: one query for rows, one per default provider, one per kind of thing."""
    rows = dict(Follow.objects.filter(user=user).values_list("target_key", "muted"))
    defaults = follows_default_of(user)
    keys = {key for key, muted in rows.items() if not muted} | {
        key for key in defaults if not rows.get(key, False)}
    pks_by_label: dict[str, list[int]] = defaultdict(list)
    for key in keys:
        split = key_split(key)
        if split is not None and followable(split[0]) is not None:
            pks_by_label[split[0]].append(split[1])
    entries = []
    for label, pks in pks_by_label.items():
        kind = followable(label)
        for pk, (title, url) in kind.title_url(pks).items():
            entries.append({"key": f"{label}:{pk}", "kind": str(kind.label), "title": title,
                            "url": url, "default": f"{label}:{pk}" in defaults})
    entries.sort(key=lambda entry: (entry["kind"], entry["title"].casefold()))
    return entries


def unread_count(user) -> int:
    """Unread notifications of the person (one query along the partial index)."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_for(user, *, limit: int = LIST_LIMIT) -> QuerySet[Notification]:
    """The person's newest notifications (one query)."""
    return Notification.objects.filter(user=user).order_by("-when", "-pk")[:limit]


def notifications_by_day(user, *, limit: int = LIST_LIMIT) -> list[tuple]:
    """The newest notifications grouped by local day, newest first: [(day, [items])]."""
    items = list(notifications_for(user, limit=limit))
    return [(day, list(group)) for day, group in
            groupby(items, key=lambda item: timezone.localdate(item.when))]


def digest_frequency(user) -> str:
    setting = DigestSetting.objects.filter(user=user).values_list("frequency", flat=True).first()
    return setting or DEFAULT_FREQUENCY


def notified_users(user_ids: Iterable[int]) -> set[int]:
    """Of these people, those who get notifications at all (active member staff)."""
    return set(User.objects.filter(member_staff_q(), pk__in=set(user_ids))
               .values_list("pk", flat=True))
