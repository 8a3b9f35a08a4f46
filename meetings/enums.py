from django.db import models
from django.utils.translation import gettext_lazy as _


class Cadence(models.TextChoices):
    MONTHLY = "monthly", _("monatlich")
    QUARTERLY = "quarterly", _("vierteljährlich")
    HALF_YEARLY = "half_yearly", _("halbjährlich")
    YEARLY = "yearly", _("jährlich")
    IRREGULAR = "irregular", _("nach Bedarf")


# Months between two meetings, for the planning help.
CADENCE_MONTHS = {
    Cadence.MONTHLY: 1, Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12,
}


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("Präsenz")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("hybrid")


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("geplant")
    INVITED = "invited", _("eingeladen")
    HELD = "held", _("stattgefunden")
    MINUTES_PUBLISHED = "minutes_published", _("Protokoll veröffentlicht")
    CANCELLED = "cancelled", _("abgesagt")


# The state machine: which state may follow which.
MEETING_TRANSITIONS = {
    MeetingState.PLANNED: {MeetingState.INVITED, MeetingState.CANCELLED},
    MeetingState.INVITED: {MeetingState.HELD, MeetingState.CANCELLED},
    MeetingState.HELD: {MeetingState.MINUTES_PUBLISHED},
    MeetingState.MINUTES_PUBLISHED: set(),
    MeetingState.CANCELLED: set(),
}

# States in which a meeting's public records are shown (meetings.selectors.public).
PUBLIC_RECORD_STATES = (MeetingState.INVITED, MeetingState.HELD, MeetingState.MINUTES_PUBLISHED)

# Badge colours (KERN badge modifiers) of the states; the others are "info".
MEETING_STATE_TONES = {MeetingState.CANCELLED: "danger", MeetingState.INVITED: "success"}


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("vor Ort")
    ONLINE = "online", _("online")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("angemeldet")
    WAITING = "waiting", _("Warteliste")
    DECLINED = "declined", _("abgesagt")


class MinutesState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")


class DecisionResult(models.TextChoices):
    UNANIMOUS = "unanimous", _("einstimmig")
    MAJORITY = "majority", _("mit Mehrheit")
    REJECTED = "rejected", _("abgelehnt")
    POSTPONED = "postponed", _("vertagt")
    NOTED = "noted", _("zur Kenntnis genommen")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("offen")
    DONE = "done", _("erledigt")
