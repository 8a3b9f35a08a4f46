"""Field checks of an administration: regional key (format and federal state) and logo."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.uploads import validate_image_extension

from .enums import REGIONAL_KEY_LENGTHS, FederalState


def validate_regional_key(key: str) -> None:
    """Digits only, 5, 9 or 12 of them, starting with an existing state number."""
    if not (key.isascii() and key.isdigit()):
        raise ValidationError(
            _("Der Regionalschlüssel darf nur Ziffern enthalten."), code="digits"
        )
    if len(key) not in REGIONAL_KEY_LENGTHS:
        raise ValidationError(
            _("Der Regionalschlüssel hat 5 Ziffern (Kreis oder kreisfreie Stadt), "
              "9 (Gemeindeverband/Verbandsgemeinde) oder 12 (Gemeinde), nicht %(length)d."),
            code="length", params={"length": len(key)},
        )
    if key[:2] not in FederalState.values:
        raise ValidationError(
            _("Die ersten zwei Ziffern des Regionalschlüssels bezeichnen kein Bundesland."),
            code="state",
        )


def validate_regional_key_state(key: str, federal_state: str) -> None:
    if federal_state not in FederalState.values:
        return  # the state field reports its own error
    if key[:2] != federal_state:
        raise ValidationError(
            _("Der Regionalschlüssel beginnt mit %(prefix)s, passt also nicht zum Bundesland "
              "%(state)s (%(expected)s)."),
            code="state_mismatch",
            params={"prefix": key[:2], "state": FederalState(federal_state).label,
                    "expected": federal_state},
        )


LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}


def validate_logo(image) -> None:
    """Logos: at most 1 MB, and PNG, JPEG or WebP by content (Pillow reads the file)."""
    if image.size > LOGO_MAX_BYTES:
        raise ValidationError(
            _("Das Logo ist %(size)s KB groß; erlaubt sind höchstens 1024 KB."),
            code="size", params={"size": image.size // 1024},
        )
    # A fresh upload carries the Pillow image the form field opened; inside a model
    # FieldFile it sits on the wrapped file.
    pillow_image = getattr(image, "image", None) or getattr(getattr(image, "file", None),
                                                            "image", None)
    image_format = getattr(pillow_image, "format", None)
    if image_format is not None and image_format not in LOGO_FORMATS:
        raise ValidationError(
            _("Das Logo muss ein PNG-, JPEG- oder WebP-Bild sein."), code="format"
        )
    if image_format is not None:
        validate_image_extension(image.name, image_format)
