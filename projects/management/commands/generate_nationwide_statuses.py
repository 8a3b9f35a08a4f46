"""Benchmark data in the shape of real use: every Kreis and municipality of Germany as a
member, with a status on every OZG service and every active topic, the history of each
status, and one or two contact persons.

Administrations come from the Destatis reference files (kreise_de.csv, gemeinden_de.csv) and
are created through members.importing (names, kinds, parents as the import writes them);
regional keys already in the database are left alone, but every one of them becomes a
member (MEMBER_SINCE) if it is none yet. Statuses and their history are drawn
pseudo-randomly but reproducibly (projects.management.nationwide). They are written with
COPY in chunks of administrations, pairs that already have a status are skipped, and the
summaries (stage and maturity counts, monthly stage changes) are recounted at the end, all
in one transaction; then the status tables are vacuumed and analysed, as autovacuum would
do after a while, so that index-only scans and the planner see the real data.
"""

import io
import random
import time
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.tabular import ImportFileError, ImportReport, csv_bytes, read_csv_file
from members.enums import ContactFunction
from members.importing import administrations_import_csv
from members.models import Administration, ContactPerson
from projects.catalogue.ozg_import import ozg_catalogue_import
from projects.management.nationwide import Streams
from projects.models import OzgService, Status, StatusChange, Topic
from projects.statuses.services import summaries_rebuild

MEMBER_SINCE = date(2024, 1, 1)
FILES = (("kreise_de.csv", "kreis_schluessel"), ("gemeinden_de.csv", "ars"))
STATUS_COLUMNS = ("administration_id", "{subject}", "stage", "maturity", "since", "department",
                  "product", "note", "version", "updated_at")
CHANGE_COLUMNS = ("status_id", "changed_at", "source", "changes")
CONTACT_NAMES = ("Anna Becker", "Jonas Weber", "Miriam Schulz", "Tobias Krüger", "Lea Wagner",
                 "Daniel Richter", "Sabine Koch", "Felix Neumann", "Katrin Schröder",
                 "Markus Braun")


