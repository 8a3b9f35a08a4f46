"""Reads of the asking and answering pages: the list of Rundfragen with the state of the
person's own administration, one Rundfrage for its page, and the audience in words."""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from members.enums import AdministrationKind
from members.models import Administration

from .models import Answer, Audience, Poll
from .selectors import polls_listed_for

# The list's filter: the address value and its label.
SCOPES = {"": gettext_lazy("Alle Rundfragen"),
          "an-meine-verwaltung": gettext_lazy("an meine Verwaltung"),
          "von-meiner-verwaltung": gettext_lazy("von meiner Verwaltung")}


def is_current_member(administration: Administration | None) -> bool:
    """A member today (the rule of Administration.objects.current, without a query)."""
    today = timezone.localdate()
    return (administration is not None and administration.member_since is not None
            and administration.member_since <= today
            and (administration.member_until is None or administration.member_until > today))


def asked_expression(administration: Administration | None):
    """Whether that administration is in a poll's audience, as an SQL expression over the
    poll (one query for a whole list instead of one per poll); polls.selectors.in_audience
    is the same rule for one poll."""
    if not is_current_member(administration):
        return Value(False, output_field=BooleanField())
    through_groups = Poll.audience_groups.through.objects.filter(
        poll_id=OuterRef("pk"), workinggroup__members=administration.pk)
    through_chosen = Poll.audience_administrations.through.objects.filter(
        poll_id=OuterRef("pk"), administration_id=administration.pk)
    return Case(
        When(audience=Audience.ALL, then=Value(True)),
        When(audience=Audience.KINDS, audience_kinds__contains=[administration.kind],
             then=Value(True)),
        When(audience=Audience.GROUPS, then=Exists(through_groups)),
        When(audience=Audience.CHOSEN, then=Exists(through_chosen)),
        default=Value(False), output_field=BooleanField())


def polls_for_list(user, scope: str = "") -> QuerySet[Poll]:
    """The Rundfragen the person may see, newest first, each with `asked` (their
    administration is in the audience), `own_state` and `own_submitted_at` (its answer)
    and `chosen_count`; constant queries however many there are."""
    administration = getattr(user, "administration", None)
    own = Answer.objects.filter(poll=OuterRef("pk"), administration=administration)
    chosen = (Poll.audience_administrations.through.objects.filter(poll_id=OuterRef("pk"))
              .order_by().values("poll_id").annotate(n=Count("pk")).values("n"))
    polls = (polls_listed_for(user)
             .select_related("author", "administration")
             .prefetch_related(Prefetch("audience_groups", to_attr="groups_listed"))
             .annotate(asked=asked_expression(administration),
                       own_state=Subquery(own.values("state")[:1]),
                       own_submitted_at=Subquery(own.values("submitted_at")[:1]),
                       chosen_count=Coalesce(Subquery(chosen, output_field=IntegerField()), 0))
             .order_by("-created_at", "-pk"))
    if scope == "an-meine-verwaltung":
        polls = polls.filter(asked=True)
    elif scope == "von-meiner-verwaltung":
        polls = polls.filter(administration=administration) if administration else polls.none()
    return polls


def poll_for_page(user) -> QuerySet[Poll]:
    """The Rundfragen whose page the person may open, shaped for it."""
    return (polls_listed_for(user).select_related("author", "administration", "article")
            .prefetch_related("topics", "audience_groups", "audience_administrations",
                              "questions"))


def answer_of(poll: Poll, administration: Administration | None) -> Answer | None:
    """The answer of one administration with its items (None if it has none yet)."""
    if administration is None:
        return None
    return (Answer.objects.filter(poll=poll, administration=administration)
            .select_related("updated_by", "created_by").prefetch_related("items").first())


def audience_label(poll: Poll, *, groups=None, chosen_count: int | None = None) -> str:
    """Who is asked, in a few words ("Alle Mitglieder", "Landkreis, Stadt", "AG …",
    "3 ausgewählte Verwaltungen"), from prefetched or annotated data."""
    if poll.audience == Audience.KINDS:
        labels = []
        for kind in poll.audience_kinds:
            try:
                labels.append(str(AdministrationKind(kind).label))
            except ValueError:
                labels.append(kind)
        return _("Mitglieder der Art: %(kinds)s") % {"kinds": ", ".join(labels)}
    if poll.audience == Audience.GROUPS:
        groups = groups if groups is not None else poll.audience_groups.all()
        return _("Arbeitsgruppen: %(groups)s") % {
            "groups": ", ".join(group.name for group in groups)}
    if poll.audience == Audience.CHOSEN:
        count = chosen_count if chosen_count is not None else len(
            poll.audience_administrations.all())
        return ngettext("%(count)d ausgewählte Verwaltung", "%(count)d ausgewählte Verwaltungen",
                        count) % {"count": count}
    return _("Alle Mitglieder")
