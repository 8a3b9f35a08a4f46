"""The database side of bench/load.py (Django set up by the caller): the load accounts, the
pages the users visit, and the check of the acknowledged writes afterwards."""

import time
from collections import Counter
from datetime import datetime

from allauth.account.models import EmailAddress
from django.db.models import Count
from django.utils import timezone

from common.enums import MailState
from common.models import OutgoingMail
from knowledge.enums import Visibility
from knowledge.models import Article, ArticleRevision
from meetings.enums import MeetingState, RegistrationStatus
from meetings.models import Meeting, Registration
from members.enums import Role
from members.models import Administration, User
from members.rules import is_member_staff
from projects.models import OzgService, StatusChange, Topic

PASSWORD = "kreishaus-demo"


def now() -> datetime:
    return timezone.now()


def accounts(*, readers: int, editors: int) -> list[dict]:
    """One login per simulated member (created once, kept for the next run): readers
    spread over all administrations, editors over those with articles to edit."""
    administrations = list(Administration.objects.order_by("pk"))
    with_articles = list(Administration.objects.filter(
        pk__in=Article.objects.filter(archived_at__isnull=True).values("administration"))
        .order_by("pk"))
    topics = list(Topic.objects.values_list("slug", flat=True))
    result = []
    for number in range(readers + editors):
        role = Role.READER if number < readers else Role.EDITOR
        pool = administrations if role == Role.READER else with_articles
        administration = pool[number % len(pool)]
        email = f"load-{role}-{number:02d}@example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, PASSWORD, administration=administration,
                                            role=role, first_name="Last",
                                            last_name=f"Test {number:02d}")
            EmailAddress.objects.get_or_create(user=user, email=email,
                                               defaults={"verified": True, "primary": True})
        if not is_member_staff(user):
            raise SystemExit(f"{email} is no member staff; is its administration a member?")
        articles = list(Article.objects.filter(administration=user.administration,
                                               archived_at__isnull=True)
                        .values_list("slug", flat=True))
        current = {r.meeting_id: ("decline" if r.status == RegistrationStatus.DECLINED
                                  else "register")
                   for r in Registration.objects.filter(user=user)}
        result.append({"email": email, "role": str(role), "user_id": user.pk,
                       "slug": user.administration.slug, "articles": articles,
                       "topics": topics, "registrations": current})
    return result


def facts() -> dict:
    members = list(Administration.objects.values_list("slug", flat=True))
    public_articles = list(Article.objects.filter(visibility=Visibility.PUBLIC,
                                                  archived_at__isnull=True)
                           .values_list("slug", flat=True))
    open_meetings = list(Meeting.objects.filter(state=MeetingState.INVITED,
                                                starts_at__gt=timezone.now())
                         .values_list("pk", flat=True))
    ozg_ids = list(OzgService.objects.values_list("ozg_id", flat=True))
    return {"members": members, "public_articles": public_articles,
            "open_meetings": open_meetings, "ozg_ids": ozg_ids}


def verify(writes: list[dict], *, started_at: datetime, run: str,
           mail_wait_seconds: float = 60) -> dict:
    """Every acknowledged write in the database exactly once; every mail of the run sent."""
    problems: list[str] = []
    found = lost = duplicated = states = 0
    prefix = f"Lasttest {run}-"
    notes = Counter(
        change.changes["note"][1] for change in StatusChange.objects.filter(
            changed_at__gte=started_at, changes__has_key="note")
        if str(change.changes["note"][1]).startswith(prefix))
    messages = Counter(ArticleRevision.objects.filter(message__startswith=prefix)
                       .values_list("message", flat=True))
    for write in writes:
        if write["kind"] not in ("status", "article"):
            continue
        stored = (notes if write["kind"] == "status" else messages)[write["marker"]]
        if stored == 0:
            lost += 1
            problems.append(f"lost: {write}")
        elif stored > 1:
            duplicated += 1
            problems.append(f"{stored} times: {write}")
        else:
            found += 1
    last: dict[tuple[str, int], str] = {}
    for write in writes:
        if write["kind"] == "registration":
            last[(write["user"], write["meeting"])] = write["action"]
    stored = {(r.user.email, r.meeting_id): r.status for r in
              Registration.objects.filter(user__email__startswith="load-")
              .select_related("user")}
    for key, action in last.items():
        state = stored.get(key)
        expected = ({RegistrationStatus.DECLINED} if action == "decline" else
                    {RegistrationStatus.REGISTERED, RegistrationStatus.WAITING})
        if state in expected:
            states += 1
        else:
            lost += 1
            problems.append(f"registration {key}: last action {action}, stored {state}")
    doubled = (Registration.objects.values("meeting", "user").annotate(n=Count("pk"))
               .filter(n__gt=1).count())
    duplicated += doubled
    mails = OutgoingMail.objects.filter(created_at__gte=started_at)
    waited = 0.0
    began = time.monotonic()
    while mails.filter(state=MailState.QUEUED).exists() and waited < mail_wait_seconds:
        time.sleep(1)
        waited = time.monotonic() - began
    unsent = mails.exclude(state=MailState.SENT).count()
    return {"found": found, "states": states, "lost": lost, "duplicated": duplicated,
            "problems": problems,
            "mails": mails.count(), "mails_unsent": unsent, "mail_wait": waited}
