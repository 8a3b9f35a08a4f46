"""Reading the search index: ranked, highlighted, filtered and paginated results.

Member staff search the members' vectors, everyone else the public ones. The page costs a
constant number of queries: one for the counts per kind (kept in the cache until the next
write, see _counts), one for the rows of the page with their snippets (ts_headline runs on
those rows only, after the LIMIT), and one that keeps PostgreSQL on the GIN index and off
parallel workers (see _use_index); a query with a phrase one more, for the phrase's word
pairs (see _phrase_pairs).
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.db.models import BooleanField, Count, F, Q, Subquery
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..models import SearchEntry
from ..page_cache import until_changed
from .compounds import WORD, noun_forms
from .indexing import MARK_START, MARK_STOP
from .marking import mark_compounds
from .registry import search_kind_label, search_kinds, search_source, search_sources
from .suggestions import suggestions

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
# ts_rank weights for D (compound parts), C (text), B (summary, keywords), A (title): for
# a one-word query a title hit (at least 1.0 / 1.64) always outranks an entry that matches
# only below the title (at most 0.4, however often the word occurs there).
RANK_WEIGHTS = [0.05, 0.1, 0.4, 1.0]
# Up to this many hits every full vector takes part in the ranking (how often and where a
# word occurs in the text); beyond, only title and summary do (the head vectors stored in
# the table row), and hits in the text alone follow by date. Ranking 50,000 hits on their
# full vectors would read 50,000 TOASTed values.
FULL_RANK_LIMIT = 2_000
HEADLINE = {"start_sel": MARK_START, "stop_sel": MARK_STOP, "max_words": 30, "min_words": 12,
            "max_fragments": 2, "fragment_delimiter": " … "}

# Past participles the Snowball stemmer leaves apart from their nouns and verbs:
# "eingeführt" (→ eingefuhrt) does not meet "Einführung" (→ einfuhr). The query then also
# looks for "einführen" and "Einführung", built from the participle's stem.
_SEPARABLE = ("ab", "an", "auf", "aus", "bei", "dar", "ein", "fest", "fort", "her", "hin",
              "mit", "nach", "um", "vor", "weg", "zu", "zurück", "zusammen")
_PARTICIPLES = (
    re.compile(rf"^(?P<prefix>{'|'.join(_SEPARABLE)})?ge(?P<stem>\w{{3,}}?)e?t$"),
    re.compile(r"^(?P<stem>(?:be|ver|er|ent|zer|über|unter|miss|hinter|wider)\w{3,}?)e?t$"),
    re.compile(r"^(?P<stem>\w{3,}ier)t$"),
)
_TOKEN = re.compile(r'"[^"]*"?|\S+')
# A quoted phrase the results must contain (not excluded with "-"), and an OR that would
# make it optional.
_REQUIRED_PHRASE = re.compile(r'(?:^|(?<=\s))"([^"]+)"')
_OR = re.compile(r"(?:^|\s)or(?:\s|$)", re.IGNORECASE)


def participle_stem(word: str) -> str | None:
    """"eingeführt" → "einführ"; None for words that are no participle or a known noun."""
    lower = word.lower()
    if len(lower) < 7 or lower in noun_forms():
        return None
    for pattern in _PARTICIPLES:
        match = pattern.match(lower)
        if match:
            return (match.groupdict().get("prefix") or "") + match.group("stem")
    return None


def query_variants(query: str) -> list[str]:
    """The query with its participles replaced by infinitive and noun ("eingeführt" →
    "einführen", "einführung"); empty if it has none. Quoted and excluded words stay."""
    variants = []
    for ending in ("en", "ung"):
        def replace(match, ending=ending):
            stem = participle_stem(match.group())
            return stem + ending if stem else match.group()

        tokens = [token.group() if token.group().startswith(('"', "-"))
                  else WORD.sub(replace, token.group()) for token in _TOKEN.finditer(query)]
        variant = " ".join(tokens)
        if variant != " ".join(query.split()):
            variants.append(variant)
    return variants


def search_query(query: str):
    """The tsquery for a user's query: websearch syntax ("…", OR, -), German stemming."""
    combined = SearchQuery(query, search_type="websearch", config="german")
    for variant in query_variants(query):
        combined |= SearchQuery(variant, search_type="websearch", config="german")
    return combined


