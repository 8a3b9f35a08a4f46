import re

from playwright.sync_api import expect

from members import demo


def test_login_coordinator_reaches_dashboard(page, live_server, transactional_db):
    demo.load()

    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=login]").fill("koordination@example.org")
    page.locator("input[name=password]").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden", exact=True).click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Willkommen, Katrin")
    expect(page.get_by_role("heading", name="Meine Aufgaben")).to_be_visible()
    expect(page.get_by_role("banner")).to_contain_text("Angemeldet als")


def test_login_wrong_password_shows_german_error(page, live_server, coordinator):
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=login]").fill(coordinator.email)
    page.locator("input[name=password]").fill("falsches-passwort")
    page.get_by_role("button", name="Anmelden", exact=True).click()

    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    # Match the German sentence loosely: its wording may move to the formal register.
    assert re.fullmatch(r"Die E-Mail-Adresse .*Passwort .*falsch\.", alert.inner_text().strip())
    expect(page.locator("input[name=login]")).to_have_value(coordinator.email)
    expect(page.locator("input[name=password]")).to_have_value("")
    expect(page).to_have_url(f"{live_server.url}/konto/login/")


def test_login_page_skip_link_is_first_tab_stop(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/konto/login/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#inhalt")).to_be_focused()


def test_login_form_tab_goes_from_email_to_password(page, live_server, transactional_db):
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=login]").focus()

    page.keyboard.press("Tab")

    expect(page.locator("input[name=password]")).to_be_focused()
