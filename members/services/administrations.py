"""Writes to an administration's page: its facts, its Steckbrief and its contacts."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from common.permissions import permission_check
from common.slugs import slug_save

from ..models import (
    ADMINISTRATION_CORE_FIELDS,
    Administration,
    ContactPerson,
    ProfileAnswer,
    ProfileQuestion,
    User,
)


def _apply(instance, fields: dict, *, slug_source: str = "") -> None:
    for name, value in fields.items():
        if value is False and name == "logo":  # "clear" ticked on the file input
            value = ""
        setattr(instance, name, value)
    if not slug_source:
        instance.full_clean()
        instance.save()
        return
    # The slug (and every other unique field) is checked by slug_save, which also holds
    # against a concurrent save of the same value.
    instance.full_clean(exclude=["slug"])
    slug_save(instance, source=getattr(instance, slug_source), fallback="verwaltung")


def _changed_core_fields(administration: Administration, fields: dict) -> list[str]:
    """The core facts among `fields` whose value differs from the stored one (read from the
    database: a model form has already copied its values onto the instance)."""
    given = {Administration._meta.get_field(name): fields[name]
             for name in ADMINISTRATION_CORE_FIELDS if name in fields}
    if not given:
        return []
    stored = (Administration.objects.filter(pk=administration.pk)
              .values(*(field.attname for field in given)).first() or {})
    changed = []
    for field, value in given.items():
        if field.is_relation:
            value = value.pk if value is not None else None
        if field.attname not in stored or value != stored[field.attname]:
            changed.append(field.name)
    return changed


def administration_update(*, administration: Administration, fields: dict, by: User) -> None:
    """Change an administration's facts; changing its core facts (name, address on the
    site, regional key, parent, membership) is for the coordination office only."""
    permission_check(by, "members.change_administration", administration)
    if _changed_core_fields(administration, fields) and not by.has_perm(
            "members.change_administration_core", administration):
        raise PermissionDenied
    _apply(administration, fields, slug_source="name")


def profile_answers_save(
    *, administration: Administration, answers: list[tuple[ProfileQuestion, str, bool]], by: User
) -> None:
    """Store the Steckbrief: one answer per question; an empty answer removes it."""
    permission_check(by, "members.change_administration", administration)
    with transaction.atomic():
        for question, text, is_public in answers:
            if text.strip():
                ProfileAnswer.objects.update_or_create(
                    administration=administration, question=question,
                    defaults={"text": text.strip(), "is_public": is_public, "updated_by": by},
                )
            else:
                ProfileAnswer.objects.filter(
                    administration=administration, question=question
                ).delete()


def contact_save(*, contact: ContactPerson, fields: dict, by: User) -> ContactPerson:
    """Create or change a contact person of the contact's administration."""
    permission_check(by, "members.change_administration", contact.administration)
    _apply(contact, fields)
    return contact
