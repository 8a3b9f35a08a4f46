""""Meinten Sie …?": words of the index close to a query that found nothing.

The embedded PostgreSQL has no pg_trgm, so the comparison runs in Python with RapidFuzz
(Levenshtein distance, C++) over the words of the titles an audience may find: visitors
the public titles of public entries only, member staff all titles. The word list is built
with one query, bounded to the MAX_WORDS most frequent words, and kept in the cache until
the next write (common.page_cache.until_changed), per audience.

Words are compared without case and hyphens, so "eakte" meets "E-Akte"; the distance
allowed grows with the word's length ("Terminvereinbahrung" → "Terminvereinbarung").
"""

import re

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..models import SearchEntry
from ..page_cache import until_changed

MAX_WORDS = 20_000
MAX_SUGGESTIONS = 3
MIN_LENGTH = 3
_QUERY_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

TABLE = SearchEntry._meta.db_table
# Only constants of this module go into the text.
_WORDS_SQL = {
    audience: f"""
SELECT word FROM (
    SELECT trim(BOTH '-' FROM part) AS word
    FROM {TABLE}, regexp_split_to_table({title}, '[^[:alnum:]-]+') AS part
    WHERE {condition}
) AS words
WHERE length(word) >= {MIN_LENGTH} AND word !~ '^[0-9-]+$'
GROUP BY word ORDER BY count(*) DESC, word LIMIT {MAX_WORDS}
"""  # noqa: S608
    for audience, title, condition in (
        ("members", "title", "TRUE"),
        ("public", "public_title",
         "public_vector IS NOT NULL AND (public_until IS NULL OR public_until >= now())"),
    )
}


def _key(word: str) -> str:
    return word.replace("-", "").lower()


def _words(audience: str) -> dict[str, str]:
    """Compared form → the word as most often written, most frequent first."""
    with connection.cursor() as cursor:
        cursor.execute(_WORDS_SQL[audience])
        words: dict[str, str] = {}
        for (word,) in cursor.fetchall():
            words.setdefault(_key(word), word)
        return words


def vocabulary(*, internal: bool) -> dict[str, str]:
    audience = "members" if internal else "public"
    return until_changed(f"search:words:{audience}", lambda: _words(audience))


def _max_distance(key: str) -> int:
    return 1 if len(key) <= 5 else 2 if len(key) <= 10 else 3


def _candidates(word: str, words: dict[str, str]) -> list[str]:
    """The index's words for one query word: itself if the index has it as written, else
    the closest ones (fewest edits, then the most frequent)."""
    key = _key(word)
    if key in words and words[key].lower() == word.lower():
        return [word]
    found = process.extract(key, list(words), scorer=Levenshtein.distance,
                            score_cutoff=_max_distance(key), limit=MAX_SUGGESTIONS)
    return [words[match] for match, _distance, _index in found]


def suggestions(query: str, *, internal: bool) -> list[str]:
    """Up to MAX_SUGGESTIONS queries with the index's spelling of the query's words; empty
    if the query has operators or nothing close is known."""
    if '"' in query or any(token.startswith("-") or token.lower() == "or"
                           for token in query.split()):
        return []
    query_words = _QUERY_WORD.findall(query)
    if not query_words or len(query_words) > 5:
        return []
    words = vocabulary(internal=internal)
    options = [_candidates(word, words) if len(word) >= MIN_LENGTH else [word]
               for word in query_words]
    if not all(options):
        return []
    proposals = []
    for rank in range(MAX_SUGGESTIONS):
        proposal = " ".join(choices[min(rank, len(choices) - 1)] for choices in options)
        if proposal.lower() != " ".join(query_words).lower() and proposal not in proposals:
            proposals.append(proposal)
    return proposals
