"""Keeping the search index current: every write of a searchable object reindexes it.

Signals here, although the house keeps business logic out of them: the index is derived
data, not a business rule, and it must follow every write path (services, the Django
admin, the shell, demo data) without each of them remembering to call the indexer. The
receivers reindex synchronously inside the writing transaction, so the index is current the
moment the write commits and rolls back with it. Queryset.update() and bulk_create() send
no signals; code that uses them on searchable models calls search_index() itself, and
`manage.py rebuild_search_index` repairs anything else.

What triggers a reindex is declared by each source (its model, parts, many-to-many fields
and related objects, see common.search.registry); `source_connect` wires it when the
source is registered.
"""

from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from .indexing import search_index, search_remove
from .registry import Part, Related, Source


def _deleted_with(origin, model) -> bool:
    """Whether a delete started at an object of `model` (then it removes its own entry)."""
    return isinstance(origin, model) or (isinstance(origin, QuerySet) and origin.model is model)


def _connect_object(model, kind: str) -> None:
    """The object itself: saved → reindexed, deleted → removed."""
    def saved(sender, instance, raw=False, **kwargs):
        if not raw:
            search_index(kind, [instance.pk])

    def deleted(sender, instance, **kwargs):
        search_remove(kind, [instance.pk])

    uid = f"search-{kind}-{model._meta.label_lower}"
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def _connect_part(part: Part, kind: str, owner_model) -> None:
    """A part of a searchable object (agenda item of a meeting): any write reindexes the
    owner, except when the owner itself is being deleted."""
    def changed(sender, instance, raw=False, origin=None, **kwargs):
        if raw or _deleted_with(origin, owner_model):
            return
        search_index(kind, [getattr(instance, f"{part.owner_field}_id")])

    uid = f"search-{kind}-part-{part.model._meta.label_lower}"
    post_save.connect(changed, sender=part.model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(changed, sender=part.model, weak=False, dispatch_uid=f"{uid}-delete")


def _connect_m2m(model, field_name: str, kind: str) -> None:
    """A many-to-many field of a searchable object, changed from either side."""
    through = getattr(model, field_name).through

    def changed(sender, instance, action, reverse, pk_set, **kwargs):
        if not reverse:
            if action in ("post_add", "post_remove", "post_clear") and isinstance(
                    instance, model):
                search_index(kind, [instance.pk])
        elif action == "pre_clear":
            field = model._meta.get_field(field_name)
            instance._search_cleared = list(through.objects.filter(
                **{field.m2m_reverse_field_name(): instance.pk}).values_list(
                    field.m2m_field_name(), flat=True))
        elif action == "post_clear":
            search_index(kind, getattr(instance, "_search_cleared", []))
        elif action in ("post_add", "post_remove"):
            search_index(kind, pk_set or [])

    m2m_changed.connect(changed, sender=through, weak=False,
                        dispatch_uid=f"search-{kind}-{model._meta.label_lower}-{field_name}")


def _remember_old_values(model, fields: tuple[str, ...]) -> None:
    """Before a save, the stored values of these fields (one query, shared by every source
    that watches the same fields of the model)."""
    def remember(sender, instance, raw=False, **kwargs):
        if raw or not instance.pk:
            return
        old = model._base_manager.filter(pk=instance.pk).values(*fields).first()
        instance.__dict__.setdefault("_search_old_values", {})[fields] = old

    pre_save.connect(remember, sender=model, weak=False,
                     dispatch_uid=f"search-old-{model._meta.label_lower}-{'-'.join(fields)}")


def _changed(instance, fields: tuple[str, ...]) -> bool:
    old = instance.__dict__.get("_search_old_values", {}).get(fields)
    return old is not None and any(old[name] != getattr(instance, name) for name in fields)


def _connect_related(related: Related, kind: str) -> None:
    """An object whose name appears in other entries (the category of articles): saving or
    deleting it reindexes them. Such renames are rare and done by the coordination office."""
    model, attribute = related.model, f"_search_dependents_{kind}"

    def saved(sender, instance, raw=False, created=False, **kwargs):
        if raw or created or (related.fields and not _changed(instance, related.fields)):
            return
        search_index(kind, related.ids(instance))

    def deleting(sender, instance, **kwargs):
        # The links go with the object; remember whose entries name it.
        setattr(instance, attribute, list(related.ids(instance)))

    def deleted(sender, instance, **kwargs):
        search_index(kind, getattr(instance, attribute, []))

    if related.fields:
        _remember_old_values(model, related.fields)
    uid = f"search-{kind}-related-{model._meta.label_lower}"
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"{uid}-pre")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def source_connect(source: Source) -> None:
    """Connect the receivers that keep one source's entries current (on registration)."""
    _connect_object(source.model, source.kind)
    for part in source.parts:
        _connect_part(part, source.kind, source.model)
    for field_name in source.m2m_fields:
        _connect_m2m(source.model, field_name, source.kind)
    for related in source.related:
        _connect_related(related, source.kind)
