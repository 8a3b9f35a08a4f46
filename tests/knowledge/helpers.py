"""Builders for knowledge tests: topics, statuses and contacts for 'Wer kann helfen?'."""

from datetime import date

from members.enums import AdministrationKind, FederalState
from members.models import Administration, ContactPerson
from projects.enums import Stage
from projects.models import Status, Topic


def make_topic(name="E-Akte", slug="e-akte", group="internal"):
    return Topic.objects.create(name=name, slug=slug, group=group)


def make_administration(slug, name=None, **fields):
    # Plain rows: AdministrationFactory's regional keys are meant for a handful per test.
    fields.setdefault("member_since", date(2020, 1, 1))
    return Administration.objects.create(
        name=name or f"Verwaltung {slug}", slug=slug, kind=AdministrationKind.GEMEINDE,
        federal_state=FederalState.RP, **fields)


def make_contact(administration, name, *, is_public=False, **fields):
    return ContactPerson.objects.create(administration=administration, name=name,
                                        is_public=is_public, **fields)


def make_status(administration, topic, stage=Stage.LIVE, **fields):
    return Status.objects.create(administration=administration, topic=topic, stage=stage,
                                 **fields)
