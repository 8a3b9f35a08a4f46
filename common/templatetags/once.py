"""`{% once_token %}`: a one-time token in every POST form, so that a double click or a
resubmitted page does not run the action twice (see common.once)."""

import uuid

from django import template
from django.utils.html import format_html

register = template.Library()

ONCE_FIELD = "_once"


@register.simple_tag
def once_token() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', ONCE_FIELD, uuid.uuid4().hex)
