"""Short addresses (slugs) that stay unique when several people save at the same moment.

Checking "is it free?" and then inserting leaves a gap in which a concurrent save takes the
same slug, and the unique index answers with an IntegrityError (a 500). `slug_save` closes
the gap by letting the database decide: every attempt is inserted in a savepoint, and a
conflict on the slug moves on to the next candidate (a generated slug) or becomes a form
error (a slug the user typed).
"""

import secrets
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify

from .phrases import SLUG_RESERVED, SLUG_TAKEN

# Paths like ".../neu/" would collide with an object called "neu".
RESERVED_SLUGS = frozenset({"neu"})
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                "Ü": "Ue", "ß": "ss"})
NUMBERED_ATTEMPTS = 20
RANDOM_ATTEMPTS = 5
SUFFIX_ROOM = 7  # "-" and six hex digits of a random suffix


def slug_from(text: str, *, fallback: str, max_length: int) -> str:
    """A slug made from `text` ("Künstliche Intelligenz" → "kuenstliche-intelligenz"), never
    empty and never reserved."""
    base = slugify(text.translate(GERMAN_LETTERS))[:max_length].strip("-") or fallback
    if base in RESERVED_SLUGS:
        base = f"{base}-{fallback}"
    return base


def reserved_slug_error(slug: str) -> ValidationError:
    return ValidationError(SLUG_RESERVED, params={"slug": slug}, code="reserved")


def clean_slug(slug: str) -> str:
    """For a form's clean_slug(): the short address the user typed (reserved ones refused),
    or "" if none; then the service makes a free one from the name when it saves
    (slug_save), which also holds when two people save the same name at once."""
    if slug in RESERVED_SLUGS:
        raise reserved_slug_error(slug)
    return slug or ""


def slug_taken_error(field: str = "slug") -> ValidationError:
    return ValidationError({field: ValidationError(SLUG_TAKEN, code="unique")})


def _others(instance: models.Model, field: str, slug: str) -> models.QuerySet:
    return (type(instance)._default_manager.filter(**{field: slug})
            .exclude(pk=instance.pk))


def _raise_other_conflict(instance: models.Model, field: str) -> None:
    """After an IntegrityError not caused by the slug: report another unique field that a
    concurrent save took (e.g. a category's name) as a form error, if that was the cause."""
    instance.validate_unique(exclude=[field])
    instance.validate_constraints(exclude=[field])


def _save_in_savepoint(save: Callable[[], None]) -> None:
    with transaction.atomic():
        save()


def _candidates(base: str, max_length: int):
    yield base[:max_length]
    for number in range(2, NUMBERED_ATTEMPTS + 2):
        suffix = f"-{number}"
        yield base[:max_length - len(suffix)].rstrip("-") + suffix
    for _attempt in range(RANDOM_ATTEMPTS):
        suffix = f"-{secrets.token_hex(3)}"
        yield base[:max_length - len(suffix)].rstrip("-") + suffix


def slug_save(instance: models.Model, *, source: str, fallback: str, field: str = "slug",
              save: Callable[[], None] | None = None) -> None:
    """Save `instance` (new or changed) with a slug no other row holds, also against
    concurrent saves.

    A slug already set (typed by the user, or kept on an edit) stays; if another row holds
    it, a German ValidationError names the field. An empty slug is made from `source`
    ("e-akte", then "e-akte-2", "e-akte-3" …); each attempt runs in a savepoint, so a
    concurrent save of the same slug only moves this one on to the next free address.
    """
    save = save or instance.save
    model_field = instance._meta.get_field(field)
    max_length = model_field.max_length
    typed = getattr(instance, field)
    if typed:
        if typed in RESERVED_SLUGS and instance._state.adding:  # forms check edits
            raise ValidationError({field: reserved_slug_error(typed)})
        try:
            model_field.run_validators(typed)
        except ValidationError as error:
            raise ValidationError({field: error.error_list}) from None
        if _others(instance, field, typed).exists():
            raise slug_taken_error(field)
        try:
            _save_in_savepoint(save)
        except IntegrityError:
            if _others(instance, field, typed).exists():
                raise slug_taken_error(field) from None
            _raise_other_conflict(instance, field)
            raise
        return

    base = slug_from(source, fallback=fallback, max_length=max_length - SUFFIX_ROOM)
    taken = set(type(instance)._default_manager.filter(**{f"{field}__startswith": base})
                .exclude(pk=instance.pk).values_list(field, flat=True))
    error = None
    for slug in _candidates(base, max_length):
        if slug in taken:
            continue
        setattr(instance, field, slug)
        try:
            _save_in_savepoint(save)
        except IntegrityError as conflict:
            if not _others(instance, field, slug).exists():
                setattr(instance, field, "")
                _raise_other_conflict(instance, field)
                raise
            taken.add(slug)
            error = conflict
            continue
        return
    setattr(instance, field, "")
    raise error or IntegrityError(f"no free {field} for {base!r}")
