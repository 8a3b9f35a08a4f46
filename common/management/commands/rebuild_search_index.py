"""`manage.py rebuild_search_index`: rewrite the search index from every registered source
(after the first migration on a database with data, or to repair it)."""

import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from common.models import SearchEntry
from common.search.indexing import BATCH_SIZE, search_rebuild
from common.search.registry import search_kind_label, search_kinds


class Command(BaseCommand):
    help = "Rebuilds the site-wide search index from every registered search source " \
           "(articles, documents, meetings, joint projects, members; in one transaction)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=search_kinds(),
                            help="Only this kind (may be given more than once).")
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument("--if-empty", action="store_true",
                            help="Only when the index holds no entry yet (after the first "
                                 "migration on a database with data).")

    def handle(self, *args, kind=None, batch_size=BATCH_SIZE, verbosity=1, if_empty=False,
               **options):
        if if_empty and SearchEntry.objects.exists():
            self.stdout.write(_("Der Suchindex ist schon gefüllt; nichts zu tun."))
            return
        started = time.monotonic()

        def progress(kind: str, done: int) -> None:
            if verbosity > 1:
                self.stdout.write(f"  {search_kind_label(kind)}: {done}")

        counts = search_rebuild(kinds=kind, batch_size=batch_size, progress=progress)
        seconds = time.monotonic() - started
        summary = ", ".join(f"{count} × {search_kind_label(name)}"
                            for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(
            _("Suchindex neu aufgebaut in %(seconds)s s: %(summary)s.")
            % {"seconds": f"{seconds:.1f}".replace(".", ","), "summary": summary}))
