"""The file format of the statuses export and import: column names, the words a file
holds (translated once), and the rows of an uploaded file."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..enums import Maturity, Stage

COLUMNS = {
    "administration": gettext_lazy("Verwaltung"),
    "regional_key": gettext_lazy("Regionalschlüssel"),
    "kind": gettext_lazy("Art"),
    "key": gettext_lazy("Thema/OZG-ID"),
    "title": gettext_lazy("Bezeichnung"),
    "stage": gettext_lazy("Stand"),
    "maturity": gettext_lazy("Reifegrad"),
    "since": gettext_lazy("seit"),
    "department": gettext_lazy("zuständige Stelle"),
    "product": gettext_lazy("Produkt/Anbieter"),
    "contact": gettext_lazy("Ansprechperson"),
    "note": gettext_lazy("Notiz"),
    "updated": gettext_lazy("zuletzt geändert"),
}
OPTIONAL_COLUMNS = {"updated"}


@dataclass(frozen=True)
class FileLabels:
    """Every word a file holds, translated once (streamed rows are written after the view
    has returned, outside its language)."""

    header: list[str]
    topic: str
    service: str
    stages: dict[int, str]
    maturities: dict[int, str]


def file_labels() -> FileLabels:
    with translation.override(settings.LANGUAGE_CODE):
        return FileLabels(header=[str(label) for label in COLUMNS.values()],
                          topic=_("Thema"), service=_("OZG-Leistung"),
                          stages={value: str(label) for value, label in Stage.choices},
                          maturities={value: str(label) for value, label in Maturity.choices})


@dataclass
class StatusRows:
    """The cells of an uploaded file by column key (see COLUMNS), each row with its
    spreadsheet row number (exchange.forms reads them through common.tabular)."""

    rows: list[tuple[int, dict[str, object]]] = field(default_factory=list)
