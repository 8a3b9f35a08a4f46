"""Demo content of the legal pages: every page filled with a text written for the demo
network (legal/demo_texts, the Landkreis Mayen-Koblenz as operator), saved by the demo
coordinator through the service so that each has its first revision; and three feedback
messages in the states new, in progress and answered.

Runs after members.demo (the coordinator login). Idempotent: a page that has a text is left
as it is (a demo user may have edited it), a message is found by its text; a second run
changes nothing.
"""

from datetime import timedelta

from django.utils import timezone

from members import demo as members_demo
from members.enums import Role
from members.models import User

from . import demo_texts as texts
from .enums import FeedbackState, PageKind
from .feedback.deadline import one_month_after
from .links import url_or_fallback
from .models import Feedback, LegalPage
from .pages.services import legal_page_save

# (message, page, name, e-mail, days ago, state)
FEEDBACK = [
    ("Die Tabelle mit dem Stand der Digitalisierung ist mit meinem Screenreader (NVDA) schwer "
     "zu lesen: Bei langen Tabellen weiß ich in den hinteren Spalten nicht mehr, welches Thema "
     "gemeint ist. Gibt es die Daten auch als einfache Liste je Verwaltung?",
     "/vorhaben/", "Martina Jung", "m.jung@example.org", 3, FeedbackState.NEW),
    ("Das Protokoll der letzten Sitzung als PDF lässt sich bei mir nicht vergrößern, ohne "
     "dass man seitlich scrollen muss. Können Sie es auch als Text bereitstellen?",
     "/sitzungen/", "", "anfrage@example.org", 12, FeedbackState.IN_PROGRESS),
    ("Wer ist bei Ihnen für die Kfz-Ummeldung zuständig? Wir möchten als Nachbarkreis "
     "Erfahrungen austauschen.",
     "", "Thomas Brandt", "t.brandt@example.org", 40, FeedbackState.ANSWERED),
]


def _coordinator() -> User:
    email = next(email for email, _first, _last, role, _key in members_demo.DEMO_LOGINS
                 if role == Role.COORDINATOR)
    return User.objects.get(email=email)


def _texts() -> dict[str, tuple[str, str]]:
    """kind → (text, consent text)."""
    privacy = texts.privacy(profile=url_or_fallback("profile"),
                            my_data=url_or_fallback("my_data"),
                            account_removal=url_or_fallback("account_removal"))
    return {
        PageKind.IMPRINT: (texts.DEMO_NOTE + texts.IMPRINT, ""),
        PageKind.PRIVACY: (texts.DEMO_NOTE + privacy, texts.CONSENT_TEXT),
        PageKind.ACCESSIBILITY: (texts.DEMO_NOTE + texts.ACCESSIBILITY, ""),
        PageKind.EASY_LANGUAGE: (texts.EASY_LANGUAGE, ""),
        PageKind.SIGN_LANGUAGE: (texts.DEMO_NOTE + texts.SIGN_LANGUAGE, ""),
    }


TITLES = {
    PageKind.IMPRINT: "Impressum",
    PageKind.PRIVACY: "Datenschutzerklärung",
    PageKind.ACCESSIBILITY: "Erklärung zur Barrierefreiheit",
    PageKind.EASY_LANGUAGE: "Kreishaus in Leichter Sprache",
    PageKind.SIGN_LANGUAGE: "Kreishaus in Deutscher Gebärdensprache",
}


def load_pages() -> int:
    """Fill every page that has no text yet; returns how many were written."""
    coordinator = _coordinator()
    filled = set(LegalPage.objects.exclude(body="").values_list("kind", flat=True))
    today = timezone.localdate()
    written = 0
    for kind, (body, consent) in _texts().items():
        if kind in filled:
            continue
        legal_page_save(kind=kind, user=coordinator, title=TITLES[kind], body=body,
                        consent_text=consent, reviewed_on=today,
                        message="Text für das Demo-Netzwerk")
        written += 1
    return written


def load_feedback() -> int:
    """The demo messages that are not there yet; returns how many were created."""
    coordinator = _coordinator()
    existing = set(Feedback.objects.values_list("message", flat=True))
    now = timezone.now()
    created = 0
    for message, page, name, email, days_ago, state in FEEDBACK:
        if message in existing:
            continue
        received = now - timedelta(days=days_ago)
        answered = state == FeedbackState.ANSWERED
        feedback = Feedback.objects.create(
            message=message, page_path=page, name=name, email=email,
            consent_text=texts.CONSENT_TEXT, state=state,
            answer_due=one_month_after(timezone.localdate(received)),
            handled_by=coordinator if state != FeedbackState.NEW else None,
            answered_at=received + timedelta(days=6) if answered else None,
            note="Antwort mit den Kontaktdaten von Jonas Weber verschickt." if answered else "")
        # The receipt date is the demo's own; auto_now_add wrote today.
        Feedback.objects.filter(pk=feedback.pk).update(created_at=received)
        created += 1
    return created


def load() -> None:
    load_pages()
    load_feedback()


def counts() -> dict[str, int]:
    return {"legal_pages": LegalPage.objects.exclude(body="").count(),
            "feedback": Feedback.objects.count()}
