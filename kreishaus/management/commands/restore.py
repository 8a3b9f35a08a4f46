"""manage.py restore ARCHIVE: an archive of manage.py backup into an empty database and
an empty MEDIA_ROOT (common.restore); --force replaces what is there."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from common.restore import RestoreError, restore


class Command(BaseCommand):
    help = "Restores an archive of `manage.py backup` into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--force", action="store_true",
                            help="drop every table and delete every upload first")

    def handle(self, *args, archive, force, **options):
        if not archive.is_file():
            raise CommandError(f"{archive} does not exist.")
        try:
            manifest = restore(archive, media_root=Path(settings.MEDIA_ROOT), force=force,
                               stdout=self.stdout)
        except RestoreError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"Restored {archive} (taken {manifest['created_at']}): "
            f"{len(manifest['tables'])} tables, {rows} rows, {len(manifest['media'])} files.")
