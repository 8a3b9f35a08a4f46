"""Error reports for the operators: a mail to ADMINS through the outbox, and one JSON line
per error on stdout for whatever monitoring reads the container's output.

`OutboxAdminEmailHandler` replaces Django's `mail_admins` handler, which talks to the SMTP
server inside the failing request and is lost when that server is slow or down. Here the
report is written to the outbox in a transaction of its own (on a connection of its own,
so neither a rolled-back nor a broken transaction of the failing request takes it along)
and sent by the worker like every other mail. The handler never raises: with the database
down the report is lost for mail, but the JSON line on stdout still tells.
"""

import json
import logging
import sys
import threading
from datetime import UTC, datetime
from hashlib import sha256

from django.conf import settings
from django.core.cache import cache
from django.utils.log import AdminEmailHandler

# Longest wait for the outbox write; a database that does not answer must not hold the
# error page much longer.
_WRITE_TIMEOUT_SECONDS = 10


def _queue_reports(subject: str, text: str, recipients: list[str]) -> None:
    from django.db import connection, transaction

    from common.models import OutgoingMail
    from common.outbox import mail_queue_bulk

    try:
        with transaction.atomic():
            mail_queue_bulk([OutgoingMail(to=address, subject=subject, body_text=text)
                             for address in recipients])
    except Exception as error:  # the report must never become an error of its own
        print(f"kreishaus.errorlog: error report not queued: {type(error).__name__}: "
              f"{error}", file=sys.stderr)
    finally:
        connection.close()


class OutboxAdminEmailHandler(AdminEmailHandler):
    """Django's error mail (same subject, same filtered report), queued in the outbox to
    every address in ADMINS. The same subject is mailed at most once per
    ERROR_MAIL_THROTTLE_SECONDS, so an error on every request does not flood the inbox."""

    def emit(self, record: logging.LogRecord) -> None:
        if not settings.ADMINS:
            return
        try:
            super().emit(record)
        except Exception as error:
            print(f"kreishaus.errorlog: error report failed: {type(error).__name__}: {error}",
                  file=sys.stderr)

    def send_mail(self, subject: str, message: str, *args, **kwargs) -> None:
        subject = (settings.EMAIL_SUBJECT_PREFIX + subject)[:300]
        if not self._first_in_a_while(subject):
            return
        recipients = [address for _name, address in settings.ADMINS]
        # A thread of its own has a database connection of its own.
        writer = threading.Thread(target=_queue_reports, args=(subject, message, recipients),
                                  name="error-report", daemon=True)
        writer.start()
        writer.join(_WRITE_TIMEOUT_SECONDS)

    @staticmethod
    def _first_in_a_while(subject: str) -> bool:
        seconds = settings.ERROR_MAIL_THROTTLE_SECONDS
        if seconds <= 0:
            return True
        key = "errorlog:" + sha256(subject.encode()).hexdigest()
        try:
            return cache.add(key, 1, timeout=seconds)
        except Exception:
            return True  # no cache: better two mails than none


class StdoutHandler(logging.StreamHandler):
    """A stream handler on whatever sys.stdout is when a record comes (a test or a server
    may replace it after logging was configured)."""

    def __init__(self):
        super().__init__(sys.stdout)

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, value) -> None:
        pass


class JsonFormatter(logging.Formatter):
    """One line of JSON per record: time, level, logger, message, and for requests the
    method, path and status; the traceback as one string."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            entry["method"] = getattr(request, "method", "")
            entry["path"] = getattr(request, "path", "")
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
