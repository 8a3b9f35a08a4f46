"""Mentions of administrations in a comment: "@MYK" (the short name, any case) or "@" and
the address slug ("@landkreis-neuwied").

A mention ends at a word boundary: "@MYK," and "@myk." mention Mayen-Koblenz, "@MYKX" and
"@MYK-Team" do not. Short names may hold spaces ("@VG Vallendar"); where two names match at
the same place the longer one wins. Only current members can be mentioned: only they have
editors to tell.
"""

import html
import re
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from members.models import Administration

# The first word after an "@" that does not follow a letter (so e-mail addresses mention
# nobody): candidates are looked up by it, the full names then checked in the text.
_FIRST_WORD = re.compile(r"(?<![\w@])@(\w[\w-]*)")
MAX_CANDIDATE_WORDS = 20


def _pattern(name: str, *, escaped: bool = False) -> re.Pattern:
    text = html.escape(name, quote=False) if escaped else name
    return re.compile(r"(?<![\w@])@" + re.escape(text) + r"(?!\w|-\w)", re.IGNORECASE)


def _names(administration: Administration) -> list[str]:
    return [name for name in (administration.short_name, administration.slug) if name]


def _matches(text: str, administrations, *, escaped: bool = False) -> list[tuple]:
    """Non-overlapping (start, end, administration) in text order, the longest name first
    where several start at the same place."""
    found = [(match.start(), match.end(), administration)
             for administration in administrations
             for name in _names(administration)
             for match in _pattern(name, escaped=escaped).finditer(text)]
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    chosen, reached = [], 0
    for start, end, administration in found:
        if start >= reached:
            chosen.append((start, end, administration))
            reached = end
    return chosen


def mentions_find(text: str) -> list[Administration]:
    """The current members the text mentions, in the order of their first mention (one
    query; none without an "@")."""
    words = list(dict.fromkeys(word.lower() for word in _FIRST_WORD.findall(text or "")))
    words = words[:MAX_CANDIDATE_WORDS]
    if not words:
        return []
    condition = reduce(or_, (Q(short_name__istartswith=word) | Q(slug__iexact=word)
                             for word in words))
    candidates = list(Administration.objects.current().filter(condition)
                      .only("pk", "name", "short_name", "slug"))
    mentioned = {}
    for _start, _end, administration in _matches(text, candidates):
        mentioned.setdefault(administration.pk, administration)
    return list(mentioned.values())


_TAG = re.compile(r"(<[^>]*>)")
_NO_LINKS_INSIDE = {"a", "code", "pre"}


def mentions_link(rendered: str, administrations) -> SafeString:
    """The sanitized HTML of a comment with each mention of these administrations linked to
    its page; text inside links and code stays as it is."""
    administrations = list(administrations)
    if not administrations or "@" not in rendered:
        return mark_safe(rendered)  # noqa: S308 - sanitized by common.markdown
    parts, inside = [], []
    for part in _TAG.split(rendered):
        if part.startswith("<"):
            name = part.strip("</>").split()[0].lower() if part.strip("</>") else ""
            if name in _NO_LINKS_INSIDE:
                if part.startswith("</"):
                    if inside:
                        inside.pop()
                elif not part.endswith("/>"):
                    inside.append(name)
            parts.append(part)
        elif inside or "@" not in part:
            parts.append(part)
        else:
            parts.append(_link_text(part, administrations))
    return mark_safe("".join(parts))  # noqa: S308 - only our escaped links were added


def _link_text(text: str, administrations) -> str:
    out, position = [], 0
    for start, end, administration in _matches(text, administrations, escaped=True):
        out.append(text[position:start])
        url = html.escape(administration.get_absolute_url())
        name = html.escape(administration.name)
        out.append(f'<a href="{url}" title="{name}">'
                   f"{text[start:end]}</a>")
        position = end
    out.append(text[position:])
    return "".join(out)
