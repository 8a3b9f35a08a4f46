"""A coordinator in the quick start: the dashboard's health panel (here: mails waiting in
the outbox) and the page "Versendete E-Mails (Schnellstart)" with one mail, in a real
browser; axe finds nothing serious or critical, the strict CSP reports no violation."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from common.enums import MailState
from common.models import OutgoingMail
from kreishaus.quickstart.mailbox import mail_store
from tests.browser.test_accessibility import blocking_violations, describe
from tests.browser.test_csp import COLLECT_VIOLATIONS
from tests.factories import TEST_PASSWORD, AdministrationFactory, UserFactory

MAIL = (b"From: Kreishaus <kreishaus@example.org>\r\nTo: lesen@example.org\r\n"
        b"Subject: =?utf-8?q?Erinnerung=3A_Sitzung_am_12=2E_M=C3=A4rz?=\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        b"Guten Tag,\r\nbitte melden Sie sich an: http://127.0.0.1:8000/sitzungen/3/\r\n")


def _clean(page) -> None:
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], f"{page.url}\n{describe(violations)}"
    assert page.evaluate("window.__cspViolations") == []


def test_coordinator_sees_health_panel_and_reads_a_sent_mail(page, live_server, log_in,
                                                              transactional_db, settings,
                                                              tmp_path):
    settings.MAIL_SINK_DIR = tmp_path / "mail"
    mail_store(settings.MAIL_SINK_DIR, MAIL)
    OutgoingMail.objects.create(to="a@example.org", subject="S", body_text="T",
                                state=MailState.QUEUED)
    OutgoingMail.objects.update(created_at=timezone.now() - timedelta(hours=1))
    coordinator = UserFactory(administration=AdministrationFactory(), role="coordinator",
                              email="koordination@example.org")
    page.context.add_init_script(COLLECT_VIOLATIONS)

    log_in(coordinator.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/")

    panel = page.get_by_role("region", name="Betrieb eingeschränkt")
    expect(panel).to_contain_text("Im Postausgang warten 1 E-Mails, die älteste fällige seit "
                                  "60 Minuten.")
    _clean(page)

    page.get_by_role("link", name="Versendete E-Mails ansehen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Versendete E-Mails (Schnellstart)")
    _clean(page)

    page.get_by_role("link", name="Erinnerung: Sitzung am 12. März").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erinnerung: Sitzung am 12. März")
    expect(page.locator("pre")).to_contain_text("bitte melden Sie sich an:")
    _clean(page)
