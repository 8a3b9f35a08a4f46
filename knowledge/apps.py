"""The knowledge app registers what it adds to site-wide features: its search sources
(search.py) and its sections on the dashboard and the pages of lower floors (sections.py).
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

        from . import changes, personal_data, sections

        sections.register()
        changes.register()
        from . import follows

        follows.register()
        personal_data.register()
