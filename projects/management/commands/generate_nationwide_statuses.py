"""Benchmark data: every Kreis and municipality of Germany with a status on every OZG service.

Administrations come from the Destatis reference files (kreise_de.csv, gemeinden_de.csv) and
are created through members.importing (names, kinds, parents as the import writes them);
regional keys already in the database are left alone. New ones become members on
MEMBER_SINCE so that they appear in member lists. Statuses are drawn pseudo-randomly but
reproducibly: each administration and each service has its own random stream derived from
the seed and its key, so a status does not depend on limits, chunking or the order of runs.
They are written with COPY in chunks of administrations, pairs that already have a status are
skipped, and the summaries are recounted at the end, all in one transaction.
"""

import io
import random
import time
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.tabular import ImportFileError, ImportReport, csv_bytes, read_csv_file
from members.importing import administrations_import_csv
from members.models import Administration
from projects.catalogue.ozg_import import ozg_catalogue_import
from projects.models import OzgService, Status
from projects.statuses.services import summaries_rebuild

MEMBER_SINCE = date(2024, 1, 1)
SINCE_FIRST, SINCE_DAYS = date(2019, 1, 1), 5 * 365
FILES = (("kreise_de.csv", "kreis_schluessel"), ("gemeinden_de.csv", "ars"))
COLUMNS = ("administration_id", "service_id", "stage", "maturity", "since", "department",
           "product", "note", "version", "updated_at")
# stage -> the two maturity levels it comes with, the first one more often
MATURITIES = {0: (0, 1), 1: (1, 0), 2: (1, 2), 3: (2, 3), 4: (3, 4)}
STAGE_LIMITS = (0.40, 0.52, 0.62, 0.70)  # score below the n-th limit: stage n, else live


