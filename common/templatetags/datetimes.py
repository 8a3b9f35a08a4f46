"""`<time datetime="{{ value|iso_datetime }}">`: a machine-readable date or time that the
HTML standard accepts (ISO 8601 in local time, whole seconds: at most three fractional
digits are valid, Python's isoformat() writes six)."""

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def iso_datetime(value) -> str:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
