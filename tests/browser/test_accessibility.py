import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from members import demo
from tests.factories import TEST_PASSWORD

BLOCKING_IMPACTS = ("serious", "critical")


def blocking_violations(page) -> list[dict]:
    """Run axe-core on the page and keep the serious and critical violations."""
    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Gemeinsam digitaler verwalten"),
        ("/konto/login/", "Anmelden"),
        ("/mitglieder/", "Mitglieder"),
    ],
)
def test_public_page_has_no_serious_axe_violations(page, live_server, transactional_db,
                                                   path, heading):
    demo.load()

    page.goto(f"{live_server.url}{path}")

    assert page.get_by_role("heading", level=1).inner_text() == heading
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_dashboard_for_reader_has_no_serious_axe_violations(page, live_server, reader, log_in):
    log_in(reader.email, TEST_PASSWORD)

    assert page.get_by_role("heading", level=1).inner_text() == "Willkommen, Rita"
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)


def test_login_error_has_no_serious_axe_violations(page, live_server, reader):
    page.goto(f"{live_server.url}/konto/login/")
    page.locator("input[name=login]").fill(reader.email)
    page.locator("input[name=password]").fill("falsches-passwort")
    page.get_by_role("button", name="Anmelden", exact=True).click()

    expect(page.get_by_role("alert")).to_have_count(1)
    violations = blocking_violations(page)
    assert [v["id"] for v in violations] == [], describe(violations)
