"""A small process supervisor: starts programs, prefixes their output, restarts the ones
that crash, and stops them all together.

* Each program runs in a session (process group) of its own, so the terminal's Ctrl-C
  reaches only the supervisor, which stops the programs in reverse start order: SIGTERM
  to the program, then SIGKILL to whatever is left of its group (after `stop_timeout`
  at the latest; gunicorn's and Celery's child processes included). Nothing is left
  behind.
* A program that ends within `startup_seconds` of its first start is a start-up
  failure (a port in use, a wrong setting): everything stops and `run()` returns 1.
  A later crash is answered like Docker's `restart: unless-stopped`: the program starts
  again after a pause that doubles while it keeps crashing (1 s … 30 s).
* Fault drills may hold a program down: while `<run_dir>/hold-<name>` exists, a program
  that ended is not restarted; once the file is removed, it starts within a second.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Program:
    name: str
    argv: list[str]
    env: dict[str, str] | None = None
    cwd: Path | None = None
    pass_fds: tuple[int, ...] = ()
    # Waits (after start) until the program serves; False or an exception: it failed.
    ready: Callable[[], bool] | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)
    started_at: float = 0.0
    starts: int = 0
    restart_at: float | None = None
    backoff: float = 1.0


class StartupError(Exception):
    pass


class Supervisor:
    def __init__(self, *, run_dir: Path, out=None, stop_timeout: float = 15,
                 startup_seconds: float = 5):
        self.run_dir = run_dir
        self.out = out or sys.stdout
        self.stop_timeout = stop_timeout
        self.startup_seconds = startup_seconds
        self.programs: list[Program] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._width = 8

    # Output -------------------------------------------------------------------------
    def say(self, name: str, line: str) -> None:
        with self._lock:
            self.out.write(f"{name:<{self._width}}| {line.rstrip()}\n")
            self.out.flush()

    def _pump(self, program: Program, stream) -> None:
        for raw in iter(stream.readline, b""):
            self.say(program.name, raw.decode("utf-8", errors="replace"))
        stream.close()

    # Starting -----------------------------------------------------------------------
    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def start(self, program: Program) -> None:
        """Start `program` (again) and wait until it is ready; nothing once stopping."""
        if self._stopping.is_set():
            return
        self._width = max(self._width, len(program.name) + 1)
        if program not in self.programs:
            self.programs.append(program)
        program.process = subprocess.Popen(  # noqa: S603 - our own argv
            program.argv, env=program.env, cwd=program.cwd, pass_fds=program.pass_fds,
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        program.started_at = time.monotonic()
        program.starts += 1
        program.restart_at = None
        threading.Thread(target=self._pump, args=(program, program.process.stdout),
                         daemon=True).start()
        (self.run_dir / f"{program.name}.pid").write_text(f"{program.process.pid}\n")
        if program.ready is not None:
            self._wait_ready(program)

    def run_once(self, name: str, argv: list[str], **popen) -> int:
        """Run a one-off command (in its own process group, output prefixed) to its end;
        stopping meanwhile ends it. Returns its exit code (-1 if stopped)."""
        if self._stopping.is_set():
            return -1
        process = subprocess.Popen(  # noqa: S603 - our own argv
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True, **popen)
        pump = threading.Thread(target=self._pump, args=(Program(name, argv), process.stdout),
                                daemon=True)
        pump.start()
        while process.poll() is None:
            if self._stopping.wait(0.1):
                process.send_signal(signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(self.stop_timeout)
                _signal_group(process.pid, signal.SIGKILL)
                process.wait()
                pump.join(1)
                return -1
        pump.join(1)
        return process.returncode

    def _wait_ready(self, program: Program, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self._stopping.is_set():
            if program.process.poll() is not None:
                raise StartupError(f"{program.name} ended during start-up "
                                   f"(exit code {program.process.returncode})")
            try:
                if program.ready():
                    return
            except Exception:  # noqa: BLE001, S110 - not ready yet
                pass
            time.sleep(0.1)
        if not self._stopping.is_set():
            raise StartupError(f"{program.name} was not ready within {timeout:.0f} s")

    def held(self, program: Program) -> bool:
        return (self.run_dir / f"hold-{program.name}").exists()

    # Watching -----------------------------------------------------------------------
    def check(self) -> None:
        """One round of watching: notice ended programs, restart those that are due.
        Raises StartupError for a program that ended right after its first start."""
        now = time.monotonic()
        for program in self.programs:
            if program.process is None or self._stopping.is_set():
                continue
            code = program.process.poll()
            if code is None:
                continue
            if program.restart_at is None:
                lived = now - program.started_at
                if program.starts == 1 and lived < self.startup_seconds:
                    raise StartupError(f"{program.name} ended right after its start "
                                       f"(exit code {code})")
                program.backoff = 1.0 if lived > 60 else min(program.backoff * 2, 30.0)
                program.restart_at = now + program.backoff
                self.say("launcher", f"{program.name} ended (exit code {code}); "
                         f"restart in {program.backoff:.0f} s")
            elif now >= program.restart_at and not self.held(program):
                try:
                    self.start(program)
                    self.say("launcher", f"{program.name} started again "
                             f"(pid {program.process.pid})")
                except StartupError as exc:
                    self.say("launcher", str(exc))
                    program.restart_at = None
                    program.started_at = 0.0

    def wait(self, interval: float = 0.2) -> None:
        """Watch until stop() is called (by a signal handler or another thread)."""
        while not self._stopping.wait(interval):
            self.check()

    # Stopping -----------------------------------------------------------------------
    def stop(self) -> None:
        self._stopping.set()

    def stop_all(self) -> None:
        """Stop every program, newest first, each with its whole process group."""
        self._stopping.set()
        for program in reversed(self.programs):
            self._stop_one(program)

    def _stop_one(self, program: Program) -> None:
        process = program.process
        if process is None:
            return
        pid_file = self.run_dir / f"{program.name}.pid"
        # The program's own process first: gunicorn's master and Celery's main process
        # stop their children themselves (Celery lets running tasks finish).
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(self.stop_timeout)
        except subprocess.TimeoutExpired:
            self.say("launcher", f"{program.name} did not stop within "
                     f"{self.stop_timeout:.0f} s: killed")
        # Whatever remains of its group (workers of a master that was killed) goes too.
        _signal_group(process.pid, signal.SIGKILL)
        if process.poll() is None:
            process.wait()
        _group_wait_gone(process.pid)
        pid_file.unlink(missing_ok=True)


def _group_wait_gone(pgid: int, timeout: float = 3) -> None:
    """Wait (briefly) until no process of the group is left; a killed process whose parent
    is gone too lives on as a zombie until init reaps it, which may take a moment."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.05)


def _signal_group(pgid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, number)
