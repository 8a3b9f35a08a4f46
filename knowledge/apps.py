"""The knowledge app registers what it adds to site-wide features: its search sources
(search.py), its sections on the dashboard and the pages of lower floors (sections.py), and
the reminder to check articles that are due (reviews.py).
Its permissions (rules.py) are found by django-rules' autodiscovery."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Wissen")

    def ready(self) -> None:
        from common.search.registry import search_source_register

        from .search import ArticleSource, DocumentSource

        search_source_register(ArticleSource())
        search_source_register(DocumentSource())

        from common.reminders import reminder_expiry_register, reminder_kinds_register

        from . import changes, commenting, personal_data, reviews, sections

        reminder_kinds_register(reviews.ARTICLE_REVIEW)
        reminder_expiry_register(reviews.OBJECT_PREFIX, reviews.review_reminder_expired)

        sections.register()
        changes.register()
        from . import follows

        follows.register()
        personal_data.register()
        commenting.register()
