"""The followables of the members floor: administrations, and one's own administration as
a default follow."""

from django.utils.translation import gettext_lazy as _

from members.models import Administration, User

from .registry import DefaultFollow, default_follow_register, followable_register, model_followable


def _administration_staff(pks: list[int]):
    return User.objects.filter(administration_id__in=pks, is_active=True).values_list(
        "administration_id", "pk")


def _own_administration(user):
    return [user.administration_id] if user.administration_id else []


def register() -> None:
    """Called once from NotificationsConfig.ready()."""
    followable_register(model_followable(Administration, _("Verwaltung")))
    default_follow_register(DefaultFollow("members.administration", followers=_administration_staff,
                                          followed_by=_own_administration))


def _digest_fields(user) -> dict:
    from members.rules import is_member_staff

    from .forms import DigestFrequencyField
    from .selectors import digest_frequency

    if not is_member_staff(user):
        return {}
    return {"digest_frequency": DigestFrequencyField(initial=digest_frequency(user))}


def _digest_save(user, data: dict) -> None:
    from .services import digest_frequency_set

    if data.get("digest_frequency"):
        digest_frequency_set(user=user, frequency=data["digest_frequency"])


def register_settings() -> None:
    """The digest choice on the notification settings page (members.settings_parts)."""
    from members.settings_parts import SettingsPart, settings_part_register

    settings_part_register(SettingsPart("digest", fields=_digest_fields, save=_digest_save))
