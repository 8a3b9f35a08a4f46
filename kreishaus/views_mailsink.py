"""The quick start's page "Versendete E-Mails (Schnellstart)": the mails the sink of
`make run` received (kreishaus.quickstart.mailsink). Only where MAIL_SINK_DIR is set (the
quick-start settings); everywhere else these addresses do not exist."""

from functools import wraps
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from common.permissions import permission_required

from .quickstart.mailbox import mail_raw, mail_read, mails_count, mails_list

LIST_LIMIT = 200


def sink_directory() -> Path | None:
    directory = getattr(settings, "MAIL_SINK_DIR", None)
    return Path(directory) if directory else None


def _sink_required(view):
    """Outermost: without a sink the address does not exist, for everyone."""
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        directory = sink_directory()
        if directory is None:
            raise Http404
        return view(request, directory, *args, **kwargs)
    return wrapper


@require_safe
@_sink_required
@permission_required("kreishaus.view_sent_mails")
def sent_mails(request, directory):
    return render(request, "kreishaus/sent_mails.html", {
        "mails": mails_list(directory, limit=LIST_LIMIT), "total": mails_count(directory),
        "limit": LIST_LIMIT,
    })


@require_safe
@_sink_required
@permission_required("kreishaus.view_sent_mails")
def sent_mail(request, directory, name):
    mail = mail_read(directory, name)
    if mail is None:
        raise Http404
    return render(request, "kreishaus/sent_mail.html", {"mail": mail})


@require_safe
@_sink_required
@permission_required("kreishaus.view_sent_mails")
def sent_mail_download(request, directory, name):
    content = mail_raw(directory, name)
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="message/rfc822")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
