"""Restoring an archive of common.backup into an empty database and media folder.

1. The manifest is read and checked (format, version, migrations this code knows).
2. Unless forced, the database must be empty (no table with rows besides Django's
   bookkeeping) and MEDIA_ROOT must hold no file. Tables that exist are dropped.
3. The migrations recorded in the archive are applied, which creates the schema exactly
   as it was when the backup was taken.
4. In one transaction every table is emptied and loaded with COPY; every table's
   checksum and row count must match the manifest, or nothing is kept. Identity
   sequences continue after the highest restored id.
5. The files are written to MEDIA_ROOT, each checked against its checksum.
6. `migrate` brings the schema (and data) forward to this version of the code.
"""

import hashlib
import json
import shutil
import tarfile
from pathlib import Path, PurePosixPath

from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from .backup import CHUNK, FORMAT, MANIFEST, VERSION, quote, tables_list

# Rows here do not make a database "used": migrate, health heartbeats and sessions write them.
BOOKKEEPING_TABLES = {"django_migrations", "django_content_type", "auth_permission",
                      "django_session", "common_heartbeat"}


class RestoreError(Exception):
    pass


def manifest_read(tar: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as exc:
        raise RestoreError(f"{tar.name} is no Kreishaus backup (no readable manifest)") from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise RestoreError(f"{tar.name}: unknown backup format {manifest.get('format')!r} "
                           f"version {manifest.get('version')!r}")
    return manifest


def database_used_tables() -> list[str]:
    """Tables with rows, except Django's bookkeeping."""
    used = []
    with connection.cursor() as cursor:
        for table in tables_list():
            if table in BOOKKEEPING_TABLES:
                continue
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")  # noqa: S608
            if cursor.fetchone()[0]:
                used.append(table)
    return used


def tables_drop() -> None:
    tables = tables_list()
    if tables:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {', '.join(quote(t) for t in tables)} CASCADE")


def _migration_targets(executor: MigrationExecutor, applied: list[list[str]]) -> list:
    """Per app the latest migration the archive had applied."""
    graph = executor.loader.graph
    unknown = [f"{app}.{name}" for app, name in applied if (app, name) not in graph.nodes]
    if unknown:
        raise RestoreError("The backup comes from a newer version of the code (unknown "
                           f"migrations: {', '.join(unknown[:5])}); update the code first.")
    by_app: dict[str, set] = {}
    for app, name in applied:
        by_app.setdefault(app, set()).add((app, name))
    targets = []
    for nodes in by_app.values():
        # The one whose plan contains all others of its app.
        targets.append(max(nodes, key=lambda node: len(graph.forwards_plan(node))))
    return targets


def schema_create(applied: list[list[str]]) -> None:
    """Apply exactly the migrations the archive had applied, on an empty schema."""
    executor = MigrationExecutor(connection)
    targets = _migration_targets(executor, applied)
    executor.migrate(targets, plan=executor.migration_plan(targets))


def _member(tar: tarfile.TarFile, name: str) -> tarfile.TarInfo:
    try:
        member = tar.getmember(name)
    except KeyError:
        raise RestoreError(f"{name} is missing from the archive") from None
    if not member.isfile():
        raise RestoreError(f"{name} is no regular file")
    return member


def tables_load(tar: tarfile.TarFile, manifest: dict) -> dict[str, int]:
    """Empty and load every table of the manifest in one transaction; returns the rows
    per table. A wrong checksum or row count rolls everything back."""
    rows: dict[str, int] = {}
    existing = set(tables_list())
    missing = sorted(set(manifest["tables"]) - existing)
    if missing:
        raise RestoreError(f"tables missing after the migrations: {', '.join(missing)}")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in manifest['tables'])} "
                           "RESTART IDENTITY CASCADE")
        for table, facts in manifest["tables"].items():
            source = tar.extractfile(_member(tar, f"database/{table}.copy"))
            digest = hashlib.sha256()
            columns = ", ".join(quote(column) for column in facts["columns"])
            with connection.connection.cursor() as cursor:
                with cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        copy.write(chunk)
                rows[table] = cursor.rowcount
            if digest.hexdigest() != facts["sha256"]:
                raise RestoreError(f"table {table}: checksum differs from the manifest")
            if rows[table] != facts["rows"]:
                raise RestoreError(f"table {table}: {rows[table]} rows, the manifest says "
                                   f"{facts['rows']}")
        sequences_reset()
    return rows


def sequences_reset() -> None:
    """Let every identity/serial column continue after the highest restored value."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, a.attname, "
            "pg_get_serial_sequence(quote_ident(c.relname), a.attname) "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE c.relkind = 'r' AND n.nspname = current_schema() AND a.attnum > 0 "
            "AND NOT a.attisdropped "
            "AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL")
        for table, column, sequence in cursor.fetchall():
            cursor.execute(
                f"SELECT setval(%s, coalesce(max({quote(column)}), 1), "  # noqa: S608
                f"max({quote(column)}) IS NOT NULL) FROM {quote(table)}", [sequence])


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise RestoreError(f"unsafe file name in the archive: {name!r}")
    return path


def media_restore(tar: tarfile.TarFile, manifest: dict, media_root: Path) -> int:
    """Write every file of the manifest under `media_root`, checked; returns the count."""
    for relative, facts in manifest["media"].items():
        target = media_root.joinpath(*_safe_relative(relative).parts)
        source = tar.extractfile(_member(tar, f"media/{relative}"))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.part")
        digest = hashlib.sha256()
        with open(partial, "wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != facts["sha256"]:
            partial.unlink()
            raise RestoreError(f"file {relative}: checksum differs from the manifest")
        partial.replace(target)
    return len(manifest["media"])


def media_clear(media_root: Path) -> None:
    if media_root.is_dir():
        for entry in media_root.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def restore(archive: Path, *, media_root: Path, force: bool = False, stdout=None) -> dict:
    """Restore `archive` (see the module docstring); returns its manifest."""
    with tarfile.open(archive, "r:gz") as tar:
        manifest = manifest_read(tar)
        used = database_used_tables()
        has_files = media_root.is_dir() and any(media_root.iterdir())
        if not force and (used or has_files):
            what = [f"the database has data ({', '.join(used[:5])}{' …' if len(used) > 5 else ''})"
                    ] if used else []
            what += [f"{media_root} is not empty"] if has_files else []
            raise RestoreError("Refusing to restore: " + "; ".join(what)
                               + ". Restore into an empty database, or pass --force to "
                               "replace everything.")
        tables_drop()
        if force:
            media_clear(media_root)
        schema_create(manifest["migrations"])
        tables_load(tar, manifest)
        media_restore(tar, manifest, media_root)
    call_command("migrate", interactive=False, verbosity=0, stdout=stdout)
    return manifest
