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
        from . import changes, notify, personal_data

        changes.register()
        personal_data.register()
        notify.register()
        # Visitors never see comments, but comments are not left out of the page cache
        # (common.page_cache.visitor_cache_ignore): the dashboard's "Letzte Änderungen" is
        # kept until the next such write and lists new comments. Comments are rare writes.
