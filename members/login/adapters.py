"""django-allauth as the portal runs it: the account adapter and the form for adding an
address."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.forms import AddEmailForm as AllauthAddEmailForm
from allauth.account.models import EmailAddress
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from common.forms import InputRulesMixin
from common.outbox import mail_queue

from .ratelimits import client_ip, retry_after, wait_text

TOO_MANY_ATTEMPTS = "too_many_login_attempts"


def too_many_attempts_error(seconds: int) -> ValidationError:
    return ValidationError(
        _("Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es in %(wait)s erneut.")
        % {"wait": wait_text(seconds)},
        code=TOO_MANY_ATTEMPTS,
    )


class AccountAdapter(DefaultAccountAdapter):
    """Accounts come by invitation only: the open sign-up form is closed. allauth's mails
    (password reset, address confirmation, notices) go through the outbox like every other
    mail. Rate limits count the client behind the reverse proxy and tell a blocked user how
    long to wait."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render allauth's templates as allauth would and queue the mail in the outbox: a
        mail server that is down delays it (retried, sent once) instead of failing the
        page."""
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request),
               **context}
        with translation.override(settings.LANGUAGE_CODE):
            message = self.render_mail(template_prefix, email, ctx)
        if message.content_subtype == "html":  # allauth found an HTML template only
            text, html = strip_tags(message.body), message.body
        else:
            html = next((content for content, mimetype in getattr(message, "alternatives", [])
                         if mimetype == "text/html"), "")
            text = message.body
        # Account mails carry confirmation and password links: not kept after sending.
        mail_queue(to=email, subject=message.subject, text=text, html=html,
                   erase_after_send=True)

    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def pre_authenticate(self, request, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code != TOO_MANY_ATTEMPTS:
                raise
            key = self._get_login_attempts_cache_key(request, **credentials)
            raise too_many_attempts_error(
                retry_after(request, action="login_failed", key=key)) from error

    def validation_error(self, code, *args) -> ValidationError:
        # The second-factor step counts per user, under a key allauth keeps to itself: the
        # longest period of the limits is the upper bound of the wait.
        request = allauth_context.request
        if code == TOO_MANY_ATTEMPTS and request is not None:
            return too_many_attempts_error(retry_after(request, action="login_failed"))
        return super().validation_error(code, *args)


class AddEmailForm(InputRulesMixin, AllauthAddEmailForm):
    """Another address for one's own account, never one of another account: allauth would
    otherwise send that person a verification mail (ACCOUNT_FORMS["add_email"])."""

    def clean_email(self) -> str:
        value = self.cleaned_data["email"]
        # Accounts made by invitation or in the admin may have no EmailAddress row yet.
        taken = (
            EmailAddress.objects.filter(email__iexact=value).exclude(user=self.user).exists()
            or get_user_model().objects.filter(email__iexact=value)
            .exclude(pk=self.user.pk).exists()
        )
        if taken:
            raise ValidationError(
                _("Diese E-Mail-Adresse gehört zu einem anderen Konto."), code="email_taken")
        return super().clean_email()
