"""A person with something in every app that registered personal data (common.personal_data),
for the tests of "Meine Daten" and of account removal."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.utils import timezone

from common.outbox import mail_queue
from legal.feedback.services import feedback_submit
from meetings.enums import MeetingState, MinutesState, RegistrationStatus
from meetings.models import ActionItem, AgendaItem, Meeting, Minutes, Registration
from members.models import User
from projects.models import Status, Topic
from projects.statuses.services import status_save
from tests.knowledge.factories import article_make, document_make
from tests.meetings.helpers import make_group, make_meeting


@dataclass
class Footprint:
    person: User
    past: Meeting
    future: Meeting
    action_item: ActionItem
    minutes: Minutes
    status: Status
    article_slug: str
    document_pk: int


def footprint_make(person: User, *, other: User) -> Footprint:
    """`person` (an editor) attended a past meeting and published its minutes, is
    responsible for an action item, presents an agenda item, is registered for a future
    meeting (so is `other`, who waits for a place), changed a status, wrote an article,
    uploaded a document, received a mail, sent a feedback message and set up TOTP."""
    administration = person.administration
    group = make_group(administration, other.administration)
    past = make_meeting(group, days=-20, state=MeetingState.MINUTES_PUBLISHED,
                        title="Quartalssitzung Frühjahr")
    future = make_meeting(group, days=20, capacity=1, title="Quartalssitzung Herbst")
    Registration.objects.create(meeting=past, user=person, attended=True)
    Registration.objects.create(meeting=future, user=person)
    Registration.objects.create(meeting=future, user=other, status=RegistrationStatus.WAITING)
    minutes = Minutes.objects.create(meeting=past, state=MinutesState.PUBLISHED,
                                     summary="Die E-Akte kommt.", published_by=person,
                                     published_at=timezone.now() - timedelta(days=10))
    action_item = ActionItem.objects.create(
        meeting=past, title="Musterdienstanweisung verteilen", responsible_user=person,
        responsible_administration=administration,
        due_date=timezone.localdate() + timedelta(days=5))
    AgendaItem.objects.create(meeting=past, order=1, title="Bericht zur E-Akte",
                              presenter=person.get_full_name())
    topic = Topic.objects.create(name="E-Akte", slug="e-akte", group="internal")
    status = status_save(administration=administration, by=person, topic=topic,
                         fields={"stage": 3, "product": "enaio"})
    article = article_make(author=person, title="Erfahrungen mit der E-Akte")
    document = document_make(uploaded_by=person, title="Leitfaden Scannen")
    mail_queue(to=person.email, subject="Einladung zur Quartalssitzung", text="Hallo")
    feedback_submit(user=person, message="Der Kontrast im Menü ist zu schwach.",
                    consent_text="Ich willige ein.", page_path="/wissen/")
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP,
                                 data={"secret": "GEHEIMERSCHLUESSEL"})
    return Footprint(person=person, past=past, future=future, action_item=action_item,
                     minutes=minutes, status=status, article_slug=article.slug,
                     document_pk=document.pk)
