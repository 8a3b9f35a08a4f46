# The demo network (tests/geo/conftest.py): loaded once per module, rolled back after it.
from tests.geo.conftest import _demo_loaded, _demo_media, demo  # noqa: F401