@dataclass(frozen=True)
class SearchResult:
    kind: str
    kind_label: str
    title: str
    url: str
    snippet: SafeString
    date: datetime | None


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


@dataclass
class SearchResults:
    query: str
    kind: str | None
    total: int = 0
    counts: list[KindCount] = field(default_factory=list)
    page: Page | None = None
    # The query had no searchable word (only stop words such as "der", "und").
    only_stop_words: bool = False
    # "Meinten Sie …?": queries spelled like words of the index, when nothing was found.
    suggestions: list[str] = field(default_factory=list)

    @property
    def counts_total(self) -> int:
        return sum(entry.count for entry in self.counts)

    @property
    def kind_label(self) -> str:
        return search_kind_label(self.kind) if self.kind else ""


def snippet_html(headline: str | None) -> SafeString:
    """ts_headline output as safe HTML: the text escaped, only our markers become <mark>."""
    escaped = escape(headline or "")
    return mark_safe(escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))  # noqa: S308


def search_results(*, query: str, user, kind: str | None = None,
                   page: int | str = 1) -> SearchResults:
    """One page of results for a query, as the user may see them, best first."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    kind = kind if kind in search_kinds() else None
    if not query:
        return SearchResults(query=query, kind=kind)
    internal = user.has_perm("members.view_internal")
    # Like the counts (see _counts): a page of results is the same for everyone of the
    # audience and only changes with a write, so it is kept until the next one. Ranking
    # all hits of a frequent word is most of a search's time (50-80 ms at 100,000 articles).
    digest = hashlib.sha256(query.encode()).hexdigest()
    return until_changed(
        f"search:page:{'members' if internal else 'public'}:{kind}:{page}:{digest}",
        lambda: _page_of_results(query=query, kind=kind, internal=internal, page=page))


def _page_of_results(*, query: str, kind: str | None, internal: bool, page) -> SearchResults:
    results = SearchResults(query=query, kind=kind)
    with transaction.atomic():
        _use_index()
        _search(results, internal=internal, page=page)
        # Nothing was written: rolling back ends the planner setting with this block, also
        # inside a transaction the caller holds open.
        transaction.set_rollback(True)
    return results


def _search(results: SearchResults, *, internal: bool, page) -> None:
    query, kind = results.query, results.kind
    prefix = "" if internal else "public_"
    vector, head, text = f"{prefix}vector", f"{prefix}head_vector", f"{prefix}text"
    title = "public_title" if prefix else "title"
    tsquery = search_query(query)
    entries = SearchEntry.objects.filter(**{vector: tsquery})
    pairs = _phrase_pairs(query)
    if pairs:
        # Only the entries with the phrase's word pairs (rare) have their positions checked.
        # The column name is one of two constants; the pairs are a parameter.
        entries = entries.filter(RawSQL(  # noqa: S611
            f"{SearchEntry._meta.db_table}.{vector} @@ %s::tsquery", [pairs],
            output_field=BooleanField()))
    if not internal:
        entries = entries.filter(Q(public_until__isnull=True)
                                 | Q(public_until__gte=timezone.now()))
    by_kind = _counts(entries, query=query, internal=internal)
    if not by_kind and _only_stop_words(query):
        results.only_stop_words = True
        return
    if not by_kind:
        results.suggestions = suggestions(query, internal=internal)
    # The type filter names groups of results.
    results.counts = [KindCount(source.kind, source.label_plural, by_kind.get(source.kind, 0))
                      for source in search_sources()]
    results.total = by_kind.get(kind, 0) if kind else sum(by_kind.values())
    paginator = Paginator(range(results.total), PER_PAGE)
    results.page = paginator.get_page(page)
    if kind:
        entries = entries.filter(kind=kind)
    offset = (results.page.number - 1) * PER_PAGE
    ranked = F(vector) if results.total <= FULL_RANK_LIMIT else F(head)
    # The page's rows are chosen in a subquery, so ts_headline runs on them only.
    best = (entries.annotate(rank=SearchRank(ranked, tsquery, weights=RANK_WEIGHTS))
            .order_by("-rank", F("date").desc(nulls_last=True), "pk")
            .values("pk")[offset:offset + PER_PAGE])
    if pairs:
        # Chosen apart: as a subquery PostgreSQL rechecks the phrase in every entry with
        # both words (seconds at 100,000 articles) instead of the few with its pairs.
        best = [row["pk"] for row in best]
    rows = (SearchEntry.objects.filter(pk__in=best if pairs else Subquery(best))
            .annotate(rank=SearchRank(ranked, tsquery, weights=RANK_WEIGHTS),
                      headline=SearchHeadline(text, tsquery, config="german", **HEADLINE))
            .order_by("-rank", F("date").desc(nulls_last=True), "pk")
            .values_list("kind", "object_id", "slug", title, "headline", "date"))
    rows = list(rows)
    # Words found through a compound part ("Bauantrag" for "Antrag") are marked too.
    headlines = mark_compounds([row[4] for row in rows], query, query_variants(query))
    results.page.object_list = [
        SearchResult(kind=row_kind, kind_label=search_source(row_kind).label, title=row_title,
                     url=search_source(row_kind).url(object_id, slug),
                     snippet=snippet_html(headline), date=date)
        for (row_kind, object_id, slug, row_title, _headline, date), headline
        in zip(rows, headlines, strict=True)]


def _counts(entries, *, query: str, internal: bool) -> dict[str, int]:
    """Hits per kind. Counting 96,000 hits of a frequent word takes 40-55 ms of the page's
    SQL at 100,000 articles, and the counts only change with a write: like the knowledge
    page's category counts they are kept until the next write (common.page_cache; at most
    VISITOR_CACHE_SECONDS, which also bounds how late a public_until that passes shows),
    per audience and query; so are the pages of results (search_results)."""
    digest = hashlib.sha256(query.encode()).hexdigest()
    return until_changed(
        f"search:counts:{'members' if internal else 'public'}:{digest}",
        lambda: dict(entries.order_by().values_list("kind").annotate(n=Count("pk"))))


def _use_index() -> None:
    # PostgreSQL prices checking a word against a row's vector like any cheap comparison,
    # so for a frequent word it prefers reading the whole table and checks every vector,
    # each a TOASTed value: about a second at 100,000 articles. From the GIN index (no
    # recheck for plain words) the same count takes a fraction of that. SET LOCAL lasts to
    # the end of the transaction; search_results() rolls its block back, undoing it.
    # Parallel workers neither: ranking 96,000 hits took 88 ms with two workers and the
    # leader (three processes busy) and 76 ms in one; under load they only take cores from
    # the other requests.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; "
                       "SET LOCAL max_parallel_workers_per_gather = 0")


def _phrase_pairs(query: str) -> str:
    """The neighbouring word pairs of the query's required phrases as a tsquery ("'elektron
    akt'"), the lexemes the index holds for them (common.search.indexing); empty if none."""
    if _OR.search(query):
        return ""
    phrases = [match.group(1) for match in _REQUIRED_PHRASE.finditer(query)]
    if not phrases:
        return ""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(string_agg(DISTINCT quote_literal(pair), ' & '), '') FROM ("
            "SELECT unnest(tsvector_to_array(search_word_pairs(to_tsvector('german', p)))) "
            "AS pair FROM unnest(%s::text[]) AS p) AS pairs", [phrases])
        return cursor.fetchone()[0]


def _only_stop_words(query: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery('german'::regconfig, %s))",
                       [query])
        return cursor.fetchone()[0] == 0
