"""Kinds of legal page and states of a feedback message."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageKind(models.TextChoices):
    """The pages a German public portal must offer. The value is also the page's address
    (/impressum/, /datenschutz/ …) and must never change."""

    IMPRINT = "impressum", _("Impressum")
    PRIVACY = "datenschutz", _("Datenschutzerklärung")
    ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
    EASY_LANGUAGE = "leichte-sprache", _("Leichte Sprache")
    SIGN_LANGUAGE = "gebaerdensprache", _("Gebärdensprache")


class FeedbackState(models.TextChoices):
    NEW = "new", _("neu")
    IN_PROGRESS = "in_progress", _("in Bearbeitung")
    ANSWERED = "answered", _("beantwortet")


# Not yet answered: what the list shows first and the reminder looks at.
OPEN_STATES = (FeedbackState.NEW, FeedbackState.IN_PROGRESS)

# The URL name of each page (legal:<name>), e.g. {% url "legal:privacy" %}.
PAGE_URL_NAMES = {
    PageKind.IMPRINT: "imprint",
    PageKind.PRIVACY: "privacy",
    PageKind.ACCESSIBILITY: "accessibility",
    PageKind.EASY_LANGUAGE: "easy_language",
    PageKind.SIGN_LANGUAGE: "sign_language",
}
