"""Page sections (common.sections): apps register what they show on the pages of lower
floors and of the roof; pages render them in order, with the page's context."""

import pytest
from django.template import Context, RequestContext, Template
from django.test import RequestFactory

from common.sections import DASHBOARD, Page, forget_page, page
from meetings.sections import MEETING_PAGE
from members.sections import ADMINISTRATION_PAGE
from projects.sections import JOINT_PROJECT_PAGE, TOPIC_PAGE


@pytest.fixture
def test_page():
    declared = Page("tests.page")
    yield declared
    forget_page("tests.page")


@pytest.fixture
def section_templates(settings, tmp_path):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "_first.html").write_text(
        "<p>{{ title }} für {{ thing }} ({{ user.first_name }})</p>")
    (tmp_path / "tests" / "_second.html").write_text("<p>{{ count }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0],
                           "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]


def _render(text: str, context: dict, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load sections %}" + text).render(RequestContext(request, context))


def test_apps_register_their_sections_in_order():
    # Registered in the AppConfig.ready() of the apps; the warnings for the coordination
    # office (operations, the portal's address, unfilled legal pages, removal requests)
    # come first.
    assert [s.key for s in DASHBOARD.sections()] == [
        "health", "host_warning", "legal", "removal_requests", "meetings", "action_items",
        "surveys", "articles", "sent_mails"]
    assert [s.key for s in ADMINISTRATION_PAGE.sections()] == ["statuses", "meetings",
                                                               "knowledge"]
    assert [s.key for s in MEETING_PAGE.sections()] == ["knowledge"]
    assert [s.key for s in JOINT_PROJECT_PAGE.sections()] == ["knowledge"]
    assert [s.key for s in TOPIC_PAGE.sections()] == ["articles", "poll_results"]
    assert page("members.administration") is ADMINISTRATION_PAGE


def test_page_sections_render_in_order_with_the_page_context(test_page, section_templates,
                                                             reader):
    test_page.add_section(key="second", order=20, template="tests/_second.html",
                          context=lambda user, obj: {"count": len(obj)})
    test_page.add_section(key="first", order=10, template="tests/_first.html",
                          context=lambda user, obj: {"title": "Erster"})

    html = _render('{% page_sections "tests.page" things %}<p>{{ title|default:"-" }}</p>',
                   {"things": ["a", "b"], "thing": "Kreis"}, reader)

    # The section's context is gone after the section; the page's stays visible in it.
    assert html == "<p>Erster für Kreis (Rita)</p><p>2</p><p>-</p>"


def test_page_sections_hide_a_section_whose_context_is_none(test_page, section_templates,
                                                            reader, admin_user):
    test_page.add_section(key="first", order=10, template="tests/_first.html",
                          context=lambda user, obj: {"title": "Intern"}
                          if user.is_superuser else None)

    assert _render('{% page_sections "tests.page" %}', {}, reader) == ""
    assert _render('{% page_sections "tests.page" %}', {}, admin_user) == (
        "<p>Intern für  (Paula)</p>")


def test_page_sections_escape_what_sections_show(test_page, section_templates, reader):
    test_page.add_section(key="first", order=10, template="tests/_first.html",
                          context=lambda user, obj: {"title": "<b>fett</b>"})

    html = _render('{% page_sections "tests.page" %}', {}, reader)

    assert html == "<p>&lt;b&gt;fett&lt;/b&gt; für  (Rita)</p>"


def test_registering_twice_is_refused(test_page):
    test_page.add_section(key="a", order=1, template="x.html", context=lambda u, o: {})

    with pytest.raises(ValueError, match="registered twice"):
        test_page.add_section(key="a", order=2, template="y.html", context=lambda u, o: {})
    with pytest.raises(ValueError, match="declared twice"):
        Page("tests.page")


def test_an_undeclared_page_is_an_error():
    with pytest.raises(KeyError, match="no page 'tests.unknown'"):
        Template('{% load sections %}{% page_sections "tests.unknown" %}').render(Context())
