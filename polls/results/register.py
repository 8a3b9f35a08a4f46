"""What the results add to other floors' pages and site-wide features; `register()` is
called once from PollsConfig.ready()."""

from . import changes


def register() -> None:
    # "Letzte Änderungen" and the notifications: Rundfragen whose answering ended.
    changes.register()
