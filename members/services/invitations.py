"""Invitations: a person gets a one-time link by mail, sets a password and joins an
administration in the role they were invited to. The mail goes through the outbox
(common.outbox), so a mail server that is down delays it instead of failing the request."""

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from common.mail import render_subject
from common.outbox import mail_queue
from common.permissions import permission_check

from ..enums import InvitationStatus
from ..models import Administration, Invitation, User, invitation_token_hash
from ..rules import invitable_roles

INVITATION_PENDING = _lazy(
    "An diese E-Mail-Adresse ist bereits eine Einladung unterwegs. Sie können sie in der "
    "Personenliste erneut senden oder zurückziehen.")
ALREADY_CLOSED = _lazy("Diese Einladung ist bereits angenommen oder zurückgezogen.")
ACCOUNT_EXISTS = _lazy("Für diese E-Mail-Adresse gibt es bereits ein Konto.")


def _invitation_mail_queue(invitation: Invitation, token: str) -> None:
    """Queue the mail with the link in the caller's transaction; it is sent after commit."""
    link = settings.SITE_URL + reverse("members:invitation_accept", args=[token])
    context = {"invitation": invitation, "link": link, "site_url": settings.SITE_URL}
    with translation.override("de"):
        subject = render_subject("members/email/invitation_subject.txt", context)
        text = render_to_string("members/email/invitation_body.txt", context)
        html = render_to_string("members/email/invitation_body.html", context)
    mail_queue(to=invitation.email, subject=subject, text=text, html=html,
               erase_after_send=True)


def _issue_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_hash = invitation_token_hash(token)
    invitation.sent_at = now
    invitation.expires_at = now + timedelta(days=settings.INVITATION_VALID_DAYS)
    return token


def invitation_create(
    *, email: str, administration: Administration, role: str, invited_by: User,
    first_name: str = "", last_name: str = "",
) -> Invitation:
    """Invite a person by mail; editors may invite readers and editors of their own office,
    the coordination office anyone in any role."""
    permission_check(invited_by, "members.invite_staff", administration)
    if role not in invitable_roles(invited_by, administration):
        raise PermissionDenied
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(ACCOUNT_EXISTS)
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
        _invitation_mail_queue(invitation, token)
    return invitation


def invitation_resend(*, invitation: Invitation, by: User) -> None:
    """Send a fresh link (the old one stops working) and restart the validity period."""
    permission_check(by, "members.manage_invitation", invitation)
    if invitation.status not in (InvitationStatus.PENDING, InvitationStatus.EXPIRED):
        raise ValidationError(ALREADY_CLOSED)
    with transaction.atomic():
        token = _issue_token(invitation)
        invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
        _invitation_mail_queue(invitation, token)


def invitation_revoke(*, invitation: Invitation, by: User) -> None:
    """Withdraw an open invitation; its link stops working."""
    permission_check(by, "members.manage_invitation", invitation)
    if invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.REVOKED):
        raise ValidationError(ALREADY_CLOSED)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])


def invitation_accept(
    *, token: str, password: str, first_name: str, last_name: str
) -> User:
    """Create the account of a pending invitation; a link works exactly once. The token is
    the permission: whoever holds the link may accept it."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .filter(token_hash=invitation_token_hash(token)).first()
        )
        if invitation is None or invitation.status != InvitationStatus.PENDING:
            raise ValidationError(_("Diese Einladung ist nicht mehr gültig."))
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError(ACCOUNT_EXISTS)
        user = User.objects.create_user(
            invitation.email, password, first_name=first_name, last_name=last_name,
            administration=invitation.administration, role=invitation.role,
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        invitation.accepted_at = timezone.now()
        invitation.accepted_user = user
        invitation.save(update_fields=["accepted_at", "accepted_user"])
    return user
