"""Settings shared by every environment, all driven by environment variables."""

from email.utils import getaddresses, parseaddr
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="insecure-local-development-key-do-not-use")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Open data (OParl 1.1, /oparl/v1/): the name of the network as a body, and the licence of
# its public data (a URL, as OParl's `license` wants it, and its name for /schnittstellen/).
OPARL_BODY_NAME = env("OPARL_BODY_NAME",
                      default="Interkommunale Arbeitsgemeinschaft Digitalisierung")
OPARL_DATA_LICENSE = env("OPARL_DATA_LICENSE", default="https://www.govdata.de/dl-de/by-2-0")
OPARL_DATA_LICENSE_NAME = env("OPARL_DATA_LICENSE_NAME",
                              default="Datenlizenz Deutschland – Namensnennung 2.0")
# Demo mode shows the demo logins on the login page and lets `make run` load demo data.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    "django_filters",
    "taggit",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "common",
    "kreishaus",
    "geo",
    "members",
    "meetings",
    "projects",
    "knowledge",
    "legal",
    "oparl",
    "notifications",
    "comments",
    "polls",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every answer (see below).
    "csp.middleware.CSPMiddleware",
    "common.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Answers to logged-in users and to secret-token addresses: private, no-store.
    "common.cache_control.PrivateCacheMiddleware",
    # No NUL, control or bidi characters in GET/POST/file names; such a path answers 404.
    "common.input.InputCleaningMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Sessions without the second factor of a user who has one end; with
    # MFA_REQUIRED_FOR_PRIVILEGED, coordinators and superusers set one up first.
    "members.login.second_factor.SecondFactorMiddleware",
    # Last: a POST with a one-time form token runs once (a double click, a resent page).
    "common.once.OnceTokenMiddleware",
]

ROOT_URLCONF = "kreishaus.urls"
WSGI_APPLICATION = "kreishaus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kreishaus.context_processors.site",
            ],
            # {% once_token %} in every POST form (common.once).
            "builtins": ["common.templatetags.once"],
        },
    },
]


def _database_url() -> str:
    url = env("DATABASE_URL", default="")
    if url:
        return url
    # No server configured: start (or reuse) the embedded PostgreSQL under var/.
    from kreishaus.embedded_postgres import embedded_database_url

    return embedded_database_url(VAR_DIR / "pgdata")


DATABASES = {"default": env.db_url_config(_database_url())}
# Seconds a worker keeps its database connection between requests (production: 60).
# Opening one costs more than most pages; the health check replaces a connection the
# server closed meanwhile (restart, failover) before the request uses it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "start"

# django-allauth: invitation-only accounts, login by email address.
ACCOUNT_ADAPTER = "members.login.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kreishaus] "
ACCOUNT_RATE_LIMITS = {
    # Failed logins per IP and per account; allauth locks out after these.
    "login_failed": env("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/5m/key"),
    # All login attempts per client address (allauth's default of 30/m is low for an
    # administration whose staff share one address).
    "login": env("LOGIN_RATE_LIMIT", default="60/m/ip"),
}
# Reverse proxies in front of the portal that append the client address to
# X-Forwarded-For; the rate limits count by the entry this far from the right, else by
# REMOTE_ADDR (members.login.ratelimits). 0: the header is ignored.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# A user's own address only: adding one of another account is refused.
ACCOUNT_FORMS = {"add_email": "members.login.adapters.AddEmailForm"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kreishaus"
# Superusers and coordinators must set up an authenticator app before they can use the
# portal or the admin (on by default in production).
MFA_REQUIRED_FOR_PRIVILEGED = env.bool("MFA_REQUIRED_FOR_PRIVILEGED", default=False)

LANGUAGE_CODE = "de"
# German only, so that texts of Django and allauth never mix in another language.
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kreishaus <kreishaus@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_SUBJECT_PREFIX = "[Kreishaus] "
# Who gets error reports (500s) by mail, through the outbox: "Name <a@b>, c@d".
ADMINS = [(name, address) for name, address in getaddresses([env("ADMINS", default="")])
          if "@" in address]
# The same error is mailed at most once in this many seconds (it is logged every time).
ERROR_MAIL_THROTTLE_SECONDS = env.int("ERROR_MAIL_THROTTLE_SECONDS", default=300)
# /.well-known/security.txt (RFC 9116): where to report a vulnerability.
SECURITY_CONTACT = env("SECURITY_CONTACT",
                       default="mailto:" + parseaddr(DEFAULT_FROM_EMAIL)[1])

# Celery: with no broker configured, tasks run in-process so the quick start needs nothing.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=env("REDIS_URL", default=""))
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# A broker that stops answering without closing the connection (a frozen host) must not
# hold a request: sending a task gives up after a few seconds (the mail waits in the
# outbox and the periodic requeue sends it once the broker answers again). Without these,
# the first mail queued during such a freeze blocked its request for good.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_timeout": 5, "socket_connect_timeout": 3}
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0,
                                    "interval_step": 0.5, "interval_max": 0.5}
