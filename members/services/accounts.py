"""A person's account: the role and activation the coordination office sets, their own
profile, and the reminder mails the person wants (the kinds are registered by the apps in
common.reminders)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.permissions import permission_check
from common.reminders import reminder_kinds

from ..enums import Role
from ..models import User
from ..settings_parts import settings_parts


def user_change_role(*, user: User, role: str, by: User) -> None:
    """Give a person another role (reader, editor, coordination office)."""
    permission_check(by, "members.change_role", user)
    if role not in Role.values:
        raise ValidationError(_("Unbekannte Rolle."))
    user.role = role
    user.save(update_fields=["role"])


def user_set_active(*, user: User, active: bool, by: User) -> None:
    """Deactivated people cannot log in; what they wrote stays."""
    permission_check(by, "members.change_account_active", user)  # never one's own
    user.is_active = active
    user.save(update_fields=["is_active"])


PROFILE_FIELDS = ("first_name", "last_name", "phone", "function")


def profile_update(*, user: User, fields: dict) -> User:
    """A person corrects their own name, phone and function (DSGVO Art. 16)."""
    permission_check(user, "members.change_own_profile")
    # Compared with the stored row: a bound ModelForm has already copied its values onto
    # the instance it was given.
    stored = User.objects.filter(pk=user.pk).values(*PROFILE_FIELDS).get()
    changed = [name for name in PROFILE_FIELDS
               if name in fields and stored[name] != fields[name]]
    for name in changed:
        setattr(user, name, fields[name])
    if changed:
        user.save(update_fields=changed)
    return user


def notifications_save(*, user: User, wanted: set[str], data: dict | None = None) -> User:
    """Store the reminder kinds the person switched off (everything not wanted), and the
    settings other apps put on the page (members.settings_parts) from `data`."""
    for part in settings_parts():
        part.save(user, data or {})
    # Kinds the person is not offered keep their stored setting (a former coordinator who
    # muted feedback reminders keeps that, should the role come back).
    offered = {kind.value for kind in reminder_kinds(user)}
    kept = set(user.muted_reminders) - offered
    user.muted_reminders = sorted(kept | (offered - set(wanted)))
    user.save(update_fields=["muted_reminders"])
    return user
