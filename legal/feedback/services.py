"""Writes of feedback messages: a message arrives (stored, mailed to the coordination
office through the outbox), the coordination office changes its state, old answered
messages are deleted, and a person's messages are erased on account removal."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from common.mail import render_subject
from common.models import OutgoingMail
from common.outbox import mail_queue_bulk
from common.permissions import permission_check
from members.enums import Role
from members.models import User

from ..enums import FeedbackState
from ..models import Feedback
from .deadline import one_month_after
from .selectors import feedback_of_person


def office_addresses() -> list[str]:
    """Where a new message goes: every active coordinator, and the coordination office's
    own mailbox (FEEDBACK_EMAIL) if there is one; each address once."""
    addresses = list(User.objects.filter(is_active=True, role=Role.COORDINATOR)
                     .exclude(email="").order_by("pk").values_list("email", flat=True))
    if settings.FEEDBACK_EMAIL:
        addresses.append(settings.FEEDBACK_EMAIL)
    unique: dict[str, str] = {}
    for address in addresses:
        unique.setdefault(address.lower(), address)
    return list(unique.values())


def _office_mails(feedback: Feedback) -> list[OutgoingMail]:
    with translation.override("de"):
        context = {"feedback": feedback, "site_url": settings.SITE_URL,
                   "link": settings.SITE_URL + feedback.get_absolute_url()}
        subject = render_subject("legal/email/feedback_received_subject.txt", context)
        text = render_to_string("legal/email/feedback_received.txt", context)
        html = render_to_string("legal/email/feedback_received.html", context)
    return [OutgoingMail(to=address, subject=subject, body_text=text, body_html=html)
            for address in office_addresses()]


@transaction.atomic
def feedback_submit(*, user, message: str, consent_text: str, page_path: str = "",
                    name: str = "", email: str = "") -> Feedback:
    """Store a message with its one-month answer deadline and mail it to the coordination
    office (after commit, through the outbox). `user` may be anonymous."""
    permission_check(user, "legal.send_feedback")
    feedback = Feedback.objects.create(
        page_path=page_path, message=message, name=name, email=email,
        consent_text=consent_text, user=user if user.is_authenticated else None,
        answer_due=one_month_after(timezone.localdate()))
    mail_queue_bulk(_office_mails(feedback))
    return feedback


@transaction.atomic
def feedback_update(*, feedback: Feedback, user, state: str, note: str) -> Feedback:
    """Change state and internal note; answering records when and by whom. A message that
    someone works on never becomes new again."""
    current = Feedback.objects.select_for_update().get(pk=feedback.pk)
    permission_check(user, "legal.change_feedback", current)
    state = FeedbackState(state)
    if state == FeedbackState.NEW and current.state != FeedbackState.NEW:
        raise ValueError("a message in progress or answered cannot become new again")
    current.note = note
    if state != current.state:
        current.state = state
        current.handled_by = user
        current.answered_at = timezone.now() if state == FeedbackState.ANSWERED else None
    current.save()
    return current


def feedback_delete_old(now: datetime | None = None) -> int:
    """Delete messages answered more than FEEDBACK_KEEP_DAYS ago (the storage period the
    privacy statement names); returns how many."""
    now = now or timezone.now()
    limit = now - timedelta(days=settings.FEEDBACK_KEEP_DAYS)
    deleted, _by_model = Feedback.objects.filter(
        state=FeedbackState.ANSWERED, answered_at__lt=limit).delete()
    return deleted


def feedback_erase_person(user) -> None:
    """Account removal: the person's messages are deleted (they are no content the network
    relies on, and the text may name them)."""
    feedback_of_person(user).delete()
