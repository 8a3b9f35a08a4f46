"""`make dev` on a developer machine: debug on, demo mode on, mails to the console, tasks
in-process unless a broker is set. `make run` builds on it (settings.quickstart)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="optional")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files come straight from the app and project folders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
