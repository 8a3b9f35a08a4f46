from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.tabular import ImportFileError
from projects.catalogue.ozg_import import DATA_DIR, ozg_catalogue_import


class Command(BaseCommand):
    help = (
        "Importiert den OZG-Katalog (Themenfelder, Lebenslagen, OZG-Leistungen) aus "
        "ozg_themenfelder.csv, ozg_lebenslagen.csv und ozg_leistungen.csv. Vorhandene "
        "Einträge werden über Nummer bzw. OZG-ID aktualisiert; ist eine Zeile fehlerhaft, "
        "wird nichts gespeichert."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=Path, default=DATA_DIR,
            help="Verzeichnis mit den drei CSV-Dateien (Standard: projects/data).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur prüfen und berichten, nichts speichern.",
        )

    def handle(self, *args, source, dry_run=False, verbosity=1, **options):
        def progress(message: str) -> None:
            if verbosity >= 1:
                self.stdout.write(message)

        try:
            report = ozg_catalogue_import(directory=source, dry_run=dry_run, progress=progress)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if report.rejected:
            raise CommandError(report.rejection_message())
        self.stdout.write(self.style.SUCCESS("\n".join(report.summary_lines())))
