"""Knowledge base in the browser: a reader writes an article and finds it through the search."""

import re

from playwright.sync_api import expect

from knowledge.models import Article, ArticleRevision
from tests.factories import TEST_PASSWORD
from tests.knowledge.factories import CategoryFactory

BODY = """## Ablauf

Die Ausländerbehörde scannt eingehende Anträge am selben Tag.

| Schritt | Dauer |
| --- | --- |
| Posteingang scannen | 1 Tag |
| Akte anlegen | 10 Minuten |

Mehr dazu beim [Bundesamt für Sicherheit in der Informationstechnik](https://www.bsi.bund.de/).
"""


def test_reader_writes_article_with_table_previews_saves_and_finds_it(
        page, live_server, reader, log_in):
    CategoryFactory(name="E-Akte und Dokumentenmanagement")
    log_in(reader.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/wissen/")
    page.get_by_role("link", name="Neuer Artikel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neuer Artikel")
    page.get_by_label("Titel", exact=True).fill("Scanstraße für die Ausländerakten")
    page.get_by_label("Zusammenfassung").fill("Wie wir die Papierakten Schritt für Schritt "
                                              "ablösen.")
    page.get_by_label("Text (Markdown)").fill(BODY)
    page.get_by_label("Kategorie").select_option(label="E-Akte und Dokumentenmanagement")
    page.get_by_label("Schlagwörter").fill("E-Akte, Ausländerbehörde")

    page.get_by_role("button", name="Vorschau").click()
    preview = page.locator("#vorschau")
    expect(preview.get_by_role("heading", name="Vorschau")).to_be_visible()
    expect(preview.get_by_role("cell", name="Posteingang scannen")).to_be_visible()
    expect(preview.get_by_role("link", name="Bundesamt für Sicherheit in der "
                                            "Informationstechnik")).to_have_attribute(
        "href", "https://www.bsi.bund.de/")
    assert Article.objects.count() == 0
    # The preview keeps everything the reader typed.
    expect(page.get_by_label("Titel", exact=True)).to_have_value(
        "Scanstraße für die Ausländerakten")

    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Scanstraße für die Ausländerakten")
    expect(page.get_by_role("table").get_by_role("cell", name="Akte anlegen")).to_be_visible()
    article = Article.objects.get()
    assert article.author == reader
    assert article.administration == reader.administration
    assert ArticleRevision.objects.filter(article=article).count() == 1

    # "Akte" finds the article although its text only has "Ausländerakten" and "Akte"
    # inside a table; the title hit leads the results.
    page.goto(f"{live_server.url}/suche/")
    page.get_by_label("Suchbegriff").fill("Akte")
    page.get_by_role("button", name="Suchen").click()
    result = page.get_by_role("link", name="Scanstraße für die Ausländerakten")
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(rf"/wissen/artikel/{article.slug}/$"))
