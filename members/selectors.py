"""Read functions of the members app, shaped for their pages (constant query counts)."""

from django.db.models import F, Prefetch, QuerySet

from .models import (
    Administration,
    ContactPerson,
    Invitation,
    ProfileAnswer,
    ProfileQuestion,
    User,
    invitation_token_hash,
)


def administrations_public() -> QuerySet[Administration]:
    """Current members in directory order, for the landing page."""
    return Administration.objects.current().order_by("name")


def members_newest(*, limit: int) -> list[Administration]:
    """The current members that joined last (by membership number, then date), newest first."""
    return list(Administration.objects.current()
                .order_by(F("membership_number").desc(nulls_last=True), "-member_since", "-pk")
                .only("pk", "name", "slug")[:limit])


def administrations_for_directory(*, include_former: bool = False) -> QuerySet[Administration]:
    queryset = Administration.objects.select_related("parent")
    if not include_former:
        queryset = queryset.current()
    return queryset


def administration_detail(*, slug: str, user) -> QuerySet[Administration]:
    """One administration with the answers and contacts the user may see, and its children."""
    answers = (ProfileAnswer.objects.visible_to(user).select_related("question")
               .filter(question__is_active=True))
    contacts = ContactPerson.objects.visible_to(user)
    return Administration.objects.filter(slug=slug).select_related("parent").prefetch_related(
        Prefetch("profile_answers", queryset=answers.order_by("question__order", "question_id"),
                 to_attr="visible_answers"),
        Prefetch("contacts", queryset=contacts, to_attr="visible_contacts"),
        Prefetch("children", queryset=Administration.objects.current().order_by("name"),
                 to_attr="current_children"),
    )


def profile_questions_and_answers(
    administration: Administration,
) -> tuple[list[ProfileQuestion], dict[int, ProfileAnswer]]:
    """The active Steckbrief questions, and the administration's answers by question id."""
    questions = list(ProfileQuestion.objects.filter(is_active=True))
    answers = {answer.question_id: answer for answer in administration.profile_answers.all()}
    return questions, answers


def staff_of(administration: Administration) -> QuerySet[User]:
    """The administration's accounts, active ones first (removed ones are nobody's)."""
    return administration.staff.filter(removed_at__isnull=True).order_by(
        "-is_active", "last_name", "first_name", "email")


def removal_requests() -> QuerySet[User]:
    """Accounts whose people asked for their removal, oldest request first."""
    return (User.objects.filter(removal_requested_at__isnull=False, removed_at__isnull=True)
            .select_related("administration").order_by("removal_requested_at", "pk"))


def invitations_open_for(administration: Administration) -> QuerySet[Invitation]:
    """Invitations neither accepted nor revoked (expired ones included: they can be resent)."""
    return administration.invitations.filter(
        accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("administration", "invited_by").order_by("-created_at")


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation of a link, whatever its state (the page explains why it is closed)."""
    return (
        Invitation.objects.select_related("administration")
        .filter(token_hash=invitation_token_hash(token)).first()
    )
