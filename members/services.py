"""Write functions of the members app: profiles, contacts, invitations and accounts."""

import hashlib
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from common.mail import render_subject
from common.slugs import slug_save

from .enums import InvitationStatus, Role
from .models import Administration, ContactPerson, Invitation, ProfileAnswer, ProfileQuestion, User
from .rules import invitable_roles


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


def administration_update(*, administration: Administration, fields: dict, by: User) -> None:
    """Change an administration's facts; core facts are for coordinators only."""
    if not by.is_editor_of(administration):
        raise PermissionDenied
    _apply(administration, fields, slug_source="name")


def profile_answers_save(
    *, administration: Administration, answers: list[tuple[ProfileQuestion, str, bool]], by: User
) -> None:
    """Store the Steckbrief: one answer per question; an empty answer removes it."""
    if not by.is_editor_of(administration):
        raise PermissionDenied
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
    if not by.is_editor_of(contact.administration):
        raise PermissionDenied
    _apply(contact, fields)
    return contact


def contact_delete(*, contact: ContactPerson, by: User) -> None:
    if not by.is_editor_of(contact.administration):
        raise PermissionDenied
    contact.delete()


INVITATION_PENDING = _lazy(
    "An diese E-Mail-Adresse ist bereits eine Einladung unterwegs. Sie können sie in der "
    "Personenliste erneut senden oder zurückziehen.")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _send_invitation_mail(invitation: Invitation, token: str) -> None:
    link = settings.SITE_URL + reverse("members:invitation_accept", args=[token])
    context = {"invitation": invitation, "link": link, "site_url": settings.SITE_URL}
    with translation.override("de"):
        subject = render_subject("members/email/invitation_subject.txt", context)
        text = render_to_string("members/email/invitation_body.txt", context)
        html = render_to_string("members/email/invitation_body.html", context)
    message = EmailMultiAlternatives(subject, text, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    transaction.on_commit(message.send)


def _issue_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = _token_hash(token)
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    return token


def invitation_create(
    *, email: str, administration: Administration, role: str, invited_by: User,
    first_name: str = "", last_name: str = "",
) -> Invitation:
    """Invite a person by mail; editors may invite readers and editors of their own office."""
    if role not in invitable_roles(invited_by, administration):
        raise PermissionDenied
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(_("Für diese E-Mail-Adresse gibt es bereits ein Konto."))
    with transaction.atomic():
        now = timezone.now()
        # An expired, never answered invitation gives way to the new one.
        Invitation.objects.filter(
            email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True,
            expires_at__lte=now,
        ).update(revoked_at=now)
        if Invitation.objects.filter(
            email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
        ).exists():
            raise ValidationError(INVITATION_PENDING)
        invitation = Invitation(
            email=email, administration=administration, role=role, invited_by=invited_by,
            first_name=first_name.strip(), last_name=last_name.strip(),
        )
        token = _issue_token(invitation)
        try:
            with transaction.atomic():
                invitation.save()
        except IntegrityError:
            # A concurrent request invited the same address a moment earlier; the unique
            # index on open invitations (one_open_invitation_per_email) kept it single.
            raise ValidationError(INVITATION_PENDING) from None
        _send_invitation_mail(invitation, token)
    return invitation


def invitation_resend(*, invitation: Invitation, by: User) -> None:
    """Send a fresh link (the old one stops working) and restart the validity period."""
    if invitation.role not in invitable_roles(by, invitation.administration):
        raise PermissionDenied
    if invitation.status not in (InvitationStatus.PENDING, InvitationStatus.EXPIRED):
        raise ValidationError(_("Diese Einladung ist bereits angenommen oder zurückgezogen."))
    with transaction.atomic():
        token = _issue_token(invitation)
        invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
        _send_invitation_mail(invitation, token)


def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    if invitation.role not in invitable_roles(by, invitation.administration):
        raise PermissionDenied
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.REVOKED):
        raise ValidationError(_("Diese Einladung ist bereits angenommen oder zurückgezogen."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def invitation_for_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("administration")
        .filter(token_hash=_token_hash(token)).first()
    )


def invitation_accept(
    *, token: str, password: str, first_name: str, last_name: str
) -> User:
    """Create the account of a pending invitation; a link works exactly once."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(token_hash=_token_hash(token)).first()
        )
        if invitation is None or invitation.status != InvitationStatus.PENDING:
            raise ValidationError(_("Diese Einladung ist nicht mehr gültig."))
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(_("Für diese E-Mail-Adresse gibt es bereits ein Konto."))
        user = User.objects.create_user(
            invitation.email, password, first_name=first_name, last_name=last_name,
            administration=invitation.administration, role=invitation.role,
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        invitation.accepted_at = timezone.now()
        invitation.accepted_user = user
        invitation.save(update_fields=["accepted_at", "accepted_user"])
    return user


def user_change_role(*, user: User, role: str, by: User) -> None:
    if not by.is_coordinator:
        raise PermissionDenied
    if role not in Role.values:
        raise ValidationError(_("Unbekannte Rolle."))
    user.role = role
    user.save(update_fields=["role"])


def user_set_active(*, user: User, active: bool, by: User) -> None:
    """Deactivated people cannot log in; what they wrote stays."""
    if not by.is_coordinator:
        raise PermissionDenied
    if user.pk == by.pk and not active:
        raise ValidationError(_("Sie können Ihr eigenes Konto nicht deaktivieren."))
    user.is_active = active
    user.save(update_fields=["is_active"])
