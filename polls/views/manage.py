"""Closing early, reopening once with a new deadline (the asker or the coordination office)
and hiding or showing again (the coordination office), each through a confirmation page."""

import rules
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.permissions import permission_required

from ..forms import ReopenForm
from ..services import poll_close, poll_hide, poll_reopen, poll_unhide
from .common import NAV, VISIBLE_POLL

METHODS = ["GET", "HEAD", "POST"]


def _confirm(request, poll, *, rule: str, refused: str, done: str, service, page: dict,
             form=None):
    if not rules.test_rule(rule, request.user, poll):
        messages.error(request, refused)
        return redirect("polls:detail", poll.pk)
    if request.method == "POST" and (form is None or form.is_valid()):
        extra = form.cleaned_data if form is not None else {}
        try:
            service(poll=poll, by=request.user, **extra)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [refused])))
        else:
            messages.success(request, done)
        return redirect("polls:detail", poll.pk)
    return render(request, "polls/poll_confirm.html", {"poll": poll, "form": form, **page,
                                                       **NAV})


@require_http_methods(METHODS)
@permission_required("polls.manage_poll", VISIBLE_POLL)
def poll_close_view(request, poll):
    return _confirm(
        request, poll, rule="polls.close_poll", service=poll_close,
        refused=_("Diese Rundfrage ist bereits beendet."),
        done=_("Die Rundfrage ist beendet; es werden keine Antworten mehr angenommen."),
        page={"heading": _("Rundfrage „%(title)s“ vorzeitig beenden?") % {"title": poll.title},
              "points": [_("Danach nimmt die Rundfrage keine Antworten mehr an; Entwürfe "
                           "bleiben Entwürfe."),
                         _("Sie können sie danach einmal mit einer neuen Frist wieder öffnen."),
                         ],
              "button": _("Ja, Rundfrage beenden")})


@require_http_methods(METHODS)
@permission_required("polls.manage_poll", VISIBLE_POLL)
def poll_reopen_view(request, poll):
    return _confirm(
        request, poll, rule="polls.reopen_poll", service=poll_reopen,
        form=ReopenForm(request.POST if request.method == "POST" else None),
        refused=_("Diese Rundfrage lässt sich nicht wieder öffnen: Sie ist noch offen, oder "
                  "sie wurde schon einmal wieder geöffnet."),
        done=_("Die Rundfrage ist wieder offen."),
        page={"heading": _("Rundfrage „%(title)s“ wieder öffnen?") % {"title": poll.title},
              "points": [_("Die Verwaltungen können bis zur neuen Frist wieder antworten und "
                           "ihre Antworten ändern."),
                         _("Eine Rundfrage lässt sich nur einmal wieder öffnen.")],
              "button": _("Rundfrage wieder öffnen")})


@require_http_methods(METHODS)
@permission_required("polls.moderate_poll", VISIBLE_POLL)
def poll_hide_view(request, poll):
    return _confirm(
        request, poll, rule="polls.hide_poll", service=poll_hide,
        refused=_("Diese Rundfrage ist bereits ausgeblendet."),
        done=_("Die Rundfrage ist ausgeblendet."),
        page={"heading": _("Rundfrage „%(title)s“ ausblenden?") % {"title": poll.title},
              "points": [_("Danach sehen sie nur noch die fragende Verwaltung und die "
                           "Koordinierungsstelle; sie erscheint nicht mehr in Listen und in "
                           "der Suche, und es gehen keine Erinnerungen mehr hinaus."),
                         _("Sie können sie jederzeit wieder einblenden.")],
              "button": _("Ja, ausblenden")})


@require_http_methods(METHODS)
@permission_required("polls.moderate_poll", VISIBLE_POLL)
def poll_unhide_view(request, poll):
    return _confirm(
        request, poll, rule="polls.unhide_poll", service=poll_unhide,
        refused=_("Diese Rundfrage ist nicht ausgeblendet."),
        done=_("Die Rundfrage ist wieder für alle Mitglieder sichtbar."),
        page={"heading": _("Rundfrage „%(title)s“ wieder einblenden?") % {"title": poll.title},
              "points": [_("Danach sehen sie wieder alle Mitglieder.")],
              "button": _("Ja, wieder einblenden")})
