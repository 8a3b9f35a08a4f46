from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings


@pytest.fixture(scope="module")
def _demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("geo-media")


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker, _demo_media):
    """The demo network once per module inside a transaction that is rolled back."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_demo_media):
        atomic = transaction.atomic()
        atomic.__enter__()
        call_command("demo_data", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_loaded, db, settings, _demo_media):
    settings.MEDIA_ROOT = _demo_media
