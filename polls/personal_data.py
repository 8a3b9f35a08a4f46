"""What polls holds about a person (registered with common.personal_data in
PollsConfig.ready()): the Rundfragen they asked and the answers they started or changed.

Nothing is deleted on removal: Rundfragen and answers belong to the administrations and the
network relies on them; they name the person through the account, which removal
pseudonymises ("ehemalige Person (<Kurzname>)")."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register

from .models import Answer, Poll


def collect(user) -> dict:
    return {
        _("Rundfragen, die Sie gestellt haben"): [
            {_("Rundfrage"): poll.title, _("Gestellt am"): iso(poll.created_at),
             _("Antworten bis"): iso(poll.deadline)}
            for poll in Poll.objects.filter(author=user).order_by("created_at", "pk")],
        _("Antworten, die Sie begonnen oder zuletzt geändert haben"): [
            {_("Rundfrage"): answer.poll.title, _("Verwaltung"): answer.administration.name,
             _("Stand"): answer.get_state_display(), _("Geändert am"): iso(answer.updated_at)}
            for answer in Answer.objects.filter(Q(created_by=user) | Q(updated_by=user))
            .select_related("poll", "administration").order_by("updated_at", "pk")],
    }


def erase(user) -> None:
    """Nothing to remove here (see the module docstring)."""


def register() -> None:
    """Called once from PollsConfig.ready()."""
    personal_data_register("polls", label=gettext_lazy("Rundfragen"), collect=collect,
                           erase=erase, order=45)
