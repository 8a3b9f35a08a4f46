"""manage.py backup: the database, the uploads and a manifest in one archive
(common.backup). Restore with manage.py restore ARCHIVE."""

from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from common.backup import backup_write, backups_prune


class Command(BaseCommand):
    help = "Writes one consistent archive of the database and the uploaded files."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path,
                            help="file to write (default: kreishaus-<time>.tar.gz in "
                                 "--output-dir)")
        parser.add_argument("--output-dir", type=Path,
                            default=Path(settings.BASE_DIR) / "var" / "backups",
                            help="folder for the archive (default: var/backups)")
        parser.add_argument("--keep", type=int, default=0,
                            help="afterwards delete all but the newest N archives of "
                                 "--output-dir (0: keep all)")

    def handle(self, *args, output, output_dir, keep, **options):
        if output is None:
            output = output_dir / f"kreishaus-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        if output.exists():
            raise CommandError(f"{output} exists already.")
        manifest = backup_write(output, media_root=Path(settings.MEDIA_ROOT))
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            f"{output}: {len(manifest['tables'])} tables, {rows} rows, "
            f"{len(manifest['media'])} files, {output.stat().st_size / 1e6:.1f} MB")
        if keep > 0:
            for removed in backups_prune(output.parent, keep=keep):
                self.stdout.write(f"removed old backup {removed}")
