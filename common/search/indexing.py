"""Writing the search index: objects in, one upsert statement per batch out.

The texts are prepared in Python (Markdown to plain text, compound parts); PostgreSQL turns
them into weighted vectors in the same statement: title A, short facts B, text C, compound
parts D. The full vectors also hold each pair of neighbouring words as one lexeme
("elektron akt", without position; SQL function search_word_pairs of migration
common 0005), so a phrase search asks the GIN index for the few entries with its pairs
instead of checking the word positions of every entry that has both words. Objects that
may not be found (archived, deleted, never a member) lose their entry.
"""

from collections.abc import Callable, Iterable

from django.db import connection, transaction

from ..models import SearchEntry
from .compounds import compound_text
from .registry import SearchDocument, View, documents_for, join, search_kinds, search_source

# Marker characters around highlighted words in snippets (Unicode private use area). They
# are removed from every indexed text, so a marker in a snippet always comes from us.
MARK_START, MARK_STOP = "\ue000", "\ue001"
_UNWANTED = str.maketrans("", "", "\x00" + MARK_START + MARK_STOP)
# Snippets come from the first part of a long text only; the vector covers all of it.
MAX_SNIPPET_SOURCE = 30_000
BATCH_SIZE = 500

TABLE = SearchEntry._meta.db_table
COLUMNS = ("kind", "object_id", "slug", "title", "public_title", "date", "text", "public_text",
           "public_until", "same", "a", "b", "c", "d", "pa", "pb", "pc", "pd")
TYPES = ("varchar", "bigint", "varchar", "varchar", "varchar", "timestamptz", "text", "text",
         "timestamptz", "boolean", "text", "text", "text", "text", "text", "text", "text", "text")
ROW = "(" + ", ".join(f"%s::{type_}" for type_ in TYPES) + ")"


def _weighted(column: str, weight: str) -> str:
    return f"setweight(to_tsvector('german'::regconfig, v.{column}), '{weight}')"


# Only constants of this module go into the text; every value is a query parameter.
UPSERT = f"""
INSERT INTO {TABLE} (kind, object_id, slug, title, public_title, date, text, public_text,
                     public_until, vector, public_vector, head_vector, public_head_vector,
                     indexed_at)
SELECT v.kind, v.object_id, v.slug, v.title, v.public_title, v.date, v.text, v.public_text,
       v.public_until, search_with_word_pairs(member.head || member.rest),
       CASE WHEN v.public_text IS NULL THEN NULL
            WHEN v.same THEN search_with_word_pairs(member.head || member.rest)
            ELSE search_with_word_pairs(visitor.head || visitor.rest) END,
       member.head,
       CASE WHEN v.public_text IS NULL THEN NULL WHEN v.same THEN member.head
            ELSE visitor.head END,
       now()
FROM (VALUES {{rows}}) AS v({", ".join(COLUMNS)}),
     LATERAL (SELECT {_weighted("a", "A")} || {_weighted("b", "B")} AS head,
                     {_weighted("c", "C")} || {_weighted("d", "D")} AS rest) AS member,
     LATERAL (SELECT {_weighted("pa", "A")} || {_weighted("pb", "B")} AS head,
                     {_weighted("pc", "C")} || {_weighted("pd", "D")} AS rest) AS visitor
ON CONFLICT (kind, object_id) DO UPDATE SET
    slug = EXCLUDED.slug, title = EXCLUDED.title, public_title = EXCLUDED.public_title,
    date = EXCLUDED.date, text = EXCLUDED.text, public_text = EXCLUDED.public_text,
    public_until = EXCLUDED.public_until, vector = EXCLUDED.vector,
    public_vector = EXCLUDED.public_vector, head_vector = EXCLUDED.head_vector,
    public_head_vector = EXCLUDED.public_head_vector, indexed_at = EXCLUDED.indexed_at
"""  # noqa: S608


def _clean(text: str) -> str:
    return text.translate(_UNWANTED)


def _words(view: View) -> list[str]:
    """The A, B, C and D texts of a view."""
    title = _clean(join(view.title, view.title_extra))
    summary = _clean(join(view.summary, view.keywords))
    body = _clean(view.body)
    return [title, summary, body, compound_text(title, summary, body)]


def _snippet_source(view: View) -> str:
    # Joined with a middle dot, so the summary and the parts of the text (agenda items,
    # answers) do not run into each other in a snippet.
    lines = (*view.summary.splitlines(), *view.body.splitlines())
    parts = [" ".join(line.split()) for line in lines]
    return _clean(" · ".join(part for part in parts if part))[:MAX_SNIPPET_SOURCE]


def _params(kind: str, document: SearchDocument) -> list:
    internal, public = document.internal, document.public
    same = public == internal
    return [
        kind, document.object_id, document.slug, _clean(internal.title)[:300],
        _clean(public.title)[:300] if public else "", document.date,
        _snippet_source(internal), _snippet_source(public) if public else None,
        document.public_until, same, *_words(internal),
        *(_words(public) if public and not same else [None] * 4),
    ]


def _upsert(kind: str, documents: list[SearchDocument]) -> None:
    if not documents:
        return
    params = [value for document in documents for value in _params(kind, document)]
    with connection.cursor() as cursor:
        cursor.execute(UPSERT.format(rows=", ".join([ROW] * len(documents))), params)


def search_index(kind: str, ids: Iterable[int]) -> None:
    """Bring the entries of these objects up to date: write the findable ones, remove the
    others (deleted, archived, no longer a member)."""
    ids = sorted(set(ids))
    source = search_source(kind)
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start:start + BATCH_SIZE]
        objects = list(source.queryset().filter(pk__in=batch))
        _upsert(kind, documents_for(source, objects))
        found = {obj.pk for obj in objects}
        gone = [pk for pk in batch if pk not in found]
        if gone:
            search_remove(kind, gone)


def search_remove(kind: str, ids: Iterable[int]) -> None:
    """Remove the entries of these objects."""
    SearchEntry.objects.filter(kind=kind, object_id__in=list(ids)).delete()


@transaction.atomic
def search_rebuild(*, kinds: Iterable[str] | None = None, batch_size: int = BATCH_SIZE,
                   progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Rewrite the whole index (or the given kinds) and drop entries of vanished objects;
    returns the number of entries per kind."""
    counts = {}
    for kind in kinds or search_kinds():
        source = search_source(kind)
        ids = list(source.queryset().order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch_size):
            objects = source.queryset().filter(pk__in=ids[start:start + batch_size])
            _upsert(kind, documents_for(source, objects))
            if progress:
                progress(kind, min(start + batch_size, len(ids)))
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE kind = %s "  # noqa: S608
                           "AND NOT object_id = ANY(%s)", [kind, ids])
        counts[kind] = len(ids)
    return counts
