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
