"""Settings for the test suite: fast hashing, mails in memory, real PostgreSQL."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
DEMO_MODE = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The documented defaults, whatever a developer's .env says.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "login": "60/m/ip"}
ALLAUTH_TRUSTED_PROXY_COUNT = 0
MFA_REQUIRED_FOR_PRIVILEGED = False
# Parallel runs (e.g. two checkouts) can pick their own test database name.
DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME", default="test_kreishaus")}  # noqa: F405
# The real-worker tests point this at a real Redis; every other test runs tasks in-process.
CELERY_BROKER_URL = env("TEST_CELERY_BROKER_URL", default="")  # noqa: F405
CELERY_RESULT_BACKEND = CELERY_BROKER_URL or None
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Cached visitor pages would outlive the rolled-back data of a test; tests of the cache
# switch it on themselves.
VISITOR_CACHE_SECONDS = 0
# Static files come straight from the app and project folders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
