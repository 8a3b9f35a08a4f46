"""Rebuild geo/data/shapes.json.gz from the BKG VG5000 GeoJSON files (needs shapely,
`pip install -e '.[geo-build]'`); the result is committed, so the portal never needs it."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ...shapes import SHAPES_FILE


class Command(BaseCommand):
    help = "Vereinfacht und projiziert die Grenzen (BKG VG5000) einmal in geo/data/."

    def add_arguments(self, parser):
        parser.add_argument(
            "source", nargs="?",
            default=str(Path(settings.BASE_DIR).parent / "shared" / "data" / "geo"),
            help="Ordner mit vg5000_laender/kreise/gemeinden.geojson")
        parser.add_argument("--output", default=str(SHAPES_FILE))

    def handle(self, *args, source, output, **options):
        try:
            import shapely  # noqa: F401

            from ...build import build
        except ImportError as error:
            raise CommandError("shapely fehlt: pip install -e '.[geo-build]'") from error
        source_path = Path(source)
        if not (source_path / "vg5000_kreise.geojson").exists():
            raise CommandError(f"Keine VG5000-Dateien in {source_path}")
        counts = build(source_path, Path(output))
        size = Path(output).stat().st_size
        self.stdout.write(", ".join(f"{layer}: {count}" for layer, count in counts.items())
                          + f" → {output} ({size / 1e6:.2f} MB)")
