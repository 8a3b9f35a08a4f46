"""Shared data of the legal tests: filled pages, feedback messages, video bytes."""

from datetime import date

from legal.enums import FeedbackState, PageKind
from legal.feedback.deadline import one_month_after
from legal.models import Feedback, LegalPage
from legal.pages.services import legal_page_save

# The first bytes of real files of each kind (what the content check reads).
MP4_BYTES = (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41"
             + b"\x00\x00\x00\x08free" + b"\x00" * 200)
WEBM_BYTES = (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04"
              b"\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02"
              + b"\x00" * 200)
VTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nWillkommen im Kreishaus.\n"


def page_fill(kind: str, user, body: str = "Ein Text.", **fields) -> LegalPage:
    return legal_page_save(kind=kind, user=user, title=fields.pop("title", "Titel"),
                           body=body, **fields)


def pages_fill_all(user) -> None:
    for kind in PageKind.values:
        page_fill(kind, user, body=f"Text der Seite {kind}.")


def feedback_make(*, message: str = "Der Kontrast ist zu schwach.", received: date,
                  state: str = FeedbackState.NEW, **fields) -> Feedback:
    feedback = Feedback.objects.create(
        message=message, consent_text="Einverstanden.", state=state,
        answer_due=one_month_after(received), **fields)
    return feedback