class Command(BaseCommand):
    help = (
        "Legt für Benchmarks alle Kreise und Gemeinden aus den Referenzdaten als Mitglieder an "
        "und erzeugt für jede dieser Verwaltungen einen Sachstand zu jeder OZG-Leistung "
        "(rund 6,3 Millionen Zeilen) und zu jedem aktiven Thema, mit dem Verlauf jedes "
        "Sachstands und Ansprechpersonen; danach werden die Übersichten neu gezählt."
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
            topics = self._topics()
            keys = [key for key, _file, _row in rows]
            admins = dict(Administration.objects.filter(regional_key__in=keys)
                          .values_list("regional_key", "pk"))
            self._contacts(list(admins.values()))
            counts = self._statuses([(key, admins[key]) for key in keys], services, topics,
                                    seed, max(chunk, 1))
            self.stdout.write(_("Übersichten werden neu gezählt …"))
            summaries_rebuild()
        self.stdout.write(_("Tabellen werden für den Planer aufbereitet (VACUUM ANALYZE) …"))
        # VACUUM cannot run inside a transaction (a caller's, a test's): then ANALYZE only.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for model in (Status, StatusChange):
                cursor.execute(f"{command} {model._meta.db_table}")
        self.stdout.write(self.style.SUCCESS(_(
            "Fertig in %(seconds).0f s: %(created)d Verwaltungen angelegt, %(existing)d "
            "vorhandene übernommen, %(written)d Sachstände geschrieben (%(changes)d "
            "Änderungen im Verlauf), %(skipped)d vorhandene übersprungen.") % {
            "seconds": time.perf_counter() - started, "created": created,
            "existing": len(rows) - created, **counts}))

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
        Administration.objects.filter(
            regional_key__in=[key for key, _file, _row in rows], member_since=None,
        ).update(member_since=MEMBER_SINCE)
        return len(new_keys)

    def _services(self, limit: int | None) -> list[tuple[int, int]]:
        if not OzgService.objects.exists():
            report = ozg_catalogue_import()
            self.stdout.write("\n".join(report.summary_lines()))
        services = OzgService.objects.order_by("ozg_id").values_list("pk", "ozg_id")
        return list(services[:limit] if limit is not None else services)

    def _topics(self) -> list[tuple[int, list[str]]]:
        """Active topics with the products the network names for them (the demo's)."""
        from projects import demo_texts

        products: dict[str, set[str]] = {}
        for statuses in demo_texts.TOPIC_STATUSES.values():
            for slug, spec in statuses.items():
                if spec.product:
                    products.setdefault(slug, set()).add(spec.product)
        topics = list(Topic.objects.filter(is_active=True).order_by("pk")
                      .values_list("pk", "slug"))
        if not topics:
            self.stdout.write(_("Keine aktiven Themen: nur OZG-Sachstände (erst demo_data "
                                "laden, dann gibt es auch Themen)."))
        return [(pk, sorted(products.get(slug, ()))) for pk, slug in topics]

    def _contacts(self, admin_ids: list[int]) -> None:
        """One or two contact persons for each administration that has none."""
        with_contacts = set(ContactPerson.objects.filter(administration_id__in=admin_ids)
                            .values_list("administration_id", flat=True))
        contacts = []
        functions = [ContactFunction.DIGITALBEAUFTRAGTE, ContactFunction.IT_LEITUNG]
        for pk in admin_ids:
            if pk in with_contacts:
                continue
            for order in range(1 + pk % 2):
                name = CONTACT_NAMES[(pk + order) % len(CONTACT_NAMES)]
                contacts.append(ContactPerson(
                    administration_id=pk, name=name, function=functions[order], order=order,
                    email=f"digital-{pk}-{order}@example.org", phone=f"0261 {pk:06d}-{order}",
                    is_public=order == 0))
        ContactPerson.objects.bulk_create(contacts, batch_size=2000)

    def _statuses(self, admins: list[tuple[str, int]], services: list[tuple[int, int]],
                  topics: list[tuple[int, list[str]]], seed: int, chunk: int) -> dict:
        # Reproducible benchmark data, no secrets: the standard generator is what we want.
        ease = {pk: random.Random(f"{seed}:service:{ozg_id}").random()  # noqa: S311
                for pk, ozg_id in services}
        topic_ease = {pk: random.Random(f"{seed}:topic:{pk}").random()  # noqa: S311
                      for pk, _products in topics}
        service_ids = [pk for pk, _ozg_id in services]
        now, total = timezone.now(), len(admins) * (len(services) + len(topics))
        counts = {"written": 0, "skipped": 0, "changes": 0}
        for start in range(0, len(admins), chunk):
            block = admins[start:start + chunk]
            ids = [pk for _key, pk in block]
            existing = set(Status.objects.filter(administration_id__in=ids).values_list(
                "administration_id", "service_id", "topic_id"))
            drawn = {"service": [], "topic": []}
            for key, admin_id in block:
                streams = Streams(key, seed, now)
                drawn["service"] += [(admin_id, status) for status in
                                     streams.services(service_ids, ease)
                                     if (admin_id, status.subject_id, None) not in existing]
                drawn["topic"] += [(admin_id, status) for status in
                                   streams.topics(topics, topic_ease)
                                   if (admin_id, None, status.subject_id) not in existing]
            counts["skipped"] += len(block) * (len(services) + len(topics)) - sum(
                len(rows) for rows in drawn.values())
            for subject, rows in drawn.items():
                self._copy_statuses(subject, rows)
            counts["written"] += sum(len(rows) for rows in drawn.values())
            counts["changes"] += self._copy_history(ids, drawn)
            done = counts["written"] + counts["skipped"]
            self.stdout.write(_("Sachstände: %(done)s von %(total)s (%(percent)d %%)") % {
                "done": f"{done:,}".replace(",", "."), "total": f"{total:,}".replace(",", "."),
                "percent": 100 * done // max(total, 1)})
        return counts

    def _copy_statuses(self, subject: str, rows: list) -> None:
        columns = ", ".join(STATUS_COLUMNS).format(subject=f"{subject}_id")
        sql = f"COPY {Status._meta.db_table} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for admin_id, status in rows:
                copy.write_row((admin_id, status.subject_id, status.stage, status.maturity,
                                status.since, "", status.product, status.note,
                                len(status.changes), status.updated_at))

    def _copy_history(self, admin_ids: list[int], drawn: dict) -> int:
        """The history rows of the statuses just written, each status's in time order (so
        its first row, by id, is its creation)."""
        ids = {}
        for pk, admin_id, service_id, topic_id in Status.objects.filter(
                administration_id__in=admin_ids).values_list(
                "pk", "administration_id", "service_id", "topic_id"):
            ids["service", admin_id, service_id] = ids["topic", admin_id, topic_id] = pk
        sql = (f"COPY {StatusChange._meta.db_table} ({', '.join(CHANGE_COLUMNS)}) "
               "FROM STDIN")
        written = 0
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for subject, rows in drawn.items():
                for admin_id, status in rows:
                    status_id = ids[subject, admin_id, status.subject_id]
                    for at, source, changes in status.changes:
                        copy.write_row((status_id, at, source, changes))
                        written += 1
        return written
