"""What the portal holds about a person, and how it is removed (DSGVO Art. 15, 17, 20).

No floor knows every table that mentions a person, so each app registers its part in
`AppConfig.ready()`:

    # legal/personal_data.py: register(), called from LegalConfig.ready()
    personal_data_register(
        "legal", label="Rückmeldungen und Kontaktanfragen",
        collect=lambda user: {"Rückmeldungen": [
            {"Eingegangen am": m.created_at.isoformat(), "Seite": m.page, ...}
            for m in Feedback.objects.filter(email__iexact=user.email)]},
        erase=lambda user: Feedback.objects.filter(email__iexact=user.email).update(
            name="", email=""))

`collect(user)` returns what that app holds about the person: a dict whose keys are
German labels (they are the headings on the "Meine Daten" page and the keys of the JSON
download) and whose values are

* a scalar: str, int, float, bool or None (dates and times as ISO 8601 strings: `iso()`),
* a dict of scalars (one record, shown as a list of label and value),
* a list of scalars, or
* a list of dicts of scalars (the rows of a table; their keys are the column headings).

Never put secrets in it (tokens, password hashes, recovery codes): say that they exist.

`erase(user)` removes or pseudonymises that app's personal data of the person, inside the
transaction of the removal. Content the network relies on (minutes, decisions, status
history, articles, documents) stays; where it shows the person, it shows the pseudonym
instead: the account itself is renamed to "ehemalige Person (<Verwaltung>)" by members,
whose part is erased last. Saves through the ORM keep the search index current (the
sources' signals, common.search.signals); an erase that uses `QuerySet.update()` on a
searchable model calls `common.search.indexing.search_index` itself.

Parts are shown in the order given (then in the order registered) and erased in the
reverse order, so the account (members, order 10) goes last and every other erase still
sees the person's e-mail address and name.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

Collect = Callable[[Any], Any]
Erase = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataPart:
    key: str
    label: str
    collect: Collect
    erase: Erase
    order: int


_PARTS: dict[str, PersonalDataPart] = {}


def personal_data_register(key: str, *, label: str, collect: Collect, erase: Erase,
                           order: int = 100) -> None:
    """Register an app's personal data under `key` (one key per app; a key registered
    twice with other functions is a mistake)."""
    existing = _PARTS.get(key)
    part = PersonalDataPart(key=key, label=label, collect=collect, erase=erase,
                            order=order)
    if existing is not None and existing != part:
        raise ValueError(f"personal data {key!r} is registered twice")
    _PARTS[key] = part


def personal_data_forget(key: str) -> None:
    """Remove a registration (for tests that register their own parts)."""
    _PARTS.pop(key, None)


def personal_data_parts() -> list[PersonalDataPart]:
    """Every registered part, in the order they are shown."""
    return sorted(_PARTS.values(), key=lambda part: part.order)


def personal_data_for(user) -> list[dict[str, Any]]:
    """Everything the portal holds about `user`: one entry per registered part,
    `{"key": ..., "label": ..., "data": ...}`, in the order they are shown."""
    return [{"key": part.key, "label": part.label, "data": part.collect(user)}
            for part in personal_data_parts()]


def personal_data_erase(user) -> None:
    """Remove or pseudonymise the personal data of `user` in every registered part, in
    one transaction, the account last."""
    with transaction.atomic():
        for part in reversed(personal_data_parts()):
            part.erase(user)


def iso(value: date | datetime | None) -> str | None:
    """A date or time for `collect`: ISO 8601, times in the portal's time zone."""
    if value is None:
        return None
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else (
        value.isoformat())
