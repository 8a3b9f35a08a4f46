"""Break opportunities for narrow table headers: soft hyphens between the parts of long
German compounds ("Dokumenten­management­system") and a zero-width space after "/", so a
header wraps at a word boundary instead of overflowing or breaking anywhere. Browsers
hyphenate German only with a dictionary they may not have; the compound splitter of the
search (common.search.compounds) knows the parts.
"""

from functools import lru_cache

from .search.compounds import WORD, _spans

SOFT_HYPHEN = "\u00ad"
ZERO_WIDTH_SPACE = "\u200b"
LONG_WORD = 11  # shorter words fit a column as they are
MIN_PIECE = 4  # no piece shorter than this on a line of its own


def _breaks(word: str) -> list[int]:
    """Positions inside a lowercase word where a compound part starts, parts of parts
    included."""
    positions: list[int] = []
    for start, end in _spans(word):
        if start:
            positions.append(start)
        if end - start >= LONG_WORD:
            positions.extend(start + inner for inner in _breaks(word[start:end]))
    return sorted(positions)


@lru_cache(maxsize=4096)
def soft_hyphens(text: str) -> str:
    """The text with soft hyphens inside long compounds and a break after every "/"."""
    pieces, last = [], 0
    for match in WORD.finditer(text):
        word = match.group(0)
        if len(word) < LONG_WORD:
            continue
        start = match.start()
        previous = 0
        for position in _breaks(word.lower()):
            if position - previous >= MIN_PIECE and len(word) - position >= MIN_PIECE:
                pieces.append(text[last:start + position])
                pieces.append(SOFT_HYPHEN)
                last = start + position
                previous = position
    pieces.append(text[last:])
    return "".join(pieces).replace("/", "/" + ZERO_WIDTH_SPACE)
