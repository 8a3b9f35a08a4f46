"""Settings of the Celery worker in the real-worker tests of the reminders.

The test settings fix the mail backend to locmem, which a test cannot read from another
process; here the backend (e.g. the file backend) and the outbox requeue delay come from
the environment the worker fixture passes (see `celery_worker_env`).
"""

from kreishaus.settings.test import *  # noqa: F403
from kreishaus.settings.test import env

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=None)
OUTBOX_REQUEUE_AFTER_SECONDS = env.int("OUTBOX_REQUEUE_AFTER_SECONDS", default=600)
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=60)
