"""The registry of search sources: what the index holds for each kind of object, for member
staff and for visitors, and which writes make an entry stale.

An app describes one kind of searchable object with a `Source` subclass and registers an
instance in its AppConfig.ready():

    from common.search.registry import search_source_register
    search_source_register(ArticleSource())

A source loads the objects of its kind that may be found at all (archived articles and
documents, and administrations that never joined, may not) and turns each into a
`SearchDocument`: the words member staff may find and, if visitors may see the object,
the words visitors may find. The public view must never hold more than the object's page
shows a visitor. Registering connects the signals that keep the kind's entries current
(common.search.signals).
"""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Model, QuerySet
from django.utils.translation import override


@dataclass(frozen=True)
class View:
    """The words of one audience's view, by weight: title (A), summary and keywords (B),
    text (C). Snippets are cut from the summary and the text."""

    title: str
    summary: str = ""
    body: str = ""
    title_extra: str = ""  # weighted as title, but not shown as the result's title
    keywords: str = ""  # weighted as summary, but not shown in snippets (tags, names)


@dataclass(frozen=True)
class SearchDocument:
    object_id: int
    slug: str
    date: datetime | None
    internal: View
    public: View | None = None
    public_until: datetime | None = None


@dataclass(frozen=True)
class Part:
    """A part of the source's object (an agenda item of a meeting): any write of it
    reindexes its owner, named by `owner_field`, unless the owner is being deleted."""

    model: type[Model]
    owner_field: str


@dataclass(frozen=True)
class Related:
    """Another object whose words appear in this kind's entries (the category of an
    article): saving or deleting it reindexes the entries `ids(instance)` names. With
    `fields`, a save counts only when one of these fields changed (a renamed
    administration, not every edit of one)."""

    model: type[Model]
    ids: Callable[[Model], Iterable[int]]
    fields: tuple[str, ...] = field(default=())


def join(*parts: str | None) -> str:
    return "\n".join(part.strip() for part in parts if part and part.strip())


def pks(queryset: QuerySet) -> list[int]:
    """The primary keys of a queryset, for `Related.ids`."""
    return list(queryset.values_list("pk", flat=True))


class Source(ABC):
    """One kind of searchable object: which rows are indexed, what of them is found, where
    a result leads and which writes reindex it."""

    kind: str  # stored in SearchEntry.kind and used in the search page's address (?art=)
    label: str  # one result ("Sitzung")
    label_plural: str  # the type filter of the search page ("Sitzungen")
    order: int  # place in the type filter, smallest first
    model: type[Model]  # its own rows: saved → reindexed, deleted → removed
    parts: tuple[Part, ...] = ()
    m2m_fields: tuple[str, ...] = ()  # many-to-many fields of `model`, changed from either side
    related: tuple[Related, ...] = ()

    @abstractmethod
    def queryset(self) -> QuerySet:
        """The objects that may be found, shaped for document() (constant queries)."""

    @abstractmethod
    def document(self, obj) -> SearchDocument:
        """The texts members and visitors find the object by."""

    @abstractmethod
    def url(self, object_id: int, slug: str) -> str:
        """The address of a result's page (built when shown, so changed URL patterns need no
        reindexing)."""


_SOURCES: dict[str, Source] = {}


def search_source_register(source: Source) -> None:
    """Add a source and connect the signals that keep its entries current. Registering the
    same kind again is allowed for the same class only (a second ready() call)."""
    existing = _SOURCES.get(source.kind)
    if existing is not None and type(existing) is not type(source):
        raise ValueError(f"Search kind {source.kind!r} is already registered by "
                         f"{type(existing).__qualname__}.")
    _SOURCES[source.kind] = source
    from .signals import source_connect  # the signals reindex through this registry

    source_connect(source)


def search_sources() -> list[Source]:
    """Every registered source, in the order of the search page's type filter."""
    return sorted(_SOURCES.values(), key=lambda source: (source.order, source.kind))


def search_source(kind: str) -> Source:
    """The source of a kind; KeyError for a kind no app registered."""
    return _SOURCES[kind]


def search_kinds() -> list[str]:
    return [source.kind for source in search_sources()]


def search_kind_label(kind: str) -> str:
    """The label of one result of this kind; the stored value for an unknown kind."""
    source = _SOURCES.get(kind)
    return str(source.label) if source else kind


def documents_for(source: Source, objects) -> list[SearchDocument]:
    """The documents of loaded objects, with labels and dates in German."""
    with override("de"):
        return [source.document(obj) for obj in objects]
