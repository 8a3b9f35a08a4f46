"""Marking the compound words of snippets that a query found through one of their parts.

ts_headline marks the words whose own lexeme matches the query; a word found only through
a compound part ("Bauantrag" for "Antrag", indexed with weight D, see compounds.py) stays
unmarked, since PostgreSQL knows nothing of its parts. So the page's snippets are searched
for capitalized words (the ones the indexer splits) whose parts stem like a word of the
query, and those words get the same markers: one query for all snippets of a page.
"""

import re

from django.db import connection

from .compounds import MIN_WORD, WORD, compound_terms
from .indexing import MARK_START, MARK_STOP

_MARKED = re.compile(f"({MARK_START}.*?{MARK_STOP})", re.S)
_TOKEN = re.compile(r'"[^"]*"?|\S+')


def query_words(query: str) -> list[str]:
    """The words a hit may contain: not the excluded ones ("-Papier") nor OR."""
    words = []
    for token in _TOKEN.findall(query):
        if token.startswith("-") or token.lower() == "or":
            continue
        words.extend(WORD.findall(token))
    return words


def _candidates(word: str) -> tuple[str, ...]:
    if len(word) < MIN_WORD or not word[0].isupper():
        return ()
    return compound_terms(word)


def _unmarked_words(headline: str):
    for index, segment in enumerate(_MARKED.split(headline)):
        if index % 2 == 0:
            yield from WORD.findall(segment)


def _matching_parts(parts: set[str], words: list[str], extra: list[str]) -> set[str]:
    """The parts whose German lexemes meet a lexeme of the query words (or variants)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT part FROM unnest(%s::text[]) AS part WHERE "
            "tsvector_to_array(to_tsvector('german'::regconfig, part)) && "
            "tsvector_to_array(to_tsvector('german'::regconfig, %s))",
            [sorted(parts), " ".join([*words, *extra])])
        return {row[0] for row in cursor.fetchall()}


def mark_compounds(headlines: list[str | None], query: str,
                   variants: list[str] = ()) -> list[str | None]:
    """The headlines with markers also around the compound words that contain a query
    word as a part. At most one query, none if no snippet has a candidate word."""
    words = query_words(query)
    if not words:
        return headlines
    parts = {part for headline in headlines if headline
             for word in _unmarked_words(headline) for part in _candidates(word)}
    if not parts:
        return headlines
    matching = _matching_parts(parts, words, [w for v in variants for w in query_words(v)])
    if not matching:
        return headlines

    def mark(match: re.Match) -> str:
        word = match.group()
        if any(part in matching for part in _candidates(word)):
            return f"{MARK_START}{word}{MARK_STOP}"
        return word

    def mark_headline(headline: str | None) -> str | None:
        if not headline:
            return headline
        segments = _MARKED.split(headline)
        return "".join(segment if index % 2 else WORD.sub(mark, segment)
                       for index, segment in enumerate(segments))

    return [mark_headline(headline) for headline in headlines]
