"""The contact form for everyone (no login, no JavaScript needed), and the coordination
office's list and page of the messages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from common.params import page_number
from common.permissions import URLObject, permission_required

from ..models import Feedback
from ..pages.selectors import consent_text
from . import selectors, services
from .deadline import one_month_after
from .forms import FeedbackForm, FeedbackStateForm, same_site_path
from .ratelimit import feedback_rate_consume

FEEDBACK_PER_PAGE = 50
RATE_LIMIT_ERROR = gettext_lazy(
    "Von Ihrem Anschluss kamen in der letzten Stunde schon mehrere Nachrichten. Bitte senden "
    "Sie Ihre Nachricht in einer Stunde noch einmal; Ihre Eingaben sind unten erhalten. In "
    "dringenden Fällen erreichen Sie uns über die Angaben im Impressum.")


def _hosts(request) -> set[str]:
    return {request.get_host().rsplit(":", 1)[0], urlsplit(settings.SITE_URL).hostname or ""}


@permission_required("legal.send_feedback")
@require_http_methods(["GET", "HEAD", "POST"])
def feedback_form(request):
    user, hosts, consent = request.user, _hosts(request), consent_text()
    initial = {"page": same_site_path(request.GET.get("seite", ""), hosts=hosts) or ""}
    if user.is_authenticated:
        initial.update(name=user.get_full_name(), email=user.email)
    form = FeedbackForm(request.POST or None, initial=initial, consent_text=consent,
                        hosts=hosts)
    status = 200
    if request.method == "POST":
        valid = form.is_valid()
        # Spam guard: a filled honeypot counts like a sending, so a bot cannot try freely.
        if (valid or form.honeypot_filled) and not feedback_rate_consume(request):
            form.add_error(None, RATE_LIMIT_ERROR)
            valid, status = False, 429
        if valid:
            data = form.cleaned_data
            services.feedback_submit(user=user, consent_text=consent, page_path=data["page"],
                                     message=data["message"], name=data["name"],
                                     email=data["email"])
            return redirect("legal:feedback_thanks")
    return render(request, "legal/feedback_form.html", {"form": form}, status=status)


@permission_required("legal.send_feedback")
@require_safe
def feedback_thanks(request):
    return render(request, "legal/feedback_thanks.html", {
        "answer_due": one_month_after(timezone.localdate())})


@permission_required("legal.view_feedback")
@require_safe
def feedback_list(request):
    status = request.GET.get("status")
    status = status if status in selectors.FILTERS else "offen"
    page = Paginator(selectors.feedback_listed(status), FEEDBACK_PER_PAGE).get_page(
        page_number(request))
    return render(request, "legal/feedback_list.html", {
        "page": page, "status": status, "filters": list(selectors.FILTERS)})


@permission_required("legal.view_feedback", obj=URLObject(Feedback))
@require_http_methods(["GET", "HEAD", "POST"])
def feedback_detail(request, feedback):
    form = FeedbackStateForm(request.POST or None, current=feedback.state,
                             initial={"state": feedback.state, "note": feedback.note})
    if request.method == "POST" and form.is_valid():
        services.feedback_update(feedback=feedback, user=request.user,
                                 state=form.cleaned_data["state"],
                                 note=form.cleaned_data["note"])
        messages.success(request, _("Die Rückmeldung wurde gespeichert."))
        return redirect(feedback.get_absolute_url())
    return render(request, "legal/feedback_detail.html", {"feedback": feedback, "form": form})
