"""Which things can be commented on: the apps above register their models.

Comments sit below knowledge, projects and polls and cannot import them; each of those
apps registers its commentable models in `AppConfig.ready()`:

    # knowledge/commenting.py: register(), called from KnowledgeConfig.ready()
    commentable_register(
        "knowledge.Article",
        visible_to=lambda user, article: article.is_visible_to(user),
        visible=lambda user: Article.objects.visible_to(user),
        url=lambda article: article.get_absolute_url())

* `visible_to(user, obj)` says whether the person may open the thing's page; only then
  may they read and write its comments (the comments themselves are for member staff).
* `visible(user)` is the same rule as a queryset: the recent changes of comments are read
  with one query that is scoped by it.
* `url(obj)` is the thing's page; `title_field` names the model field that titles it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Commentable:
    label: str  # "app.Model"
    visible_to: Callable[[Any, Model], bool]
    visible: Callable[[Any], QuerySet]
    url: Callable[[Model], str]
    title_field: str = "title"

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.label)

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)

    @property
    def key(self) -> str:
        """"app.model", the first part of every target key of this kind."""
        return self.label.lower()

    def title(self, obj: Model) -> str:
        return str(getattr(obj, self.title_field))


_KINDS: dict[str, Commentable] = {}


def commentable_register(label: str, *, visible_to: Callable[[Any, Model], bool],
                         visible: Callable[[Any], QuerySet], url: Callable[[Model], str],
                         title_field: str = "title") -> None:
    """Make a model commentable; a label registered twice is a mistake."""
    key = label.lower()
    if key in _KINDS:
        raise ValueError(f"commentable {label!r} is registered twice")
    _KINDS[key] = Commentable(label=label, visible_to=visible_to, visible=visible, url=url,
                              title_field=title_field)


def commentable_unregister(label: str) -> None:
    """Remove a kind (for tests that register their own)."""
    _KINDS.pop(label.lower(), None)


def commentables() -> list[Commentable]:
    return [_KINDS[key] for key in sorted(_KINDS)]


def commentable_by_key(key: str) -> Commentable | None:
    """The kind for "app.model" (as in addresses and target keys), None if unknown."""
    return _KINDS.get(key.lower()) if isinstance(key, str) else None


def commentable_for(obj: Model | None) -> Commentable | None:
    """The kind of an object, None if it cannot be commented on."""
    if obj is None:
        return None
    return _KINDS.get(obj._meta.label_lower)


def commentable_for_content_type(content_type_id: int) -> Commentable | None:
    content_type = ContentType.objects.get_for_id(content_type_id)
    return _KINDS.get(f"{content_type.app_label}.{content_type.model}")


def target_key(obj: Model) -> str:
    """"app.model:pk", as followers and recent changes name things."""
    return f"{obj._meta.label_lower}:{obj.pk}"
