"""Comments of member staff on articles, joint projects, topics and Rundfragen.

The apps above register what can be commented on (comments.registry) and include the
section in their pages (`{% load comments %}{% comments_section obj %}`). Comments add a
change source (new comments, for followers), their personal data, and send
`comments.signals.comment_posted` for mentions. Permissions (rules.py) are found by
django-rules' autodiscovery.
"""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Kommentare")

    def ready(self) -> None:
        from common.page_cache import visitor_cache_ignore

        from . import changes, personal_data

        changes.register()
        personal_data.register()
        # Visitors never see comments: writing one leaves their cached pages alone.
        visitor_cache_ignore("comments.Comment", "comments.Comment_mentions")
