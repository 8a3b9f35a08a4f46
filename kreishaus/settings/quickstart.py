"""`make run`: the whole system on embedded parts, as production runs it but on one machine.

The launcher (kreishaus.quickstart) starts PostgreSQL, Redis, gunicorn, a Celery worker,
Celery beat and the mail sink, and passes their addresses in DATABASE_URL,
CELERY_BROKER_URL, CACHE_URL, EMAIL_HOST/EMAIL_PORT, SITE_URL and MAIL_SINK_DIR. Debug is
off (German error pages, static files from WhiteNoise), demo mode is on, and every mail
goes over SMTP to the sink, which keeps it as a file that coordinators read at
/schnellstart/e-mails/.
"""

from .local import *  # noqa: F403
from .local import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=False)
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_USE_TLS = False
# The .eml files the sink writes; the page "Versendete E-Mails (Schnellstart)" reads them.
MAIL_SINK_DIR = env.path("MAIL_SINK_DIR", default=str(VAR_DIR / "mail"))
