"""Embedded PostgreSQL for the quick start and the tests (used when DATABASE_URL is unset).

pgserver ships PostgreSQL binaries as a Python package and runs the server from a data
directory under var/. The server stops when the last process that opened it exits, and
the data stays for the next start.
"""

from pathlib import Path

DATABASE_NAME = "kreishaus"


def embedded_database_url(pgdata: Path) -> str:
    import warnings

    warnings.filterwarnings("ignore", module="platformdirs")
    import pgserver
    import psycopg

    pgdata.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata, cleanup_mode="stop")
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return server.get_uri(DATABASE_NAME)


def handles_prune(pgdata: Path) -> None:
    """Forget processes that held the server but died without saying so (killed): pgserver
    stops the server when its last holder exits, and a dead holder would keep it running."""
    import json
    import os

    from pgserver.postgres_server import PostgresServer

    handles = pgdata / ".handle_pids.json"
    with PostgresServer._lock:
        try:
            pids = json.loads(handles.read_text())
        except (FileNotFoundError, ValueError):
            return
        alive = []
        for pid in pids:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                continue
            except PermissionError:
                pass
            alive.append(pid)
        if alive != pids:
            handles.write_text(json.dumps(alive))
