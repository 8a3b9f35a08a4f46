"""External object lists as the spec says (2.5): pages with `data`, `pagination` and
`links`, a stable order (by id), the filters created_since/created_until/modified_since/
modified_until and a bounded `limit`.

Offset pages over the primary key: one COUNT and one page query (plus the page's
prefetches), whatever the page number; at 10,000 meetings the deepest OFFSET is still a
short index scan (bench/oparl_lists.py).
"""

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from math import ceil
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")


class ListError(ValueError):
    """A list parameter the server cannot use: answered with the spec's error object."""

    def __init__(self, message: str, debug: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.debug, self.status = message, debug, status


@dataclass
class ListParams:
    filters: dict[str, datetime] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict)  # as the client wrote them
    limit: int = DEFAULT_LIMIT
    page: int = 1
    omit_internal: bool = False


def _moment(name: str, value: str) -> datetime:
    # An unencoded "+01:00" arrives as " 01:00"; it can only have meant the plus sign.
    parsed = None
    with contextlib.suppress(ValueError):  # well-formed but impossible, e.g. month 13
        parsed = parse_datetime(value.strip().replace(" ", "+"))
    if parsed is None:
        raise ListError(f"Der Filter {name} erwartet einen Zeitpunkt nach ISO 8601, z. B. "
                        "2024-01-01T00:00:00+01:00.", f"{name}={value!r}")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def _positive(name: str, value: str) -> int:
    if not value.isascii() or not value.isdigit() or int(value) < 1 or len(value) > 9:
        raise ListError(f"Der Parameter {name} erwartet eine ganze Zahl ab 1.",
                        f"{name}={value!r}")
    return int(value)


def list_params(values: dict[str, str]) -> ListParams:
    """The list parameters from the query string; ListError for a value the spec does not
    allow. `limit` is bounded (1 to MAX_LIMIT), as the spec permits."""
    params = ListParams()
    for name in FILTERS:
        if values.get(name) is not None:
            params.filters[name] = _moment(name, values[name])
            params.raw[name] = values[name]
    if values.get("limit") is not None:
        params.limit = min(_positive("limit", values["limit"]), MAX_LIMIT)
    if values.get("page") is not None:
        params.page = _positive("page", values["page"])
    params.omit_internal = values.get("omit_internal") == "true"
    return params


def filtered(objects: QuerySet, params: ListParams, *, created: str, modified: str) -> QuerySet:
    lookups = {"created_since": f"{created}__gte", "created_until": f"{created}__lte",
               "modified_since": f"{modified}__gte", "modified_until": f"{modified}__lte"}
    return objects.filter(**{lookups[name]: value for name, value in params.filters.items()})


def in_memory_filtered(rows: list[tuple], params: ListParams) -> list:
    """The same filters for a list of (object, created, modified) rows."""
    checks = {"created_since": lambda c, m, v: c >= v, "created_until": lambda c, m, v: c <= v,
              "modified_since": lambda c, m, v: m >= v, "modified_until": lambda c, m, v: m <= v}
    return [obj for obj, created, modified in rows
            if all(checks[name](created, modified, value)
                   for name, value in params.filters.items())]


@dataclass
class Page:
    objects: list
    pagination: dict
    links: dict


def _link(base: str, params: ListParams, page: int) -> str:
    """A canonical page URL: the client's filters, then limit, omit_internal and page, in
    alphabetical order of the parameter names; defaults are left out."""
    query = dict(params.raw)
    if params.limit != DEFAULT_LIMIT:
        query["limit"] = str(params.limit)
    if params.omit_internal:
        query["omit_internal"] = "true"
    if page > 1:
        query["page"] = str(page)
    query = dict(sorted(query.items()))
    return f"{base}?{urlencode(query)}" if query else base


def paginate(objects: QuerySet, params: ListParams, base: str) -> Page:
    """One page of `objects` (already ordered by id). A page beyond the last raises
    ListError (answered 404 by the view)."""
    total = len(objects) if isinstance(objects, list) else objects.count()
    pages = max(1, ceil(total / params.limit))
    if params.page > pages:
        raise ListError("Diese Listenseite gibt es nicht.",
                        f"page={params.page}, totalPages={pages}", status=404)
    start = (params.page - 1) * params.limit
    links = {"first": _link(base, params, 1)}
    if params.page > 1:
        links["prev"] = _link(base, params, params.page - 1)
    links["self"] = _link(base, params, params.page)
    if params.page < pages:
        links["next"] = _link(base, params, params.page + 1)
    links["last"] = _link(base, params, pages)
    return Page(
        objects=list(objects[start:start + params.limit]),
        pagination={"totalElements": total, "elementsPerPage": params.limit,
                    "currentPage": params.page, "totalPages": pages},
        links=links)
