"""German phrases that several apps show, written once.

Lazy (gettext_lazy), so each is translated when it is shown, in the language of that
request. Phrases only one app uses stay in that app.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# Short addresses (slugs): common.slugs and every form with a slug field.
SLUG_TAKEN = _("Diese Kurzadresse ist schon vergeben.")
SLUG_RESERVED = _("Die Kurzadresse „%(slug)s“ ist reserviert.")
_SLUG_HELP_FROM_NAME = _("Teil der Adresse, z. B. „{example}“. Leer lassen, um sie aus dem "
                         "Namen zu bilden.")
_SLUG_HELP_FROM_TITLE = _("Teil der Adresse, z. B. „{example}“. Leer lassen, um sie aus dem "
                          "Titel zu bilden.")

# Periods (meetings, joint projects).
END_BEFORE_START = _("Das Ende darf nicht vor dem Beginn liegen.")

# Uploads to meetings and joint projects.
DOCUMENT_UPLOADED = _("Die Unterlage wurde hochgeladen.")

# Importers (common.tabular): a row without a name.
NAME_MISSING = _("Der Name fehlt.")


def slug_help(example: str, *, from_title: bool = False):
    """The help text of a slug field, with an example address."""
    return format_lazy(_SLUG_HELP_FROM_TITLE if from_title else _SLUG_HELP_FROM_NAME,
                       example=example)
