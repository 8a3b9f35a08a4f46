"""The members app: registers its search source and the pages other apps add sections to."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Mitglieder")

    def ready(self) -> None:
        from common.search.registry import search_source_register

        from .search import MemberSource

        search_source_register(MemberSource())
        from . import changes, personal_data

        personal_data.register()
        changes.register()
        from . import sections  # declares the pages other apps add sections to

        sections.register()
