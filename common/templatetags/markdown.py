"""`{{ text|markdown_section:4 }}`: sanitized Markdown whose headings start at h4;
`{{ text|markdown_compact }}`: the same, inline when it is a single paragraph."""

from django import template

from common.markdown import markdown_compact as _markdown_compact
from common.markdown import markdown_section as _markdown_section

register = template.Library()


@register.filter
def markdown_section(source, heading_level=3):
    return _markdown_section(str(source or ""), heading_level=int(heading_level))


@register.filter
def markdown_compact(source, heading_level=3):
    return _markdown_compact(str(source or ""), heading_level=int(heading_level))
