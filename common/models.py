from django.db import models
from django.utils.translation import gettext_lazy as _


class OnceToken(models.Model):
    """A one-time form token that was submitted (see common.once).

    The row is written in the transaction of the request that submitted the form and kept
    only if that request succeeded with a redirect, so a second submission of the same
    rendered form finds it and is sent to the same result instead of acting again.
    """

    # Who submitted: "user:<pk>", "session:<key>" or "anonymous". A token is claimed per
    # scope, so nobody can use up another person's token.
    scope = models.CharField(_("Absender"), max_length=60)
    token = models.CharField(_("Formular-Kennung"), max_length=32)
    path = models.CharField(_("Adresse"), max_length=500)
    target = models.CharField(_("Weiterleitung"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("abgeschickt am"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("abgeschicktes Formular")
        verbose_name_plural = _("abgeschickte Formulare")
        constraints = [
            models.UniqueConstraint(fields=["scope", "token"], name="common_once_token_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.path} ({self.created_at:%d.%m.%Y %H:%M})"
