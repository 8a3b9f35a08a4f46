from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from common.tabular import ImportFileError
from members.importing import administrations_import_csv


class Command(BaseCommand):
    help = (
        "Importiert Verwaltungen aus einer CSV-Datei des Gemeindeverzeichnisses (Kreise, "
        "Gemeindeverbände oder Gemeinden; das Format wird an der Kopfzeile erkannt). "
        "Vorhandene Verwaltungen werden über den Regionalschlüssel aktualisiert. Ist eine "
        "Zeile fehlerhaft, wird nichts gespeichert."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="CSV-Datei (UTF-8, mit Kopfzeile).")
        parser.add_argument(
            "--dry-run", action="store_true",
            help="Nur prüfen und berichten, nichts speichern.",
        )

    def handle(self, *args, path, dry_run=False, verbosity=1, **options):
        try:
            report = administrations_import_csv(source=path, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if report.rejected:
            raise CommandError(report.rejection_message())
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if report.parent_note():
            self.stdout.write(self.style.WARNING(report.parent_note()))
        if verbosity >= 2:
            for title, names in ((_("Angelegt:"), report.created),
                                 (_("Aktualisiert:"), report.updated)):
                if names:
                    self.stdout.write(title)
                    for name in names:
                        self.stdout.write(f"  {name}")
