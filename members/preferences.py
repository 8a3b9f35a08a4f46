"""Which reminder mails a person wants. Invitations and cancellations always go out."""

from django.utils.translation import gettext_lazy as _

from kreishaus.enums import ReminderKind

from .models import User

REMINDER_EXPLANATIONS = {
    ReminderKind.MEETING: _("Eine E-Mail vor Sitzungen Ihrer Arbeitsgruppen – je nach "
                            "Arbeitsgruppe zum Beispiel 14 Tage und einen Tag vorher."),
    ReminderKind.ACTION_ITEM: _("Eine E-Mail, wenn eine Aufgabe, für die Sie oder Ihre "
                                "Verwaltung zuständig sind, bald fällig oder überfällig ist."),
    ReminderKind.MINUTES: _("Für die Koordinierungsstelle: eine E-Mail, wenn das Protokoll "
                            "einer stattgefundenen Sitzung noch nicht veröffentlicht ist."),
    ReminderKind.SURVEY: _("Eine E-Mail, solange Ihre Verwaltung in einer laufenden "
                           "Sachstandserhebung noch nicht geantwortet hat."),
}


def reminder_wanted(user: User, kind: str) -> bool:
    return kind not in user.muted_reminders


def notifications_save(*, user: User, wanted: set[str]) -> User:
    """Store the reminder kinds the person switched off (everything not wanted)."""
    user.muted_reminders = sorted(set(ReminderKind.values) - set(wanted))
    user.save(update_fields=["muted_reminders"])
    return user
