"""Test data for notifications: followed things and notifications written directly."""

from datetime import datetime

from django.utils import timezone

from notifications.models import Follow, Notification
from projects.models import JointProject, Topic


def make_topic(name="Dokumentenmanagementsystem", slug="dms") -> Topic:
    return Topic.objects.create(name=name, slug=slug, group="internal")


def make_project(lead, *, title="Digitales Baulastenverzeichnis", slug="baulasten",
                 topics=(), **fields) -> JointProject:
    project = JointProject.objects.create(title=title, slug=slug, goal="Gemeinsam.", lead=lead,
                                          **fields)
    project.topics.set(topics)
    return project


def follow(user, obj, *, muted=False) -> Follow:
    return Follow.objects.create(user=user, target_key=f"{obj._meta.label_lower}:{obj.pk}",
                                 muted=muted)


def notification(user, *, title="Neuer Artikel", kind="articles", kind_label="Neuer Artikel",
                 target_label="Thema: Dokumentenmanagementsystem", when: datetime | None = None,
                 key: str | None = None, url="/wissen/", **fields) -> Notification:
    when = when or timezone.now()
    return Notification.objects.create(
        user=user, object_key=key or f"test:{Notification.objects.count() + 1}", kind=kind,
        kind_label=kind_label, target_label=target_label, title=title, url=url, when=when,
        **fields)
