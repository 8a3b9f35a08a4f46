"""Read functions of the members app, shaped for their pages."""

from django.db.models import QuerySet

from .models import Administration


def administrations_public() -> QuerySet[Administration]:
    """All member administrations in the order of the directory."""
    return Administration.objects.order_by("name")