class Command(BaseCommand):
    help = (
        "Legt für Benchmarks alle Kreise und Gemeinden aus den Referenzdaten als Mitglieder an "
        "und erzeugt für jede dieser Verwaltungen einen Sachstand zu jeder OZG-Leistung "
        "(rund 6,3 Millionen Zeilen), danach werden die Übersichten neu gezählt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--regions", type=Path,
            default=Path(settings.BASE_DIR).parent / "shared" / "data" / "regions",
            help="Verzeichnis mit kreise_de.csv und gemeinden_de.csv.")
        parser.add_argument("--limit-administrations", type=int, default=None,
                            help="Nur die ersten N Verwaltungen (erst Kreise, dann Gemeinden).")
        parser.add_argument("--limit-services", type=int, default=None,
                            help="Nur die ersten N OZG-Leistungen (nach OZG-ID).")
        parser.add_argument("--seed", type=int, default=2019)
        parser.add_argument("--chunk", type=int, default=500,
                            help="Verwaltungen je COPY-Block (Standard: 500).")
        parser.add_argument("--yes", action="store_true",
                            help="Bestätigt, dass Millionen Zeilen geschrieben werden dürfen.")

    def handle(self, *args, regions, limit_administrations, limit_services, seed, chunk, yes,
               **options):
        if not yes:
            raise CommandError(_("Dieser Befehl schreibt bis zu 6,3 Millionen Sachstände. "
                                 "Zum Bestätigen --yes angeben."))
        started = time.perf_counter()
        rows = self._read(regions, limit_administrations)
        with transaction.atomic():
            created = self._administrations(rows)
            services = self._services(limit_services)
            keys = [key for key, _file, _row in rows]
            admins = dict(Administration.objects.filter(regional_key__in=keys)
                          .values_list("regional_key", "pk"))
            written, skipped = self._statuses([(key, admins[key]) for key in keys], services,
                                              seed, max(chunk, 1))
            self.stdout.write(_("Übersichten werden neu gezählt …"))
            summaries_rebuild()
        self.stdout.write(self.style.SUCCESS(_(
            "Fertig in %(seconds).0f s: %(created)d Verwaltungen angelegt, %(existing)d "
            "vorhandene übernommen, %(written)d Sachstände geschrieben, %(skipped)d "
            "vorhandene übersprungen.") % {
            "seconds": time.perf_counter() - started, "created": created,
            "existing": len(rows) - created, "written": written, "skipped": skipped}))

    def _read(self, directory: Path, limit: int | None) -> list[tuple[str, str, dict]]:
        rows = []
        for name, key_column in FILES:
            try:
                table = read_csv_file(directory / name, messages=dict.fromkeys(
                    ("missing", "unreadable"),
                    _("Die Datei %(file)s lässt sich nicht lesen: %(error)s")))
            except ImportFileError as error:
                raise CommandError(str(error)) from error
            report = ImportReport()  # rows of the wrong length are rejected by the import
            rows += [(values[key_column], name, values)
                     for _row, values in table.records(report)]
        return rows[:limit] if limit is not None else rows

    def _administrations(self, rows: list[tuple[str, str, dict]]) -> int:
        """Import the administrations not yet known (Kreise first, for the parents)."""
        known = set(Administration.objects.filter(
            regional_key__in=[key for key, _file, _row in rows])
            .values_list("regional_key", flat=True))
        new_keys = []
        for name, _key_column in FILES:
            new = [row for key, file, row in rows if file == name and key not in known]
            if not new:
                continue
            header = list(new[0])
            text = io.BytesIO(csv_bytes(header, ([row[column] for column in header]
                                                 for row in new)))
            try:
                report = administrations_import_csv(source=text)
            except ImportFileError as error:
                raise CommandError(str(error)) from error
            if report.rejected:
                raise CommandError(report.rejection_message())
            new_keys += [key for key, file, _row in rows if file == name and key not in known]
            self.stdout.write(report.summary())
        Administration.objects.filter(regional_key__in=new_keys, member_since=None).update(
            member_since=MEMBER_SINCE)
        return len(new_keys)

    def _services(self, limit: int | None) -> list[tuple[int, int]]:
        if not OzgService.objects.exists():
            report = ozg_catalogue_import()
            self.stdout.write("\n".join(report.summary_lines()))
        services = OzgService.objects.order_by("ozg_id").values_list("pk", "ozg_id")
        return list(services[:limit] if limit is not None else services)

    def _statuses(self, admins: list[tuple[str, int]], services: list[tuple[int, int]],
                  seed: int, chunk: int) -> tuple[int, int]:
        # Reproducible benchmark data, no secrets: the standard generator is what we want.
        ease = {pk: random.Random(f"{seed}:service:{ozg_id}").random()  # noqa: S311
                for pk, ozg_id in services}
        now, total = timezone.now(), len(admins) * len(services)
        written = skipped = 0
        sql = f"COPY {Status._meta.db_table} ({', '.join(COLUMNS)}) FROM STDIN"
        for start in range(0, len(admins), chunk):
            block = admins[start:start + chunk]
            existing = set(Status.objects.filter(
                administration_id__in=[pk for _key, pk in block],
                service_id__in=[pk for pk, _ozg_id in services],
            ).values_list("administration_id", "service_id"))
            skipped += len(existing)
            with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
                for key, admin_id in block:
                    for row in _rows(key, admin_id, services, ease, seed, now):
                        if (admin_id, row[1]) not in existing:
                            copy.write_row(row)
                            written += 1
            self.stdout.write(_("Sachstände: %(done)s von %(total)s (%(percent)d %%)") % {
                "done": f"{written + skipped:,}".replace(",", "."),
                "total": f"{total:,}".replace(",", "."),
                "percent": 100 * (written + skipped) // max(total, 1)})
        return written, skipped


def _rows(key: str, admin_id: int, services: list[tuple[int, int]], ease: dict[int, float],
          seed: int, now):
    """The statuses of one administration: how far it is overall, how easy each service."""
    rng = random.Random(f"{seed}:administration:{key}")  # noqa: S311
    progress = rng.random() * 0.8 + (0.2 if len(key) == 5 else 0.0)  # Kreise are ahead
    for service_id, _ozg_id in services:
        score = 0.45 * progress + 0.35 * ease[service_id] + 0.2 * rng.random()
        stage = next((n for n, limit in enumerate(STAGE_LIMITS) if score < limit), 4)
        low, high = MATURITIES[stage]
        maturity = low if rng.random() < 0.7 else high
        since = SINCE_FIRST + timedelta(days=rng.randrange(SINCE_DAYS)) if stage else None
        yield (admin_id, service_id, stage, maturity, since, "", "", "", 1, now)
