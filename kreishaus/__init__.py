"""The roof: settings, root URLs, Celery app, WSGI/ASGI and the site-wide pages (start page
and dashboard, search, accounts, health). The only package that may import every app."""

from .celery import app as celery_app

__all__ = ["celery_app"]
