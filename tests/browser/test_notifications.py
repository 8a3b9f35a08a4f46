"""Follow, bell, list, settings and the digest's unsubscribe link in the browser; axe on
every page visited (0 serious/critical)."""

import re
from datetime import datetime, time, timedelta

from playwright.sync_api import expect

from common.models import OutgoingMail
from notifications.collector import notifications_collect
from notifications.digests import digests_dispatch
from notifications.models import DigestSetting
from tests.browser.test_accessibility import blocking_violations, describe
from tests.factories import TEST_PASSWORD
from tests.knowledge.factories import article_make
from tests.notifications.helpers import make_topic


def assert_accessible(page):
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_reader_follows_topic_sees_bell_list_and_unsubscribes(page, live_server, reader,
                                                              other_editor, log_in):
    from django.utils import timezone

    topic = make_topic()
    log_in(reader.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/vorhaben/themen/{topic.slug}/")
    page.get_by_role("button", name="Folgen", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Sie folgen jetzt diesem Eintrag.")
           ).to_be_visible()
    expect(page.get_by_role("button", name="Nicht mehr folgen")).to_be_visible()
    assert_accessible(page)

    article_make(author=other_editor, title="DMS-Einführung in Neuwied", topics=[topic])
    notifications_collect()  # the beat task's run

    page.goto(f"{live_server.url}/")
    bell = page.get_by_role("banner").get_by_role("link", name="Benachrichtigungen, 1 ungelesen")
    bell.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Benachrichtigungen")
    today = page.get_by_role("region").first
    expect(today.get_by_role("heading", level=2)).to_contain_text(str(timezone.localdate().year))
    expect(today.get_by_role("link", name="DMS-Einführung in Neuwied")).to_be_visible()
    expect(today).to_contain_text("Thema: Dokumentenmanagementsystem")
    assert_accessible(page)
    page.get_by_role("button", name="Alle als gelesen markieren").click()
    expect(page.get_by_role("status").filter(has_text="Alle Benachrichtigungen sind als "
                                                      "gelesen markiert.")).to_be_visible()
    expect(page.get_by_role("banner").get_by_role("link", name="Benachrichtigungen",
                                                  exact=True)).to_be_visible()

    page.get_by_role("link", name="E-Mail-Einstellungen").click()
    expect(page.get_by_role("radio", name="täglich")).to_be_checked()
    assert_accessible(page)
    page.get_by_role("radio", name="wöchentlich").check()
    page.get_by_role("button", name="Einstellungen speichern").click()
    expect(page.get_by_role("radio", name="wöchentlich")).to_be_checked()
    assert DigestSetting.objects.get(user=reader).frequency == "weekly"

    # The next weekly digest carries the article; its unsubscribe link works signed out.
    monday = timezone.localdate() + timedelta(days=7 - timezone.localdate().weekday())
    digests_dispatch(now=datetime.combine(monday, time(8),
                                          tzinfo=timezone.get_current_timezone()))
    mail = OutgoingMail.objects.get(to=reader.email)
    assert "DMS-Einführung in Neuwied" in mail.body_text
    link = re.search(r"(/benachrichtigungen/abbestellen/\S+/)", mail.body_text).group(1)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{link}")
    expect(page.get_by_role("heading", level=1)).to_have_text("E-Mail-Zusammenfassung abbestellen")
    assert_accessible(page)
    page.get_by_role("button", name="Zusammenfassung abbestellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zusammenfassung abbestellt")
    assert DigestSetting.objects.get(user=reader).frequency == "never"
