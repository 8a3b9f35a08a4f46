"""Split German compound nouns into known parts, so "Antrag" also finds "Bauantrag".

PostgreSQL's `german` configuration stems whole words only, and the embedded server has
no contrib dictionaries. So the indexer splits compounds itself, with the noun forms of
the `german-nouns` package (German Wiktionary, CC BY-SA 4.0) as dictionary, and indexes
the parts with a low weight. Hyphenated words ("E-Akte") need no help: PostgreSQL's
parser emits their parts already.
"""

import re
from functools import cache, lru_cache
from importlib import resources

MIN_WORD = 6  # shorter words are not split ("Antrag" is not "Ant" + "rag")
MIN_PART = 3
# Parts have at least four letters, except these common three-letter nouns: the word list
# holds hundreds of rare ones and abbreviations ("Ais", "Eid", "Lei") that would split
# "Beispiel" into "bei" + "spiel" or "Bescheid" into "besch" + "eid".
SHORT_PARTS = frozenset({
    "amt", "akt", "arm", "bad", "bau", "bus", "eis", "gas", "hof", "not", "ort", "rad", "rat",
    "see", "tag", "tal", "tor", "tür", "typ", "uhr", "web", "weg", "zug",
})
# Rare nouns that are more often the tail of a wrong split than a part: "Standesamt" is
# "Stand" + "Amt", not "Stand" + "Samt"; "Mitarbeitende" has no "Ende".
NOT_PARTS = frozenset({"samt", "tand", "sachs", "ende", "enden", "ster", "zen"})
# Linking elements (Fugenelemente) that may follow a non-final part.
LINKS = ("", "s", "es", "n", "en", "e", "er", "ens")
# After these endings the linking "s" is obligatory, so "Gesundheitsamt" is
# "Gesundheit" + "Amt" and never "Gesundheit" + "Samt".
S_LINK_ENDINGS = ("ung", "heit", "keit", "schaft", "tion", "sion", "tät", "ling", "tum")

# Words as the indexer sees them: runs of letters; hyphens and digits separate words.
WORD = re.compile(r"[^\W\d_]+")


@cache
def noun_forms() -> frozenset[str]:
    """All lowercase noun forms of the word list (loaded once per process)."""
    forms = set()
    with resources.files("german_nouns").joinpath("index.txt").open(encoding="utf-8") as lines:
        for line in lines:
            form = line.split("\t", 1)[0]
            if (len(form) > MIN_PART or form in SHORT_PARTS) and form not in NOT_PARTS \
                    and "-" not in form and " " not in form:
                forms.add(form)
    return frozenset(forms)


def split_compound(word: str) -> tuple[str, ...]:
    """The parts of a compound ("bauantrag" → ("bau", "antrag")), or () if it is none.

    Every part is a known noun form of at least three letters; a linking element may
    follow each part but the last. The segmentation with the fewest parts wins.
    """
    word = word.lower()
    return tuple(word[start:end] for start, end in _spans(word))


@lru_cache(maxsize=200_000)
def _spans(word: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each part of the best segmentation of a lowercase word, or ()."""
    if len(word) < MIN_WORD:
        return ()
    nouns = noun_forms()
    length = len(word)
    memo: dict[int, tuple[tuple[int, int], ...] | None] = {}

    def segment(start: int, whole_allowed: bool) -> tuple[tuple[int, int], ...] | None:
        if whole_allowed and start in memo:
            return memo[start]
        best = ((start, length),) if whole_allowed and word[start:] in nouns else None
        for end in range(start + MIN_PART, length - MIN_PART + 1):
            part = word[start:end]
            if part not in nouns:
                continue
            needs_s = part.endswith(S_LINK_ENDINGS) and word[end:end + 1] == "s"
            for link in LINKS:
                following = end + len(link)
                if ((needs_s and link != "s") or word[end:following] != link
                        or length - following < MIN_PART):
                    continue
                rest = segment(following, True)
                if rest is not None and _better(((start, end), *rest), best):
                    best = ((start, end), *rest)
        if whole_allowed:
            memo[start] = best
        return best

    return segment(0, False) or ()


def _better(candidate, best) -> bool:
    # Fewest parts first; among equals the longer last part (the head of a German compound
    # is its last part, and a longer head is the likelier reading), then the fewest letters
    # in linking elements ("Daten" + "Schutz" rather than "Date" + "n" + "Schutz").
    if best is None:
        return True
    return _rank(candidate) < _rank(best)


def _rank(spans) -> tuple[int, int, int]:
    covered = sum(end - start for start, end in spans)
    return len(spans), spans[-1][0] - spans[-1][1], spans[-1][1] - spans[0][0] - covered


@lru_cache(maxsize=200_000)
def compound_terms(word: str) -> tuple[str, ...]:
    """The words to index for a compound besides itself: its parts, the parts of those
    parts, and for three or more parts the inner compounds ("Musterdienstanweisung" →
    muster, dienst, anweisung, musterdienst, dienstanweisung)."""
    word = word.lower()
    spans = _spans(word)
    terms: list[str] = []
    for start, end in spans:
        part = word[start:end]
        terms.append(part)
        terms.extend(compound_terms(part))
    # Contiguous runs of two or more parts, but not the whole word, keeping the linking
    # elements between them ("baulasten", "lastenverzeichnis").
    for first in range(len(spans)):
        for last in range(first + 1, len(spans)):
            if first == 0 and last == len(spans) - 1:
                continue
            terms.append(word[spans[first][0]:spans[last][1]])
    return tuple(dict.fromkeys(terms))


def compound_text(*texts: str) -> str:
    """The compound parts of every capitalized word of the texts, as one string to index.

    Only capitalized words are tried: German nouns are capitalized, and trying verbs and
    adjectives would mostly find accidental splits.
    """
    seen: set[str] = set()
    terms: dict[str, None] = {}
    for text in texts:
        for word in WORD.findall(text or ""):
            if len(word) < MIN_WORD or not word[0].isupper() or word in seen:
                continue
            seen.add(word)
            terms.update(dict.fromkeys(compound_terms(word)))
    return " ".join(terms)