CELERY_REDIS_SOCKET_TIMEOUT = 5
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 3
# Celery beat (the "beat" service) derives due reminders from the database; a run that
# waited longer than one interval (worker down) expires, the next one catches up.
REMINDER_INTERVAL_SECONDS = env.int("REMINDER_INTERVAL_SECONDS", default=600)
CELERY_BEAT_SCHEDULE: dict = {
    "reminders-dispatch": {
        "task": "meetings.tasks.reminders_dispatch",
        "schedule": REMINDER_INTERVAL_SECONDS,
        "options": {"expires": REMINDER_INTERVAL_SECONDS},
    },
    "survey-reminders-dispatch": {
        "task": "projects.tasks.survey_reminders_dispatch",
        "schedule": REMINDER_INTERVAL_SECONDS,
        "options": {"expires": REMINDER_INTERVAL_SECONDS},
    },
    "once-tokens-cleanup": {
        "task": "common.tasks.once_tokens_cleanup",
        "schedule": 3600,
        "options": {"expires": 3600},
    },
    # The outbox's safety net: mails whose task was lost or whose retry is due.
    "mails-requeue-stale": {
        "task": "common.tasks.mails_requeue_stale",
        "schedule": 60,
        "options": {"expires": 60},
    },
}
# One-time form tokens (common.once) are remembered this long: a form sent again within
# this time leads to the first result instead of acting twice.
ONCE_TOKEN_KEEP_HOURS = env.int("ONCE_TOKEN_KEEP_HOURS", default=48)

# Outbox (common.outbox): transient SMTP errors are retried after 1, 2, 4 … minutes,
# at most 6 hours apart, 12 attempts in all (about a day); queued mails whose task was
# lost are enqueued again by the beat task mails-requeue-stale (every minute) once they
# have waited OUTBOX_REQUEUE_AFTER_SECONDS.
OUTBOX_MAX_ATTEMPTS = 12
OUTBOX_RETRY_BASE_SECONDS = 60
OUTBOX_RETRY_MAX_SECONDS = 6 * 3600
OUTBOX_REQUEUE_AFTER_SECONDS = 600

# Login rate limits live in the cache: shared through Redis when there is one.
_cache_url = env("CACHE_URL", default=env("REDIS_URL", default=""))
CACHES = {
    # Fails soft (common.redis_cache): with Redis down the portal serves without a cache.
    "default": {"BACKEND": "common.redis_cache.FailSoftRedisCache", "LOCATION": _cache_url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    if _cache_url
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Pages for visitors (start page, directory, knowledge pages) are served from the cache
# until any write changes them (common.page_cache); at most this many seconds. With several
# processes the cache must be shared (Redis), or a process may serve a page this old.
VISITOR_CACHE_SECONDS = env.int("VISITOR_CACHE_SECONDS", default=600)

# The member map draws up to this many members one by one; a network with more is drawn
# per Kreis (each Kreis a link to the view zoomed to it, where its members are drawn).
MAP_MEMBER_LIMIT = env.int("MAP_MEMBER_LIMIT", default=1000)

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# Everything to stderr as text; every ERROR also as one JSON line on stdout (for
# monitoring) and, from Django (500s, suspicious requests), by mail to ADMINS through the
# outbox. Redefining the "django" logger drops Django's own mail_admins handler, which
# would send from inside the failing request and bypass the outbox.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "formatters": {"json": {"()": "kreishaus.errorlog.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "errors_json": {"class": "kreishaus.errorlog.StdoutHandler", "level": "ERROR",
                        "formatter": "json"},
        "mail_admins": {"class": "kreishaus.errorlog.OutboxAdminEmailHandler",
                        "level": "ERROR", "filters": ["require_debug_false"]},
    },
    "root": {"handlers": ["console", "errors_json"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        # Requests for foreign host names come from scanners all day: logged, not mailed.
        "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "pgserver": {"level": "WARNING"},
        # PDF rendering (common.pdf) reports every step and every font subset at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# A failed CSRF check answers with the German 403 page in the site layout.
CSRF_FAILURE_VIEW = "kreishaus.views_errors.csrf_failure"

# Largest request body without its files (form fields), in bytes; larger requests get
# the 400 page that names this limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2621440)

# Content-Security-Policy (django-csp 4): only the portal's own files; no inline script or
# style, no eval, no plugins, no framing. Images also as data: URIs, which the KERN UX
# stylesheet uses for its icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}
# Browser features the portal never uses, off for every page (common.headers).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: [] for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
        "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi",
        "payment", "picture-in-picture", "screen-wake-lock", "serial", "usb",
        "xr-spatial-tracking", "browsing-topics",
    )
}
# Passkeys/WebAuthn (allauth.mfa) would need it on the portal's own pages.
PERMISSIONS_POLICY["publickey-credentials-get"] = ["self"]
# The sign language video (legal) may be watched full screen.
PERMISSIONS_POLICY["fullscreen"] = ["self"]

