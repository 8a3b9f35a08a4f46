"""Links the legal pages show beside their editable text: the pages on which people use
their data rights (members, "Mein Profil", "Meine Daten", account removal)."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# URL name → what a person does there. The pages belong to the data-rights part of the
# portal; a name that does not resolve (yet) is left out rather than failing the page.
DATA_RIGHTS = [
    ("profile", _("Mein Profil: Name, Telefonnummer und Funktion selbst berichtigen "
                  "(Art. 16 DSGVO)")),
    ("my_data", _("Meine Daten: alles ansehen, was das Portal über Sie speichert, und als "
                  "Datei herunterladen (Art. 15 und 20 DSGVO)")),
    ("account_removal", _("Konto entfernen lassen: Ihre Daten werden gelöscht oder "
                          "pseudonymisiert (Art. 17 DSGVO)")),
]
# Where the data-rights pages live, for texts written before their URL conf is loaded.
FALLBACK_PATHS = {"profile": "/konto/profil/", "my_data": "/konto/meine-daten/",
                  "account_removal": "/konto/entfernen/"}


def url_or_fallback(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return FALLBACK_PATHS[name]


def data_rights_links() -> list[tuple[str, str]]:
    """(address, label) of each data-rights page that exists."""
    links = []
    for name, label in DATA_RIGHTS:
        try:
            links.append((reverse(name), str(label)))
        except NoReverseMatch:
            continue
    return links
