"""Personal notices the apps send through notifications: a mention of one's administration
in a comment, and a new Rundfrage to one's administration reach its editors at once (in the
app and by mail), once, unless they switched the kind off."""

import pytest
from django.db.models import Q

from comments.services import comment_edit, comment_post
from common.models import OutgoingMail
from members.models import User
from notifications.models import Notification
from polls.models import Audience
from tests.comments.helpers import public_article
from tests.factories import UserFactory
from tests.polls.helpers import ask

pytestmark = pytest.mark.django_db(transaction=True)


def _mails_to(user) -> list[OutgoingMail]:
    return list(OutgoingMail.objects.filter(to__contains=user.email))


def test_a_mention_reaches_the_mentioned_editors_once(reader, other_editor,
                                                      other_administration):
    colleague_reader = UserFactory(administration=other_administration, role="reader")
    article = public_article(reader)

    comment = comment_post(user=reader, target=article, body="Frage an @NR: wie läuft es?")
    comment_edit(comment=comment, user=reader, body="Frage an @NR: wie läuft es bei euch?")

    notice = Notification.objects.get(user=other_editor)
    assert notice.personal and "in einem Kommentar erwähnt" in notice.title
    assert notice.url == f"/kommentare/{comment.pk}/"
    assert len(_mails_to(other_editor)) == 1
    assert not Notification.objects.filter(user=colleague_reader).exists()
    assert not Notification.objects.filter(user=reader, personal=True).exists()


def test_a_muted_mention_is_listed_but_not_mailed(reader, other_editor):
    User.objects.filter(pk=other_editor.pk).update(muted_reminders=["mention"])

    comment_post(user=reader, target=public_article(reader), body="Hallo @NR")

    assert Notification.objects.filter(user=other_editor).count() == 1
    assert _mails_to(other_editor) == []


def test_a_new_rundfrage_tells_the_editors_asked_but_not_the_asker(
        editor, other_editor, administration, other_administration):
    other_reader = UserFactory(administration=other_administration, role="reader")

    poll = ask(editor, title="Welches DMS nutzen Sie?", audience=Audience.ALL)

    notice = Notification.objects.get(user=other_editor)
    assert notice.personal and "Welches DMS nutzen Sie?" in notice.title
    assert notice.url == f"/rundfragen/{poll.pk}/"
    assert len(_mails_to(other_editor)) == 1
    assert not Notification.objects.filter(Q(user=editor) | Q(user=other_reader),
                                           personal=True).exists()
    assert _mails_to(editor) == []


def test_a_rundfrage_to_chosen_administrations_tells_only_them(editor, other_editor,
                                                               administration):
    ask(editor, audience=Audience.CHOSEN, audience_administrations=[administration])

    assert not Notification.objects.filter(user=other_editor).exists()
