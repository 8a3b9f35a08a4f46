"""What can be followed, and who follows what without having chosen to.

The apps register in their AppConfig.ready():

    from notifications.registry import Followable, followable_register
    followable_register(Followable(
        "projects.topic", _("Thema"),
        title_url=lambda pks: {t.pk: (t.name, t.get_absolute_url())
                               for t in Topic.objects.filter(pk__in=pks)},
        visible_to=lambda user, pk: rules.has_perm("projects.view_statuses", user)))

* `title_url(pks)` gives title and address of many things at once (one query), for the
  list of what a person follows and the digest's group headings.
* `visible_to(user, pk)` says whether the person may open the thing; nobody can follow
  what they may not see.

Default follows (`default_follow_register(DefaultFollow(...))`) are computed, not stored:
a person follows their own administration, its working groups and what they wrote without
a row, so a new colleague, a new working group membership or a new article needs no
bookkeeping. `followers(pks)` answers for many things at once which users follow them by
default ((pk, user id) pairs, one query); `followed_by(user)` the pks one person follows by
default. Unfollowing a default stores a muted `Follow` row.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Model


@dataclass(frozen=True)
class Followable:
    model_label: str  # "app.model", lower case, as in the keys
    label: str  # what it is, e.g. "Thema"
    title_url: Callable[[list[int]], dict[int, tuple[str, str]]]
    visible_to: Callable[[object, int], bool]


@dataclass(frozen=True)
class DefaultFollow:
    model_label: str
    followers: Callable[[list[int]], Iterable[tuple[int, int]]]
    followed_by: Callable[[object], Iterable[int]]


_FOLLOWABLES: dict[str, Followable] = {}
_DEFAULTS: dict[str, list[DefaultFollow]] = {}


def followable_register(followable: Followable) -> None:
    """Let people follow things of this model (a model registered twice is a mistake)."""
    if followable.model_label in _FOLLOWABLES:
        raise ValueError(f"followable {followable.model_label!r} is registered twice")
    _FOLLOWABLES[followable.model_label] = followable


def default_follow_register(default: DefaultFollow) -> None:
    """Add a provider of default follows for things of one model."""
    _DEFAULTS.setdefault(default.model_label, []).append(default)


def followable(model_label: str) -> Followable | None:
    return _FOLLOWABLES.get(model_label)


def default_follows(model_label: str) -> list[DefaultFollow]:
    return _DEFAULTS.get(model_label, [])


def default_follow_labels() -> list[str]:
    return list(_DEFAULTS)


def target_key(obj: Model) -> str:
    """The key of a model instance: "app.model:pk"."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def key_split(key: str) -> tuple[str, int] | None:
    """("app.model", pk) of a plain key; None for group keys ("…:5:status_changes:…") or
    anything else that names no single object."""
    label, sep, pk = key.partition(":")
    if not sep or not pk.isdigit():
        return None
    return label, int(pk)


def model_followable(model, label: str, *, queryset_for: Callable | None = None,
                     url: Callable | None = None) -> Followable:
    """A followable for a model with a readable `str()` and `get_absolute_url` (or `url(obj)`);
    member staff follow those in `queryset_for(user)` (all of them by default)."""
    from members.rules import is_member_staff

    manager = model._default_manager

    def title_url(pks: list[int]) -> dict[int, tuple[str, str]]:
        link = url or (lambda obj: obj.get_absolute_url())
        return {obj.pk: (str(obj), link(obj)) for obj in manager.filter(pk__in=pks)}

    def visible_to(user, pk: int) -> bool:
        if not is_member_staff(user):
            return False
        rows = queryset_for(user) if queryset_for is not None else manager.all()
        return rows.filter(pk=pk).exists()

    return Followable(model._meta.label_lower, label, title_url=title_url, visible_to=visible_to)
