"""Which reminder mails a person wants. Invitations and cancellations always go out; the
kinds a person may switch off are registered by the apps (common.reminders)."""

from common.reminders import reminder_kinds

from .models import User


def reminder_wanted(user: User, kind: str) -> bool:
    return kind not in user.muted_reminders


def notifications_save(*, user: User, wanted: set[str]) -> User:
    """Store the reminder kinds the person switched off (everything not wanted)."""
    offered = {kind.value for kind in reminder_kinds()}
    user.muted_reminders = sorted(offered - set(wanted))
    user.save(update_fields=["muted_reminders"])
    return user
