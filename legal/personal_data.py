"""What legal holds about a person, for "Meine Daten" and account removal
(common.personal_data): the feedback messages they sent, and the legal page versions they
saved (those stay: the account they name is pseudonymised by members)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import personal_data_register

from .feedback.selectors import feedback_of_person
from .feedback.services import feedback_erase_person
from .models import LegalPageRevision


def collect(user) -> dict:
    messages = [{
        _("Eingegangen am"): feedback.created_at.isoformat(),
        _("Seite"): feedback.page_path,
        _("Nachricht"): feedback.message,
        _("Name"): feedback.name,
        _("E-Mail-Adresse"): feedback.email,
        _("Einwilligung"): feedback.consent_text,
        _("Status"): feedback.get_state_display(),
        _("Antwort bis"): feedback.answer_due.isoformat(),
    } for feedback in feedback_of_person(user)]
    revisions = [{
        _("Seite"): revision.page.get_kind_display(),
        _("Version"): revision.number,
        _("Gespeichert am"): revision.created_at.isoformat(),
        _("Änderungsnotiz"): revision.message,
    } for revision in LegalPageRevision.objects.filter(author=user).select_related("page")
        .order_by("created_at", "pk")]
    return {_("Rückmeldungen über das Kontaktformular"): messages,
            _("Gespeicherte Fassungen rechtlicher Seiten"): revisions}


def register() -> None:
    personal_data_register(
        "legal", label=gettext_lazy("Rückmeldungen und rechtliche Seiten"), collect=collect,
        erase=feedback_erase_person)
