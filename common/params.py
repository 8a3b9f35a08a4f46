"""Integer parameters from the address or a hidden field, parsed in one place.

`str.isdigit()` accepts "²" and "７", `int()` accepts "٣", " 7" and "1_0"; a number too
large for the database fails in the query. Only ASCII digits within the bigint range pass.
"""

import re

BIGINT_MAX = 2**63 - 1
_ASCII_INTEGER = re.compile(r"-?[0-9]{1,19}")


def int_param(value, *, minimum: int = 0, maximum: int = BIGINT_MAX) -> int | None:
    """The integer written in ASCII digits (an optional leading minus) within
    [minimum, maximum], else None; lists take their last element, like QueryDict.get."""
    if isinstance(value, list | tuple):
        value = value[-1] if value else None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _ASCII_INTEGER.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if minimum <= number <= maximum else None


def page_number(request) -> int:
    """The `?page=` of a list (1 if missing or not a page number)."""
    return int_param(request.GET.get("page"), minimum=1) or 1
