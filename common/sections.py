"""Pages that show sections contributed by other apps, and the registry of those sections.

A lower floor must not import a higher one, yet its pages show what higher floors know: the
administration page lists the member's meetings (meetings), statuses (projects) and
knowledge contributions (knowledge); the meeting page the knowledge linked to it; the
dashboard of the roof a panel from every app. So the page declares a slot, and each app
registers its sections for it in `AppConfig.ready()`:

    # members/sections.py: the page's owner declares it
    ADMINISTRATION_PAGE = Page("members.administration")

    # meetings/sections.py: register(), called from MeetingsConfig.ready()
    ADMINISTRATION_PAGE.add_section(
        key="meetings", order=20, template="meetings/_administration_meetings.html",
        context=lambda user, administration: {"meetings": ...})

The page's template renders them where the slot is, in order:

    {% load sections %}{% page_sections "members.administration" administration %}

A section is a key, an order, a template and a context function (user, object) → dict,
or None to leave the section out for this user. The template is rendered with the page's
context plus that dict. Context functions run once per page, so they must fetch what
they show in a constant number of queries.

The dashboard belongs to the roof, which no app may import, so its page is declared here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Context = Callable[[Any, Any], dict | None]

_PAGES: dict[str, "Page"] = {}


@dataclass(frozen=True)
class Section:
    key: str
    order: int
    template: str
    context: Context


class Page:
    """A page (or a place on a page) that shows the sections registered for it."""

    def __init__(self, name: str):
        if name in _PAGES:
            raise ValueError(f"page {name!r} is declared twice")
        self.name = name
        self._sections: dict[str, Section] = {}
        _PAGES[name] = self

    def __repr__(self) -> str:
        return f"Page({self.name!r})"

    def add_section(self, *, key: str, order: int, template: str, context: Context) -> None:
        """Register a section; a key registered twice is a mistake (ready() ran twice or two
        apps chose the same key)."""
        if key in self._sections:
            raise ValueError(f"section {key!r} is registered twice on {self.name!r}")
        self._sections[key] = Section(key=key, order=order, template=template, context=context)

    def remove_section(self, key: str) -> None:
        del self._sections[key]

    def sections(self) -> list[Section]:
        return sorted(self._sections.values(), key=lambda section: (section.order, section.key))

    def resolve(self, *, user, obj=None) -> list[tuple[Section, dict]]:
        """The sections this user sees on the page of `obj`, each with its context."""
        shown = []
        for section in self.sections():
            context = section.context(user, obj)
            if context is not None:
                shown.append((section, context))
        return shown


def page(name: str) -> Page:
    """The declared page of that name (KeyError for a name nobody declared)."""
    try:
        return _PAGES[name]
    except KeyError:
        raise KeyError(f"no page {name!r} is declared; known: {', '.join(sorted(_PAGES))}"
                       ) from None


def forget_page(name: str) -> None:
    """Remove a page declaration (for tests that declare their own pages)."""
    _PAGES.pop(name, None)


# The roof's start page for logged-in users: one panel per app.
DASHBOARD = Page("kreishaus.dashboard")
