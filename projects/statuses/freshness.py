"""What cached values showing statuses depend on (common.page_cache.until_changed scopes).

A status belongs to an administration and a topic or an OZG service; a change renews only
the values of those (e.g. that topic's map, that administration's history), not everything
cached. Bulk loads that bypass
`status_save` (COPY, imports) end with `summaries_rebuild()`, which renews all of them."""

from common.page_cache import data_changed

ALL = "statuses"


def status_scopes(*, topic_id: int | None = None, service_id: int | None = None,
                  administration_id: int | None = None, services: bool = False,
                  topics: bool = False) -> tuple:
    """The scopes of the statuses of one topic, one service or one administration, or of
    all OZG services or all topics."""
    if services or topics:
        own = "statuses:services" if services else "statuses:topics"
    elif topic_id is not None:
        own = f"statuses:topic:{topic_id}"
    elif service_id is not None:
        own = f"statuses:service:{service_id}"
    else:
        own = f"statuses:administration:{administration_id}"
    return (ALL, own)


def _status_written(sender, instance, **kwargs) -> None:
    data_changed(status_scopes(topic_id=instance.topic_id, service_id=instance.service_id)[1],
                 status_scopes(administration_id=instance.administration_id)[1],
                 status_scopes(services=instance.service_id is not None,
                               topics=instance.topic_id is not None)[1])


def connect() -> None:
    """Called from ProjectsConfig.ready(): every write of a status renews its scope."""
    from django.db.models.signals import post_delete, post_save

    from ..models import Status

    post_save.connect(_status_written, sender=Status, dispatch_uid="status-scope-save")
    post_delete.connect(_status_written, sender=Status, dispatch_uid="status-scope-delete")


def all_statuses_changed() -> None:
    """After writes that send no signals (bulk loads, a recount)."""
    data_changed(ALL)
