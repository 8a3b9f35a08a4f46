"""`make run` (kreishaus.quickstart): the supervisor's process handling, the mail sink and
its page "Versendete E-Mails (Schnellstart)", and the whole launcher from start to Ctrl-C."""

import io
import json
import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend
from django.urls import reverse

from kreishaus.quickstart.mailbox import REFUSE_FLAG, mail_read, mail_store, mails_list
from kreishaus.quickstart.supervisor import Program, StartupError, Supervisor

PROJECT_DIR = Path(__file__).resolve().parents[2]

# A parent that starts a child in its own process group and ignores SIGTERM, as a stuck
# server with workers would: both must still be gone after stop_all().
STUBBORN = """
import os, signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
open(sys.argv[1], "w").write(str(child.pid))
time.sleep(300)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped by its parent) is no running process.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _wait(condition, timeout: float = 30, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(interval)
    raise AssertionError("condition not met in time")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The supervisor ---------------------------------------------------------------------------

def test_supervisor_stops_every_program_with_its_children(tmp_path):
    supervisor = Supervisor(run_dir=tmp_path, out=io.StringIO(), stop_timeout=1)
    child_file = tmp_path / "child.pid"
    supervisor.start(Program(name="stubborn", argv=[sys.executable, "-c", STUBBORN,
                                                    str(child_file)]))
    supervisor.start(Program(name="sleeper", argv=[sys.executable, "-c",
                                                   "import time; time.sleep(300)"]))
    child = int(_wait(lambda: child_file.exists() and child_file.read_text()))
    pids = [p.process.pid for p in supervisor.programs] + [child]
    assert all(_alive(pid) for pid in pids)
    assert (tmp_path / "sleeper.pid").read_text().strip() == str(pids[1])

    supervisor.stop_all()

    assert [pid for pid in pids if _alive(pid)] == []
    assert not (tmp_path / "sleeper.pid").exists()
    assert "stubborn did not stop within 1 s: killed" in supervisor.out.getvalue()


def test_supervisor_restarts_a_program_that_crashed_later(tmp_path):
    out = io.StringIO()
    supervisor = Supervisor(run_dir=tmp_path, out=out, startup_seconds=0.2)
    counter = tmp_path / "starts"
    script = (f"import pathlib, time; p = pathlib.Path({str(counter)!r}); "
              "p.write_text(p.read_text() + 'x' if p.exists() else 'x'); time.sleep(0.5)")
    program = Program(name="crashy", argv=[sys.executable, "-c", script])
    supervisor.start(program)
    try:
        _wait(lambda: (supervisor.check(), program.starts >= 2)[1], timeout=20)
    finally:
        supervisor.stop_all()

    assert "crashy ended (exit code 0); restart in 2 s" in out.getvalue()
    assert "crashy started again" in out.getvalue()


def test_supervisor_a_program_ending_at_once_is_a_startup_failure(tmp_path):
    supervisor = Supervisor(run_dir=tmp_path, out=io.StringIO(), startup_seconds=5)
    supervisor.start(Program(name="broken", argv=[sys.executable, "-c", "raise SystemExit(3)"]))
    time.sleep(0.5)

    with pytest.raises(StartupError, match=r"broken ended right after its start \(exit code 3\)"):
        supervisor.check()
    supervisor.stop_all()


def test_supervisor_held_program_is_not_restarted_until_released(tmp_path):
    supervisor = Supervisor(run_dir=tmp_path, out=io.StringIO(), startup_seconds=0)
    program = Program(name="db", argv=[sys.executable, "-c", "import time; time.sleep(300)"])
    supervisor.start(program)
    (tmp_path / "hold-db").touch()
    try:
        program.process.kill()
        program.process.wait()
        program.backoff = 0.05
        for _ in range(20):
            supervisor.check()
            time.sleep(0.1)
        assert program.starts == 1
        (tmp_path / "hold-db").unlink()
        _wait(lambda: (supervisor.check(), program.starts == 2)[1], timeout=10)
        assert _alive(program.process.pid)
    finally:
        supervisor.stop_all()


# The mail sink ----------------------------------------------------------------------------

@pytest.fixture
def mail_sink(tmp_path):
    directory = tmp_path / "mail"
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "kreishaus.quickstart.mailsink", "--dir", str(directory),
         "--port", str(port)], cwd=PROJECT_DIR, stdout=subprocess.PIPE, text=True)
    assert "SMTP on 127.0.0.1" in process.stdout.readline()
    yield directory, port
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0


def test_mail_sink_keeps_a_mail_sent_by_django_as_eml(mail_sink):
    directory, port = mail_sink
    message = EmailMultiAlternatives(
        "Erinnerung: Sitzung am 12. März", "Guten Tag Frau Müller,\nbis bald.",
        "Kreishaus <kreishaus@example.org>", ["mueller@example.org"],
        connection=EmailBackend(host="127.0.0.1", port=port, use_tls=False, timeout=10))
    message.attach_alternative("<p>Guten Tag Frau Müller</p>", "text/html")
    message.attach("sitzung.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")

    assert message.send() == 1

    [stored] = mails_list(directory)
    mail = mail_read(directory, stored.name)
    assert mail.subject == "Erinnerung: Sitzung am 12. März"
    assert mail.to == "mueller@example.org"
    assert mail.text.strip() == "Guten Tag Frau Müller,\nbis bald."
    assert mail.html.strip() == "<p>Guten Tag Frau Müller</p>"
    assert mail.attachments == ["sitzung.ics"]


def test_mail_sink_refuses_transiently_while_the_flag_exists(mail_sink):
    directory, port = mail_sink
    (directory / REFUSE_FLAG).touch()
    with (smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp,
          pytest.raises(smtplib.SMTPRecipientsRefused) as refused):
        smtp.sendmail("a@example.org", ["b@example.org"], b"Subject: x\r\n\r\ny\r\n")
    assert refused.value.recipients["b@example.org"][0] == 451
    assert mails_list(directory) == []

    (directory / REFUSE_FLAG).unlink()
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        smtp.sendmail("a@example.org", ["b@example.org"], b"Subject: x\r\n\r\ny\r\n")
    assert [mail.subject for mail in mails_list(directory)] == ["x"]


# The page "Versendete E-Mails (Schnellstart)" ----------------------------------------------

@pytest.fixture
def sink_with_mail(settings, tmp_path):
    settings.MAIL_SINK_DIR = tmp_path / "mail"
    path = mail_store(settings.MAIL_SINK_DIR, (
        b"From: Kreishaus <kreishaus@example.org>\r\nTo: lesen@example.org\r\n"
        b"Subject: =?utf-8?q?Einladung_zur_Sitzung_=C3=BCber_Gr=C3=BCnfl=C3=A4chen?=\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Bitte melden Sie sich an: http://127.0.0.1:8000/sitzungen/3/\r\n"))
    return path.name


@pytest.mark.django_db
def test_sent_mails_pages_show_coordinators_every_mail(client, coordinator, sink_with_mail):
    client.force_login(coordinator)

    listing = client.get(reverse("sent_mails")).content.decode()
    detail = client.get(reverse("sent_mail", args=[sink_with_mail])).content.decode()
    download = client.get(reverse("sent_mail_download", args=[sink_with_mail]))
    dashboard = client.get(reverse("start")).content.decode()

    assert "<h1 class=\"kern-heading-large\">Versendete E-Mails (Schnellstart)</h1>" in listing
    assert "Einladung zur Sitzung über Grünflächen" in listing
    assert "lesen@example.org" in listing
    assert "Bitte melden Sie sich an: " in detail
    assert 'href="http://127.0.0.1:8000/sitzungen/3/"' in detail
    assert download["Content-Type"] == "message/rfc822"
    assert download.content.startswith(b"From: Kreishaus")
    assert "Der lokale Mailserver hat 1 E-Mail angenommen." in dashboard


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["reader", "editor"])
def test_sent_mails_pages_refused_to_other_roles(client, request, role, sink_with_mail):
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("sent_mails")).status_code == 403
    assert client.get(reverse("sent_mail", args=[sink_with_mail])).status_code == 403
    assert "Versendete E-Mails" not in client.get(reverse("start")).content.decode()


@pytest.mark.django_db
def test_sent_mails_pages_do_not_exist_without_the_sink(client, coordinator, settings):
    settings.MAIL_SINK_DIR = None
    client.force_login(coordinator)

    assert client.get(reverse("sent_mails")).status_code == 404
    assert "Versendete E-Mails" not in client.get(reverse("start")).content.decode()


@pytest.mark.django_db
def test_sent_mail_unknown_or_foreign_name_is_404(client, coordinator, sink_with_mail, settings):
    (Path(settings.MAIL_SINK_DIR).parent / "secret.eml").write_text("x")
    client.force_login(coordinator)

    for name in ["20261207T101500123456-00000000.eml", "..%2Fsecret.eml", "secret.eml"]:
        assert client.get(f"/schnellstart/e-mails/{name}/").status_code == 404
        assert client.get(f"/schnellstart/e-mails/{name}/datei/").status_code == 404


# The launcher, start to stop ------------------------------------------------------------

def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.worker
def test_launcher_serves_the_whole_system_and_ctrl_c_leaves_nothing(tmp_path_factory):
    var = tmp_path_factory.mktemp("qs")
    port = _free_port()
    # The launcher's own embedded PostgreSQL and Redis, whatever this shell points at.
    env = {**os.environ, "DATABASE_URL": "", "CELERY_BROKER_URL": "", "REDIS_URL": "",
           "CACHE_URL": "", "DJANGO_SETTINGS_MODULE": ""}
    log = (var / "launcher.log").open("w")
    launcher = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "kreishaus.quickstart", "--port", str(port),
         "--var-dir", str(var), "--web-workers", "1"],
        cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    state_file = var / "run" / "quickstart.json"
    try:
        _wait(lambda: state_file.exists() or launcher.poll() is not None, timeout=240)
        assert launcher.poll() is None, (var / "launcher.log").read_text()
        state = json.loads(state_file.read_text())
        url = f"http://127.0.0.1:{port}"
        assert state["url"] == url
        pids = [*state["programs"].values(),
                int((var / "pgdata" / "postmaster.pid").read_text().split()[0])]

        # Worker and beat report in, beat runs every periodic task at its start.
        report = _wait(lambda: (r := json.loads(_get(f"{url}/healthz")[1]))["status"] == "ok"
                       and r, timeout=90)
        assert report["worker"]["count"] == 1
        assert report["broker"] == "ok"
        # German error pages (DEBUG off) and static files (WhiteNoise).
        status, page = _get(f"{url}/gibt-es-nicht/")
        assert status == 404
        assert "Seite nicht gefunden" in page
        status, css = _get(f"{url}/static/css/kreishaus.css")
        assert status == 200
        assert css
        # The demo meetings' invitations went out by themselves, into the sink, with links
        # to this port.
        # (Review reminders of demo articles go out too; a meeting mail is among them.)
        def meeting_mails():
            return [m for m in mails_list(var / "mail")
                    if f"{url}/sitzungen/" in mail_read(var / "mail", m.name).text]

        assert _wait(meeting_mails, timeout=90)
    finally:
        launcher.send_signal(signal.SIGINT)  # what Ctrl-C sends to the foreground
        code = launcher.wait(90)
        log.close()

    assert code == 0
    assert [pid for pid in pids if _alive(pid)] == []
    assert not state_file.exists()
    assert "launcher| stopped" in (var / "launcher.log").read_text()
