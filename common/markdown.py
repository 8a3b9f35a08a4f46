"""Markdown to safe HTML: CommonMark with tables, then an allow-list sanitizer."""

import html as html_lib

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


def _demote_headings(html: str) -> str:
    # The article title is the page's only h1; "# Abschnitt" in the text becomes an h2.
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>")
    return html


def markdown_render(source: str) -> SafeString:
    """Render Markdown to HTML that keeps no script, event handler or unsafe URL."""
    html = _demote_headings(_parser.render(source or ""))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitized by nh3 with an allow-list above


def markdown_plain_text(source: str) -> str:
    """The visible words of a Markdown text, for the search index and snippets."""
    html = _parser.render(source or "")
    text = html_lib.unescape(nh3.clean(html, tags=set()))
    return " ".join(text.split())