# Largest upload (megabytes) for documents of the knowledge base, meetings and projects.
DOCUMENT_MAX_MB = env.int("DOCUMENT_MAX_MB", default=10)

# Every form renders through one include with labels, hints and errors next to the field.
FORM_RENDERER = "common.rendering.KernFormRenderer"

# The contact form (legal): every message goes to the active coordinators and, if set, to
# this mailbox of the coordination office; at most FEEDBACK_MAX_PER_HOUR messages per client
# address and hour; answered messages are deleted after FEEDBACK_KEEP_DAYS (daily task).
FEEDBACK_EMAIL = env("FEEDBACK_EMAIL", default="")
FEEDBACK_MAX_PER_HOUR = env.int("FEEDBACK_MAX_PER_HOUR", default=5)
FEEDBACK_KEEP_DAYS = env.int("FEEDBACK_KEEP_DAYS", default=365)
# Largest sign language video (MP4/WebM, megabytes) for the Gebärdensprache page; the
# reverse proxy's upload limit (client_max_body_size) must allow it too.
SIGN_LANGUAGE_VIDEO_MAX_MB = env.int("SIGN_LANGUAGE_VIDEO_MAX_MB", default=200)
CELERY_BEAT_SCHEDULE["feedback-reminders-dispatch"] = {
    "task": "legal.tasks.feedback_reminders_dispatch",
    "schedule": REMINDER_INTERVAL_SECONDS,
    "options": {"expires": REMINDER_INTERVAL_SECONDS},
}
CELERY_BEAT_SCHEDULE["review-reminders-dispatch"] = {
    "task": "knowledge.tasks.review_reminders_dispatch",
    "schedule": REMINDER_INTERVAL_SECONDS,
    "options": {"expires": REMINDER_INTERVAL_SECONDS},
}
CELERY_BEAT_SCHEDULE["poll-reminders-dispatch"] = {
    "task": "polls.tasks.poll_reminders_dispatch",
    "schedule": REMINDER_INTERVAL_SECONDS,
    "options": {"expires": REMINDER_INTERVAL_SECONDS},
}
# Notifications (app notifications): the collector turns recent changes into
# notifications and queues the digests that are due, every NOTIFICATIONS_INTERVAL_SECONDS;
# daily and weekly digests (weekly: Mondays) go out from DIGEST_HOUR local time; the
# unsubscribe link in a digest works for DIGEST_UNSUBSCRIBE_VALID_DAYS.
NOTIFICATIONS_INTERVAL_SECONDS = env.int("NOTIFICATIONS_INTERVAL_SECONDS", default=300)
DIGEST_HOUR = env.int("DIGEST_HOUR", default=7)
DIGEST_UNSUBSCRIBE_VALID_DAYS = env.int("DIGEST_UNSUBSCRIBE_VALID_DAYS", default=90)
CELERY_BEAT_SCHEDULE["notifications-dispatch"] = {
    "task": "notifications.tasks.notifications_dispatch",
    "schedule": NOTIFICATIONS_INTERVAL_SECONDS,
    "options": {"expires": NOTIFICATIONS_INTERVAL_SECONDS},
}
CELERY_BEAT_SCHEDULE["feedback-delete-old"] = {
    "task": "legal.tasks.feedback_delete_old",
    "schedule": 24 * 3600,
    "options": {"expires": 3600},
}

# Invitation links stay valid this many days; a re-sent invitation gets a fresh link.
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# A person's request to remove their account (DSGVO Art. 17) is carried out after this
# many days if the coordination office has not confirmed it earlier (hourly beat task).
ACCOUNT_REMOVAL_AFTER_DAYS = env.int("ACCOUNT_REMOVAL_AFTER_DAYS", default=30)
CELERY_BEAT_SCHEDULE["account-removals-dispatch"] = {
    "task": "members.tasks.account_removals_dispatch",
    "schedule": 3600,
    "options": {"expires": 3600},
}
# Sent and failed mails (and their texts) are deleted from the outbox after this many days
# (daily beat task); the privacy statement names this period.
OUTBOX_KEEP_DAYS = env.int("OUTBOX_KEEP_DAYS", default=180)
CELERY_BEAT_SCHEDULE["mails-delete-old"] = {
    "task": "common.tasks.mails_delete_old",
    "schedule": 24 * 3600,
    "options": {"expires": 3600},
}

# Days before a meeting on which registered people and those who have not answered are
# reminded; each working group may set its own in the admin.
MEETING_REMINDER_DAYS = [14, 1]

# Tags of knowledge articles: "E-Akte" and "e-akte" are one tag.
TAGGIT_CASE_INSENSITIVE = True
