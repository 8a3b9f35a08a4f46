"""Markdown to safe HTML: CommonMark with tables, then an allow-list sanitizer."""

import html as html_lib
import re
from functools import lru_cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Raw HTML in the source is escaped by the parser already; nh3 is the second wall and the
# one that removes dangerous link targets (javascript:, data:, vbscript:).
_parser = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(
    ["table", "strikethrough"])


def _image_as_link(self, tokens, idx, options, env):
    # No images from other servers (privacy of readers, no third-party requests): an image
    # becomes a link to it, labelled with its alternative text.
    token = tokens[idx]
    label = self.renderInline(token.children or [], options, env) or token.attrGet("src")
    return f'<a href="{html_lib.escape(token.attrGet("src") or "")}">{label}</a>'


_parser.add_render_rule("image", _image_as_link)

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "ol", "p", "pre", "s", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def markdown_render(source: str) -> SafeString:
    """Render Markdown to HTML that keeps no script, event handler or unsafe URL."""
    return mark_safe(_rendered(source or ""))  # noqa: S308 - sanitized by nh3 (allow-list)


# The same text gives the same HTML: the texts read most (articles, legal pages) are
# parsed and sanitized once per process (a few MB at most).
@lru_cache(maxsize=256)
def _rendered(source: str) -> str:
    # The page's title is its only h1: the text's first heading becomes an h2, and no
    # heading skips a level ("## A" then "#### B" gives h2, h3).
    html = _nest_headings(_parser.render(source), 2)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def markdown_plain_text(source: str) -> str:
    """The visible words of a Markdown text, for the search index and snippets."""
    html = _parser.render(source or "")
    text = html_lib.unescape(nh3.clean(html, tags=set()))
    return " ".join(text.split())


_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def _nest_headings(html: str, level: int) -> str:
    # A text's headings sit below the heading of its section: the first becomes `level`,
    # and none goes more than one level deeper than the one before it (no skipped levels,
    # as WCAG and PDF/UA ask); h6 is the deepest.
    previous = level - 1
    offset = None

    def renumber(match: re.Match) -> str:
        nonlocal previous, offset
        found = int(match[1])
        if offset is None:
            offset = level - found
        wanted = max(level, min(found + offset, previous + 1, 6))
        previous = wanted
        return f"<h{wanted}>{match[2]}</h{wanted}>"

    return _HEADING.sub(renumber, html)


def markdown_section(source: str, *, heading_level: int) -> SafeString:
    """Markdown for a section of a page or PDF whose own heading is one level above
    `heading_level` (minutes notes under "TOP 3", a decision under its item). Line breaks
    inside a paragraph stay line breaks, as they were in the plain-text notes before."""
    html = _nest_headings(markdown_render(source), heading_level)
    html = _PARAGRAPH.sub(lambda m: "<p>" + m[1].strip().replace("\n", "<br>\n") + "</p>",
                          html)
    return mark_safe(html)  # noqa: S308 - markdown_render sanitized it; only tags renamed


def markdown_compact(source: str, *, heading_level: int = 3) -> SafeString:
    """A short text (a decision's wording) inline when it is one paragraph, so it can stand
    in a sentence ("… – einstimmig"); longer texts keep their structure."""
    html = str(markdown_section(source, heading_level=heading_level)).strip()
    inner = html.removeprefix("<p>").removesuffix("</p>")
    if html.startswith("<p>") and "<p>" not in inner and "</p>" not in inner:
        return mark_safe(inner)  # noqa: S308 - sanitized by markdown_render
    return mark_safe(html)  # noqa: S308 - sanitized by markdown_render
