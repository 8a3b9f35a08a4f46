"""`{% personal_data_value value row_limit %}`: one value of a person's data as the
"Meine Daten" page shows it (see common.personal_data for the shapes): a record as a list
of label and value, rows as a table, a list as a list, a scalar as text; dates German."""

import re
from datetime import date, datetime

from django import template
from django.utils import formats, timezone
from django.utils.translation import gettext as _

register = template.Library()

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$")
SCALARS = (str, int, float, bool, type(None))


def _text(value) -> str:
    if value is None or value == "":
        return "–"
    if value is True:
        return _("ja")
    if value is False:
        return _("nein")
    if isinstance(value, str):
        try:
            if _DATE.match(value):
                return formats.date_format(date.fromisoformat(value), "d.m.Y")
            if _DATETIME.match(value):
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
                if timezone.is_aware(moment):
                    moment = timezone.localtime(moment)
                return formats.date_format(moment, "d.m.Y, H:i") + " " + _("Uhr")
        except ValueError:
            pass
    return str(value)


def _shape(value) -> str:
    if isinstance(value, dict):
        return "record"
    if isinstance(value, list | tuple):
        if not value:
            return "empty"
        return "rows" if all(isinstance(item, dict) for item in value) else "list"
    return "scalar"


@register.inclusion_tag("personal_data/_value.html")
def personal_data_value(value, row_limit: int = 200, caption: str = "") -> dict:
    shape = _shape(value)
    context = {"shape": shape, "caption": caption}
    if shape == "record":
        context["items"] = [(str(key), _text(item) if isinstance(item, SCALARS) else str(item))
                            for key, item in value.items()]
    elif shape == "rows":
        headings = list(dict.fromkeys(str(key) for row in value for key in row))
        shown = value[:row_limit]
        context.update(headings=headings, more=len(value) - len(shown), total=len(value),
                       rows=[[_text(row.get(heading)) for heading in headings] for row in shown])
    elif shape == "list":
        context["items"] = [_text(item) for item in value[:row_limit]]
        context["more"] = len(value) - min(len(value), row_limit)
    elif shape == "scalar":
        context["text"] = _text(value)
    return context
