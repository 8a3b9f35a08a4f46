"""Playwright against Debian's Chromium; every test here is marked `browser`."""

import os
from pathlib import Path

import pytest

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
BROWSER_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    missing = not Path(CHROMIUM_PATH).exists()
    skip = pytest.mark.skip(
        reason=f"Chromium not found at {CHROMIUM_PATH}; "
        "install Debian's chromium to run browser tests"
    )
    for item in items:
        if BROWSER_DIR in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser download is unavailable here; use the system Chromium.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def log_in(page, live_server):
    """Sign in through the real login form; returns the page after the redirect."""

    def log_in(email, password):
        page.goto(f"{live_server.url}/konto/login/")
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(password)
        page.get_by_role("button", name="Anmelden", exact=True).click()
        page.wait_for_url(lambda url: "/konto/login/" not in url)
        return page

    return log_in
