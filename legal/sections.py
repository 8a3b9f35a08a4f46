"""What legal adds to the dashboard: for the coordination office, the legal pages still
unfilled (a go-live duty), the missing sign language video, and the unanswered feedback
with its deadlines. Three queries, whatever the numbers."""

import rules
from django.utils.translation import gettext_lazy as _

from common.sections import DASHBOARD

from .enums import PageKind
from .feedback.selectors import feedback_open_summary
from .pages.selectors import legal_pages_all


def dashboard_context(user, _obj) -> dict | None:
    if not rules.has_perm("legal.view_feedback", user):
        return None
    pages = legal_pages_all()
    sign_language = next(page for page in pages if page.kind == PageKind.SIGN_LANGUAGE)
    return {
        "legal_unfilled": [page for page in pages if not page.is_filled],
        "legal_video_missing": not sign_language.has_video,
        "feedback_summary": feedback_open_summary(),
        "legal_heading": _("Rechtliches und Rückmeldungen"),
    }


def register() -> None:
    """Called once from LegalConfig.ready()."""
    DASHBOARD.add_section(key="legal", order=5, template="legal/_dashboard_legal.html",
                          context=dashboard_context)
