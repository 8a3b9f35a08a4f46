"""Attendance: finding member staff who came without registering, by address or name."""

from django.db.models import CharField, QuerySet, Value
from django.db.models.functions import Concat, Lower

from members.models import Administration, User

MATCHES_SHOWN = 5


def member_staff() -> QuerySet[User]:
    """Active staff of the current member administrations (the coordination office is one)."""
    return User.objects.filter(is_active=True,
                               administration__in=Administration.objects.current())


def staff_matching(text: str) -> list[User]:
    """The member staff meant by an e-mail address or a full name ("Vorname Nachname"),
    case-insensitive; at most MATCHES_SHOWN + 1, so callers can tell "several" apart."""
    text = " ".join(text.split())
    people = member_staff().select_related("administration")
    if "@" in text:
        people = people.filter(email__iexact=text)
    else:
        people = people.annotate(full_name=Lower(Concat(
            "first_name", Value(" "), "last_name", output_field=CharField()))
        ).filter(full_name=text.lower())
    return list(people.order_by("last_name", "first_name", "pk")[:MATCHES_SHOWN + 1])
