"""What members holds about a person, and how it is removed (registered with
common.personal_data in MembersConfig.ready(); erased last, see there).

The account row stays, so that minutes, status history, articles and documents keep
pointing at someone: it is deactivated and renamed to the pseudonym
("ehemalige Person (MYK)"); everything else about the person goes.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register
from common.reminders import reminder_kinds

from .models import ContactPerson, Invitation, ProfileAnswer, User, new_calendar_token
from .services.removal import contact_erase, removal_pseudonym

# allauth's own labels are English.
FACTOR_LABELS = {
    Authenticator.Type.TOTP: gettext_lazy("Authenticator-App (TOTP)"),
    Authenticator.Type.RECOVERY_CODES: gettext_lazy("Wiederherstellungscodes"),
    Authenticator.Type.WEBAUTHN: gettext_lazy("Sicherheitsschlüssel (WebAuthn)"),
}


def _account(user: User) -> dict:
    administration = user.administration
    return {
        _("E-Mail-Adresse (Anmeldung)"): user.email,
        _("Vorname"): user.first_name,
        _("Nachname"): user.last_name,
        _("Telefon"): user.phone,
        _("Funktion"): user.function,
        _("Verwaltung"): administration.name if administration else None,
        _("Rolle"): user.get_role_display() if administration else None,
        _("Plattform-Administration"): user.is_superuser,
        _("Konto aktiv"): user.is_active,
        _("Konto angelegt am"): iso(user.date_joined),
        _("Letzte Anmeldung"): iso(user.last_login),
        _("Persönlicher Kalender-Link eingerichtet"): bool(user.calendar_token),
        _("Entfernung beantragt am"): iso(user.removal_requested_at),
    }


def collect(user: User) -> dict:
    kinds = {kind.value: str(kind.label) for kind in reminder_kinds()}
    factors = sorted(str(FACTOR_LABELS.get(kind, kind)) for kind in
                     Authenticator.objects.filter(user=user).values_list("type", flat=True))
    return {
        _("Konto"): _account(user),
        _("E-Mail-Adressen"): [
            {_("Adresse"): address.email, _("bestätigt"): address.verified,
             _("Hauptadresse"): address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")],
        _("Zwei-Faktor-Authentifizierung"): (
            _("eingerichtet: %(factors)s") % {"factors": ", ".join(factors)}
            if factors else _("nicht eingerichtet")),
        _("Abbestellte Erinnerungen"): [kinds.get(kind, kind) for kind in user.muted_reminders],
        _("Einladungen, die Sie verschickt haben"): [
            {_("Verschickt am"): iso(invitation.created_at),
             _("Verwaltung"): invitation.administration.name,
             _("Rolle"): invitation.get_role_display(),
             _("Status"): invitation.get_status_display()}
            for invitation in Invitation.objects.filter(invited_by=user)
            .select_related("administration").order_by("created_at")],
        _("Als Ansprechperson eingetragen"): [
            {_("Verwaltung"): contact.administration.name, _("Name"): contact.name,
             _("Funktion"): contact.function_label, _("Telefon"): contact.phone,
             _("öffentlich"): contact.is_public}
            for contact in _contacts_of(user).select_related("administration")],
        _("Steckbrief-Antworten, die Sie zuletzt geändert haben"): [
            {_("Verwaltung"): answer.administration.name, _("Frage"): answer.question.text,
             _("Geändert am"): iso(answer.updated_at)}
            for answer in ProfileAnswer.objects.filter(updated_by=user)
            .select_related("administration", "question").order_by("updated_at")],
    }


def _contacts_of(user: User):
    """Contact entries with the person's address: they name the same person."""
    return ContactPerson.objects.present().filter(email__iexact=user.email).order_by("pk")


def _sessions_end(user: User) -> None:
    """Delete the person's sessions (the database session store; a new password hash
    invalidates sessions of any other store at their next request anyway)."""
    mine = [session.pk for session in Session.objects.filter(expire_date__gt=timezone.now())
            if session.get_decoded().get("_auth_user_id") == str(user.pk)]
    Session.objects.filter(pk__in=mine).delete()


def erase(user: User) -> None:
    pseudonym = removal_pseudonym(user.administration)
    for contact in _contacts_of(user).select_related("administration"):
        contact_erase(contact)
    Invitation.objects.filter(Q(accepted_user=user) | Q(email__iexact=user.email)).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    _sessions_end(user)
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User),
                            object_id=str(user.pk)).update(object_repr=pseudonym)
    user.first_name, user.last_name = "", pseudonym
    # The login name must stay unique; .invalid never reaches anyone (RFC 2606).
    user.email = f"entfernt-{user.pk}@konto.invalid"
    user.phone = user.function = ""
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.calendar_token = new_calendar_token()  # the old feed link stops working
    user.muted_reminders = []
    user.removed_at = timezone.now()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def register() -> None:
    """Called once from MembersConfig.ready()."""
    personal_data_register("members", label=gettext_lazy("Konto und Verwaltung"), collect=collect,
                           erase=erase, order=10)
