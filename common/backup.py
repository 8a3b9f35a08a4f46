"""Backups of the whole portal in one file: every table of the database, the uploaded
files, and a manifest with row counts and checksums (restored by common.restore).

The archive is a gzip-compressed tar:

    database/<table>.copy   the table in PostgreSQL's COPY text format
    media/<path>            every file under MEDIA_ROOT
    manifest.json           last: format, time, the applied migrations, per table its
                            columns, rows and SHA-256, per file its size and SHA-256

All tables are read through psycopg's COPY inside one REPEATABLE READ, READ ONLY
transaction, so they show one moment even while the portal keeps writing; no pg_dump is
needed (the image has none, and a pg_dump must not be older than the server). The files
are read after that moment: an upload whose row is in the backup was written before it.
The schema is not stored: the restore creates it with the migrations recorded in the
manifest, so an archive can be restored by the same or any later version of the code.
"""

import hashlib
import json
import os
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.db import connection, transaction

FORMAT = "kreishaus-backup"
VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def tables_list() -> list[str]:
    """The ordinary tables of the current schema, by name."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind = 'r' AND n.nspname = current_schema() ORDER BY c.relname")
        return [name for (name,) in cursor.fetchall()]


def table_columns(table: str) -> list[str]:
    """The columns COPY can write back (generated columns are computed again)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", [quote(table)])
        return [name for (name,) in cursor.fetchall()]


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(media_root: Path) -> list[tuple[str, Path]]:
    """Every regular file under `media_root` as (relative POSIX path, path), sorted;
    symbolic links are not followed."""
    found = []
    if not media_root.is_dir():
        return found
    for folder, dirs, files in os.walk(media_root):
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path.relative_to(media_root).as_posix(), path))
    return found


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mtime: float) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = mtime
    info.mode = 0o600
    with tempfile.SpooledTemporaryFile(max_size=CHUNK) as spool:
        spool.write(data)
        spool.seek(0)
        tar.addfile(info, spool)


def _copy_table(tar: tarfile.TarFile, table: str, columns: list[str], mtime: float) -> dict:
    """One table into the archive, through a temporary file (tar needs the size first)."""
    digest = hashlib.sha256()
    column_list = ", ".join(quote(column) for column in columns)
    with tempfile.TemporaryFile() as spool:
        with connection.connection.cursor() as cursor:
            with cursor.copy(f"COPY {quote(table)} ({column_list}) TO STDOUT") as copy:
                for chunk in copy:
                    digest.update(chunk)
                    spool.write(chunk)
            rows = cursor.rowcount
        info = tarfile.TarInfo(f"database/{table}.copy")
        info.size = spool.tell()
        info.mtime = mtime
        info.mode = 0o600
        spool.seek(0)
        tar.addfile(info, spool)
    return {"columns": columns, "rows": rows, "sha256": digest.hexdigest()}


def backup_write(path: Path, *, media_root: Path) -> dict:
    """Write the archive to `path` (via a temporary name beside it, so a half-written
    backup never carries the final name) and return its manifest."""
    created = datetime.now(UTC)
    mtime = created.timestamp()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    manifest: dict = {"format": FORMAT, "version": VERSION, "created_at": created.isoformat(),
                      "tables": {}, "media": {}}
    try:
        with tarfile.open(partial, "w:gz") as tar:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute("SHOW server_version")
                    manifest["server_version"] = cursor.fetchone()[0]
                    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
                    manifest["migrations"] = [list(row) for row in cursor.fetchall()]
                for table in tables_list():
                    manifest["tables"][table] = _copy_table(
                        tar, table, table_columns(table), mtime)
            for relative, file_path in media_files(media_root):
                manifest["media"][relative] = {"size": file_path.stat().st_size,
                                               "sha256": file_digest(file_path)}
                tar.add(file_path, arcname=f"media/{relative}", recursive=False)
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode(), mtime)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def backups_prune(directory: Path, *, keep: int, prefix: str = "kreishaus-") -> list[Path]:
    """Delete all but the newest `keep` archives named <prefix>…tar.gz in `directory`."""
    archives = sorted(directory.glob(f"{prefix}*.tar.gz"), key=lambda p: p.name, reverse=True)
    removed = archives[keep:]
    for archive in removed:
        archive.unlink()
    return removed
