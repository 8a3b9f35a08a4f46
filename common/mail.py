"""Mail subjects: plain text on one line, however the names in them were written.

A subject is a mail header: HTML escaping would show "&amp;" in the inbox, and a line break
(an administration name typed with one, or stored before forms refused them) makes Django
refuse the whole mail.
"""

from django.template import Context
from django.template.loader import get_template

from .input import strip_unsafe


def subject_line(text: str) -> str:
    """The text as one header line: whitespace runs, line breaks included, become one space;
    control and bidi characters are dropped."""
    return " ".join(strip_unsafe(text).split())


def render_subject(template_name: str, context: dict) -> str:
    """Render a `*_subject.txt` template without autoescaping, as one line."""
    template = get_template(template_name).template  # the Django engine's own Template
    return subject_line(template.render(Context(context, autoescape=False)))
