import os

import pytest

from tests.factories import AdministrationFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls in browser
# tests are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["tests.celery_worker"]


@pytest.fixture
def administration(db):
    return AdministrationFactory(name="Landkreis Mayen-Koblenz", short_name="MYK")


@pytest.fixture
def other_administration(db):
    return AdministrationFactory(name="Landkreis Neuwied", short_name="NR")


@pytest.fixture
def reader(administration):
    return UserFactory(administration=administration, role="reader", first_name="Rita")


@pytest.fixture
def editor(administration):
    return UserFactory(administration=administration, role="editor", first_name="Erik")


@pytest.fixture
def other_editor(other_administration):
    return UserFactory(administration=other_administration, role="editor", first_name="Olga")


@pytest.fixture
def coordinator(administration):
    return UserFactory(administration=administration, role="coordinator", first_name="Katrin")


@pytest.fixture
def admin_user(db):
    return UserFactory(administration=None, is_superuser=True, is_staff=True, first_name="Paula")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _broker_not_paused():
    """Each test starts with a broker this process may ask (common.outbox pauses after a
    failure)."""
    from common import outbox

    outbox._broker_paused_until = 0.0


@pytest.fixture
def cache_on(settings):
    """The page cache as in production (tests run with it off): a clean cache, and
    common.page_cache keeping values until the next committed change."""
    from django.core.cache import cache

    settings.VISITOR_CACHE_SECONDS = 600
    cache.clear()
    yield cache
    cache.clear()
