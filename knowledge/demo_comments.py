"""Demo comments on a few articles of the demo knowledge base (run by `demo_data` after the
articles): a short conversation with a mention, so the demo logins see comments at once.

Idempotent: an article that has comments already is left alone. The comments are dated
some days back (relative to today, like the other demo dates), so the 15-minute editing
time is over and a second run of the loader changes nothing.
"""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from comments.models import Comment
from comments.services import comment_post
from members.models import User

from .models import Article

# (article slug, author e-mail, days ago, text)
DEMO_COMMENTS = [
    ("e-akte-in-der-auslaenderbehoerde", "redaktion.neuwied@example.org", 12,
     "Danke für den Bericht! Wie lange hat bei Ihnen das Scannen des Altbestands gedauert? "
     "Wir planen das für 2027."),
    ("e-akte-in-der-auslaenderbehoerde", "redaktion.myk@example.org", 11,
     "@NR Rund vier Monate mit zwei Kräften in der Scanstelle; die Checkliste im Artikel "
     "hat uns viel Zeit gespart."),
    ("online-terminvereinbarung-kfz-zulassungsstelle", "lesen.ahrweiler@example.org", 6,
     "Bei uns kamen nach der Umstellung deutlich weniger Anrufe an. Gibt es Erfahrungen mit "
     "**Erinnerungs-SMS**?"),
    ("videokonferenzen-datenschutz-checkliste", "koordination@example.org", 3,
     "Die Checkliste nehmen wir in die nächste Sitzung der AG Digitales Kreishaus mit. "
     "@WW, @AK: Ergänzungen gern vorher hier."),
]


def load() -> None:
    """Write the demo comments on articles that have none yet."""
    slugs = {slug for slug, *_rest in DEMO_COMMENTS}
    has_comments = Comment.objects.filter(content_type__app_label="knowledge",
                                          content_type__model="article",
                                          object_id=OuterRef("pk"))
    articles = {a.slug: a for a in Article.objects.filter(slug__in=slugs)
                .annotate(commented=Exists(has_comments)).filter(commented=False)}
    users = {u.email: u for u in User.objects.filter(
        email__in={email for _slug, email, *_rest in DEMO_COMMENTS})}
    now = timezone.now()
    for slug, email, days_ago, body in DEMO_COMMENTS:
        article, author = articles.get(slug), users.get(email)
        if article is None or author is None:
            continue
        comment = comment_post(user=author, target=article, body=body)
        Comment.objects.filter(pk=comment.pk).update(
            created_at=now - timedelta(days=days_ago, hours=3))


def counts() -> dict[str, int]:
    return {"comments": Comment.objects.count()}
