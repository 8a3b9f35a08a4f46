"""Keeping the search index current: every write of a searchable object reindexes it.

Signals here, although the house keeps business logic out of them: the index is derived
data, not a business rule, and it must follow every write path (services, the Django
admin, the shell, demo data) without each of them remembering to call the indexer. The
receivers reindex synchronously inside the writing transaction, so the index is current the
moment the write commits and rolls back with it. Queryset.update() and bulk_create() send
no signals; code that uses them on searchable models calls search_index() itself, and
`manage.py rebuild_search_index` repairs anything else.
"""

from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from taggit.models import Tag

from knowledge.models import Article, Category, Document
from meetings.models import AgendaItem, Decision, Meeting, Minutes, WorkingGroup
from members.models import Administration, ContactPerson, ProfileAnswer, ProfileQuestion
from projects.models import JointProject, Milestone, ProjectDocument, Topic

from ..enums import SearchKind
from .indexing import search_index, search_remove

ARTICLE, DOCUMENT, MEETING = SearchKind.ARTICLE, SearchKind.DOCUMENT, SearchKind.MEETING
PROJECT, MEMBER = SearchKind.PROJECT, SearchKind.MEMBER


def _ids(queryset: QuerySet) -> list[int]:
    return list(queryset.values_list("pk", flat=True))


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


def _connect_part(model, kind: str, owner_field: str, owner_model) -> None:
    """A part of a searchable object (agenda item of a meeting): any write reindexes the
    owner, except when the owner itself is being deleted."""
    def changed(sender, instance, raw=False, origin=None, **kwargs):
        if raw or _deleted_with(origin, owner_model):
            return
        search_index(kind, [getattr(instance, f"{owner_field}_id")])

    uid = f"search-{kind}-{model._meta.label_lower}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


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


def _connect_names(model, dependents) -> None:
    """A model whose name appears in other entries (the category of articles): saving or
    deleting it reindexes them. `dependents(instance)` gives {kind: ids}. Such renames
    are rare and done by the coordination office."""
    def reindex(found: dict) -> None:
        for kind, ids in found.items():
            search_index(kind, ids)

    def saved(sender, instance, raw=False, created=False, **kwargs):
        if not raw and not created:
            reindex(dependents(instance))

    def deleting(sender, instance, **kwargs):
        # The links go with the object; remember whose entries name it.
        instance._search_dependents = {kind: list(ids)
                                       for kind, ids in dependents(instance).items()}

    def deleted(sender, instance, **kwargs):
        reindex(getattr(instance, "_search_dependents", {}))

    uid = f"search-names-{model._meta.label_lower}"
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}-save")
    pre_delete.connect(deleting, sender=model, weak=False, dispatch_uid=f"{uid}-pre")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}-delete")


def _group_dependents(group: WorkingGroup) -> dict:
    return {MEETING: _ids(group.meetings.all()), PROJECT: _ids(group.projects.all())}


def _around_administration(administration: Administration) -> dict:
    return {
        ARTICLE: _ids(administration.articles.all()),
        DOCUMENT: _ids(administration.documents.all()),
        MEETING: _ids(administration.hosted_meetings.all()),
        PROJECT: _ids(JointProject.objects.filter(
            Q(lead=administration) | Q(participants=administration)).distinct()),
        MEMBER: _ids(administration.children.all()),
    }


def _administration_old_name(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        instance._search_old_name = (Administration.objects.filter(pk=instance.pk)
                                     .values_list("name", flat=True).first())


def _administration_saved(sender, instance, raw=False, created=False, **kwargs):
    if raw:
        return
    search_index(MEMBER, [instance.pk])
    # Its name appears in articles, documents, meetings, projects and its children's
    # entries; they follow a rename only.
    if not created and getattr(instance, "_search_old_name", instance.name) != instance.name:
        for kind, ids in _around_administration(instance).items():
            search_index(kind, ids)


def _decision_projects(sender, instance, **kwargs):
    # The links go with the decision; remember whose entries quote it.
    instance._search_projects = _ids(instance.projects.all())


def _decision_changed(sender, instance, raw=False, origin=None, **kwargs):
    if raw:
        return
    projects = getattr(instance, "_search_projects", None)
    search_index(PROJECT, projects if projects is not None else _ids(instance.projects.all()))
    if not _deleted_with(origin, Meeting):
        search_index(MEETING, [instance.meeting_id])


def connect() -> None:
    """Connect the receivers (from KreishausConfig.ready)."""
    _connect_object(Article, ARTICLE)
    _connect_m2m(Article, "tags", ARTICLE)
    _connect_names(Category, lambda category: {ARTICLE: _ids(category.articles.all())})
    _connect_names(Tag, lambda tag: {ARTICLE: _ids(Article.objects.filter(tags=tag))})

    _connect_object(Document, DOCUMENT)

    _connect_object(Meeting, MEETING)
    _connect_part(AgendaItem, MEETING, "meeting", Meeting)
    _connect_part(Minutes, MEETING, "meeting", Meeting)
    pre_delete.connect(_decision_projects, sender=Decision, dispatch_uid="search-decision-pre")
    post_save.connect(_decision_changed, sender=Decision, dispatch_uid="search-decision-save")
    post_delete.connect(_decision_changed, sender=Decision, dispatch_uid="search-decision-del")
    _connect_names(WorkingGroup, _group_dependents)

    _connect_object(JointProject, PROJECT)
    _connect_part(Milestone, PROJECT, "project", JointProject)
    _connect_part(ProjectDocument, PROJECT, "project", JointProject)
    for field_name in ("participants", "topics", "decisions"):
        _connect_m2m(JointProject, field_name, PROJECT)
    _connect_names(Topic, lambda topic: {PROJECT: _ids(topic.projects.all())})

    pre_save.connect(_administration_old_name, sender=Administration,
                     dispatch_uid="search-administration-pre")
    post_save.connect(_administration_saved, sender=Administration,
                      dispatch_uid="search-administration-save")
    post_delete.connect(lambda sender, instance, **kwargs: search_remove(MEMBER, [instance.pk]),
                        sender=Administration, weak=False,
                        dispatch_uid="search-administration-delete")
    _connect_part(ProfileAnswer, MEMBER, "administration", Administration)
    _connect_part(ContactPerson, MEMBER, "administration", Administration)
    _connect_names(ProfileQuestion, lambda question: {
        MEMBER: list(question.answers.values_list("administration_id", flat=True))})
