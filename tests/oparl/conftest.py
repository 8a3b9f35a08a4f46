"""The demo network once per module (the security sweeps' fixtures) and a walker that
follows the OParl API from its entry point."""

from tests.security.conftest import _media_root, _network_loaded, _network_media, network

__all__ = ["_media_root", "_network_loaded", "_network_media", "network"]
