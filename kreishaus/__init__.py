"""The roof (floor 6, the top): the project package. Settings (settings/), root URLs, the
Celery app, WSGI/ASGI, the site's logging (errorlog), and the site-wide pages: start page
and dashboard (panels registered by the apps in common.sections), search, health check,
security.txt, public logos, error pages, demo data (management/commands/demo_data).

The only package that may import every app; no app and not the base may import it
(import-linter, pyproject.toml). Its migrations only record that the outbox, reminders and
search index moved to common (their tables kept their kreishaus_ names).
"""

from .celery import app as celery_app

__all__ = ["celery_app"]
