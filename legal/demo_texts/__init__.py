"""Texts of the legal pages for the demo network, with the Landkreis Mayen-Koblenz as
operator. Written for the demo: facts (addresses of the authorities, the law) are real;
names, mail addresses and telephone numbers of the operator are the demo's own
(example.org, 0000), as everywhere in the demo network."""

from .accessibility import ACCESSIBILITY
from .easy_language import EASY_LANGUAGE
from .imprint import IMPRINT
from .privacy import CONSENT_TEXT, privacy
from .sign_language import SIGN_LANGUAGE

__all__ = ["ACCESSIBILITY", "CONSENT_TEXT", "EASY_LANGUAGE", "IMPRINT", "SIGN_LANGUAGE",
           "privacy"]

# Shown at the top of every demo text: nobody should take the demo's data for real ones.
DEMO_NOTE = (
    "> **Demonstrationsinhalt:** Dieser Text ist für das Demo-Netzwerk geschrieben. "
    "Vor dem Betrieb ersetzt der Betreiber ihn durch seine eigenen Angaben.\n\n")
