import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The contact form's rate limit lives in the (process-wide) cache."""
    cache.clear()
    yield
    cache.clear()
