"""A mail backend for tests that fails like a mail server being restarted: the first
`FlakyBackend.failures` sends raise `FlakyBackend.error`, later ones are delivered into
django.core.mail.outbox (as the locmem backend does)."""

import smtplib

from django.core.mail.backends import locmem


class FlakyBackend(locmem.EmailBackend):
    failures = 0
    error: Exception = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    attempts = 0

    def send_messages(self, messages):
        FlakyBackend.attempts += 1
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise FlakyBackend.error
        return super().send_messages(messages)
