"""People with a login: users with their administration and role (the roles themselves are
defined in members.rules), and the invitations that create their accounts."""

import hashlib
import secrets

import rules
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import rules as member_rules
from ..enums import InvitationStatus, Role
from .administrations import Administration


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with a login; email is the login name. Belongs to one administration."""

    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("Verwaltung"),
        on_delete=models.PROTECT,
        related_name="staff",
        null=True,
        blank=True,
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.READER)
    # Secret of the personal calendar feed; regenerating it invalidates old subscriptions.
    calendar_token = models.CharField(
        _("Kalender-Schlüssel"), max_length=64, unique=True, default=new_calendar_token,
        editable=False,
    )
    muted_reminders = ArrayField(
        models.CharField(max_length=30), verbose_name=_("abbestellte Erinnerungen"),
        default=list, blank=True,
    )
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    function = models.CharField(
        _("Funktion"), max_length=200, blank=True,
        help_text=_("z. B. Digitalbeauftragte, IT-Leitung, Sachbearbeitung Bürgerservice"),
    )
    # Account removal (DSGVO Art. 17, members.services.removal): asked for by the person,
    # done by the coordination office or automatically after ACCOUNT_REMOVAL_AFTER_DAYS.
    removal_requested_at = models.DateTimeField(_("Entfernung beantragt am"), null=True,
                                                blank=True)
    removed_at = models.DateTimeField(_("entfernt am"), null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    def has_perm(self, perm: str, obj=None) -> bool:
        """The portal's rights come from the rules (each app's rules.py). Django's model
        permissions serve the Django admin, which only staff may enter: for everyone else
        they grant nothing — one given to a member by mistake (e.g. "meetings.change_meeting",
        also the name of a rule) cannot bypass the rule — and are not even read, which saves
        two queries on every page that asks a rule."""
        if self.is_active and not self.is_staff and not self.is_superuser:
            return rules.has_perm(perm, self, obj)
        return super().has_perm(perm, obj)

    # The roles themselves are defined in members.rules; these ask the same predicates.
    @property
    def is_member_staff(self) -> bool:
        return member_rules.is_member_staff(self)

    @property
    def is_coordinator(self) -> bool:
        return member_rules.is_coordinator(self)

    def is_editor_of(self, administration: Administration | None) -> bool:
        return member_rules.is_editor_of(self, administration)


def invitation_token_hash(token: str) -> str:
    """What an invitation stores of its link's token."""
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """A one-time link that lets a person set a password and join an administration.

    Only the SHA-256 of the token is stored here. The link itself is in the invitation
    mail, which waits in the outbox (common.outbox) until it is sent.
    """

    email = models.EmailField(_("E-Mail-Adresse"))
    first_name = models.CharField(_("Vorname"), max_length=150, blank=True)
    last_name = models.CharField(_("Nachname"), max_length=150, blank=True)
    administration = models.ForeignKey(
        Administration, verbose_name=_("Verwaltung"), on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.READER)
    invited_by = models.ForeignKey(
        User, verbose_name=_("eingeladen von"), on_delete=models.SET_NULL, null=True,
        related_name="+",
    )
    token_hash = models.CharField(_("Prüfwert des Einladungslinks"), max_length=64, unique=True,
                                  editable=False)
    created_at = models.DateTimeField(_("erstellt am"), auto_now_add=True)
    sent_at = models.DateTimeField(_("zuletzt versandt am"))
    expires_at = models.DateTimeField(_("gültig bis"))
    accepted_at = models.DateTimeField(_("angenommen am"), null=True, blank=True)
    accepted_user = models.ForeignKey(
        User, verbose_name=_("angelegtes Konto"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.administration}"

    @property
    def status(self) -> str:
        if self.accepted_at:
            return InvitationStatus.ACCEPTED
        if self.revoked_at:
            return InvitationStatus.REVOKED
        if self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def get_status_display(self) -> str:
        return InvitationStatus(self.status).label
