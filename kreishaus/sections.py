"""What the roof shows on the dashboard (common.sections): for coordinators, the health of
the running system when something is wrong, a warning when the portal is reached under
another address than SITE_URL, and in the quick start a link to the mails the portal
sent."""

from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from common.health import health_report
from common.sections import DASHBOARD

from .quickstart.mailbox import mails_count
from .views_mailsink import sink_directory

# The periodic tasks of the beat schedule (settings.CELERY_BEAT_SCHEDULE), in words.
TASK_LABELS = {
    "reminders-dispatch": "Erinnerungen an Sitzungen und Aufgaben",
    "survey-reminders-dispatch": "Erinnerungen an Sachstandserhebungen",
    "review-reminders-dispatch": "Erinnerungen an zu prüfende Artikel",
    "mails-requeue-stale": "erneuter Versand wartender E-Mails",
    "once-tokens-cleanup": "Aufräumen abgeschickter Formulare",
}


def _since(iso: str | None) -> str:
    if not iso:
        return ""
    return timesince(datetime.fromisoformat(iso))


def health_problems(report: dict) -> list[str]:
    """The problems of a health report (common.health) as sentences for coordinators."""
    texts = []
    if report["broker"] == "unreachable":
        texts.append(_("Der Nachrichtendienst (Redis) ist nicht erreichbar. E-Mails bleiben "
                       "im Postausgang, bis er wieder läuft."))
    worker = report["worker"]
    if worker["status"] == "missing":
        texts.append(_("Kein Hintergrunddienst (Celery-Worker) hat sich seit %(since)s "
                       "gemeldet. E-Mails und Erinnerungen werden nicht versendet.")
                     % {"since": _since(worker["last_seen"])} if worker["last_seen"] else
                     _("Noch nie hat sich ein Hintergrunddienst (Celery-Worker) gemeldet. "
                       "E-Mails und Erinnerungen werden nicht versendet."))
    beat = report["beat"]
    if beat["status"] == "missing":
        texts.append(_("Der Zeitplaner (Celery Beat) hat sich seit %(since)s nicht gemeldet. "
                       "Fällige Erinnerungen werden nicht erzeugt.")
                     % {"since": _since(beat["last_seen"])} if beat["last_seen"] else
                     _("Der Zeitplaner (Celery Beat) hat sich noch nie gemeldet. Fällige "
                       "Erinnerungen werden nicht erzeugt."))
    for name, task in report["tasks"].items():
        label = TASK_LABELS.get(name, name)
        if task["status"] == "late":
            texts.append(_("Die regelmäßige Aufgabe „%(task)s“ lief zuletzt vor %(since)s.")
                         % {"task": label, "since": _since(task["last_run"])})
        elif task["status"] == "never":
            texts.append(_("Die regelmäßige Aufgabe „%(task)s“ ist noch nie gelaufen.")
                         % {"task": label})
    outbox = report["outbox"]
    if outbox["status"] == "backlog":
        texts.append(_("Im Postausgang warten %(queued)s E-Mails, die älteste fällige seit "
                       "%(minutes)s Minuten.")
                     % {"queued": outbox["queued"],
                        "minutes": outbox["oldest_due_seconds"] // 60})
    return texts


def _health(user, _obj) -> dict | None:
    if not user.has_perm("kreishaus.view_health"):
        return None
    try:
        report = health_report()
    except DatabaseError:
        return None  # the page itself could not have been shown
    if report["status"] == "ok":
        return None
    return {"health_problems": health_problems(report)}


def _sent_mails(user, _obj) -> dict | None:
    directory = sink_directory()
    if directory is None or not user.has_perm("kreishaus.view_sent_mails"):
        return None
    return {"sent_mail_count": mails_count(directory)}


DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_and_port(netloc: str) -> tuple[str, int | None]:
    parts = urlsplit(f"//{netloc}")
    try:
        return (parts.hostname or "").lower(), parts.port
    except ValueError:  # not a number: compare it as it is
        return netloc.lower(), None


def site_url_mismatch(request) -> bool:
    """Whether the request came under another host (or port) than SITE_URL names, so that
    links in mails and the calendar feed point elsewhere than the page in use. A host
    without a port matches on the name alone: behind a TLS proxy the request's own scheme
    need not be SITE_URL's."""
    site = urlsplit(settings.SITE_URL)
    site_host, site_port = _host_and_port(site.netloc)
    host, port = _host_and_port(request.get_host())
    if host != site_host:
        return True
    return port is not None and port != (site_port or DEFAULT_PORTS.get(site.scheme))


def _host_warning(user, request) -> dict | None:
    if request is None or not user.has_perm("kreishaus.view_host_warning"):
        return None
    if not site_url_mismatch(request):
        return None
    return {"request_host": request.get_host(), "site_url": settings.SITE_URL}


def register() -> None:
    """Called once from KreishausConfig.ready()."""
    DASHBOARD.add_section(key="health", order=0, template="kreishaus/_dashboard_health.html",
                          context=_health)
    # The dashboard passes the request as the page's object.
    DASHBOARD.add_section(key="host_warning", order=1,
                          template="kreishaus/_dashboard_host_warning.html",
                          context=_host_warning)
    DASHBOARD.add_section(key="sent_mails", order=90,
                          template="kreishaus/_dashboard_sent_mails.html", context=_sent_mails)
