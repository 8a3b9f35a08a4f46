"""Comments in the browser, without JavaScript needed: a reader comments on an article and
mentions Neuwied, corrects the comment, an empty comment is refused in German with the form
kept; the coordinator hides it with a reason. axe finds nothing serious on any of the pages."""

from playwright.sync_api import expect

from comments.models import Comment
from knowledge.enums import Visibility
from tests.browser.test_knowledge_accessibility import assert_no_blocking_violations
from tests.factories import TEST_PASSWORD
from tests.knowledge.factories import article_make


def test_reader_comments_mentions_edits_and_coordinator_hides(
        page, live_server, reader, coordinator, other_administration, log_in):
    article = article_make(author=reader, title="DMS im Vergleich", body="Unsere Erfahrungen.",
                           visibility=Visibility.PUBLIC)
    url = f"{live_server.url}/wissen/artikel/{article.slug}/"
    log_in(reader.email, TEST_PASSWORD)

    page.goto(url)
    comments = page.locator("#kommentare")
    expect(comments.get_by_role("heading", name="Kommentare")).to_be_visible()
    expect(comments).to_contain_text("Noch keine Kommentare.")
    assert_no_blocking_violations(page)

    # An empty comment is refused; the page says why, in German.
    comments.get_by_role("button", name="Kommentar veröffentlichen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommentar schreiben")
    expect(page.get_by_text("Bitte schreiben Sie einen Kommentar.")).to_be_visible()
    assert_no_blocking_violations(page)
    page.get_by_label("Ihr Kommentar").fill("Frage an **@NR**: Welches DMS nutzen Sie?")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()

    expect(page.get_by_text("Ihr Kommentar wurde veröffentlicht.")).to_be_visible()
    comment = Comment.objects.get()
    entry = page.locator(f"#kommentar-{comment.pk}")
    expect(entry).to_contain_text("Welches DMS nutzen Sie?")
    expect(entry.get_by_role("link", name="@NR")).to_have_attribute(
        "href", other_administration.get_absolute_url())
    assert list(comment.mentions.all()) == [other_administration]

    entry.get_by_role("link", name="Bearbeiten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommentar bearbeiten")
    assert_no_blocking_violations(page)
    page.get_by_label("Ihr Kommentar").fill("Frage an @NR: Welches DMS nutzen Sie seit 2024?")
    page.get_by_role("button", name="Speichern").click()
    expect(page.locator(f"#kommentar-{comment.pk}")).to_contain_text("seit 2024")
    expect(page.locator(f"#kommentar-{comment.pk}")).to_contain_text("bearbeitet")
    assert_no_blocking_violations(page)

    page.context.clear_cookies()
    log_in(coordinator.email, TEST_PASSWORD)
    page.goto(url)
    page.locator(f"#kommentar-{comment.pk}").get_by_role("link", name="Ausblenden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommentar ausblenden")
    assert_no_blocking_violations(page)
    page.get_by_label("Grund").fill("Doppelt gestellt")
    page.get_by_role("button", name="Ausblenden").click()
    entry = page.locator(f"#kommentar-{comment.pk}")
    expect(entry).to_contain_text("ausgeblendet. Grund: Doppelt gestellt")
    expect(entry.get_by_role("button", name="Wieder anzeigen")).to_be_visible()
    assert_no_blocking_violations(page)

    page.context.clear_cookies()
    page.goto(url)
    expect(page.locator("#kommentare")).to_have_count(0)
    expect(page.get_by_text("Welches DMS")).to_have_count(0)
