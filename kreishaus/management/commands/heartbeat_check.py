"""manage.py heartbeat_check worker|beat: exit 0 while this container's Celery worker (or
beat) has written its heartbeat within the last minutes (common.health), 1 otherwise.

For Docker Compose's health checks of the worker and beat containers: the heartbeat is
written by the process itself, so this tells whether it still works, without a round trip
through the broker.
"""

import socket

from django.core.management.base import BaseCommand, CommandError

from common.health import STALE_SECONDS, heartbeat_age


class Command(BaseCommand):
    help = "Exits 0 while the worker or beat of this host has shown a fresh heartbeat."

    def add_arguments(self, parser):
        parser.add_argument("process", choices=["worker", "beat"])
        parser.add_argument("--node", help="the worker's node name "
                                           "(default: celery@<this host name>)")
        parser.add_argument("--max-age", type=int, default=STALE_SECONDS,
                            help=f"seconds (default: {STALE_SECONDS})")

    def handle(self, *args, process, node, max_age, **options):
        key = "beat" if process == "beat" else f"worker:{node or 'celery@' + socket.gethostname()}"
        age = heartbeat_age(key)
        if age is None:
            raise CommandError(f"{key}: no heartbeat yet")
        if age > max_age:
            raise CommandError(f"{key}: last heartbeat {age} s ago (more than {max_age} s)")
        self.stdout.write(f"{key}: last heartbeat {age} s ago")
