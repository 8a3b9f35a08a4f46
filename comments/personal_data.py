"""What comments hold about a person (registered with common.personal_data in
CommentsConfig.ready()).

Comments stay on removal, like articles: they are part of a conversation the network
relies on, and name the person by the pseudonym their account gets (members.personal_data).
Whoever wants a comment gone deletes it themselves before (its text is then removed).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from common.personal_data import iso, personal_data_register

from .models import Comment


def collect(user) -> dict:
    return {_("Kommentare, die Sie geschrieben haben"): [
        {_("Kommentar zu"): comment.target_key, _("Geschrieben am"): iso(comment.created_at),
         _("Bearbeitet am"): iso(comment.edited_at), _("Gelöscht am"): iso(comment.deleted_at),
         _("Text"): comment.body}
        for comment in Comment.objects.filter(author=user).order_by("created_at", "pk")]}


def erase(user) -> None:
    """Nothing to erase here: see the module docstring."""


def register() -> None:
    """Called once from CommentsConfig.ready()."""
    personal_data_register("comments", label=gettext_lazy("Kommentare"), collect=collect,
                           erase=erase, order=45)
