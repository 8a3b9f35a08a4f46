"""Pages of the notifications app: the list, what one follows, the buttons, unsubscribing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from common.permissions import permission_required

from .digests import digest_unsubscribe, unsubscribe_user
from .forms import FollowForm, UnsubscribeForm
from .selectors import follows_of, notifications_by_day, unread_count
from .services import follow_set, notification_mark_read, notifications_mark_all_read


@require_safe
@permission_required("notifications.view_notifications")
def notification_list(request):
    return render(request, "notifications/notification_list.html", {
        "days": notifications_by_day(request.user),
        "unread": unread_count(request.user),
    })


@require_safe
@permission_required("notifications.follow")
def follow_list(request):
    return render(request, "notifications/follow_list.html",
                  {"follows": follows_of(request.user)})


def _back(request, target: str, fallback: str):
    """Back to the page the button was on: a path of this site, nothing else."""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(target)
    return redirect(fallback)


@require_POST
@permission_required("notifications.follow")
def follow(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        raise PermissionDenied
    following = follow_set(user=request.user, key=form.cleaned_data["key"],
                           follow=form.cleaned_data["follow"])
    messages.success(request, _("Sie folgen jetzt diesem Eintrag. Neuigkeiten erscheinen "
                                "unter „Benachrichtigungen“.") if following else
                     _("Sie folgen diesem Eintrag nicht mehr."))
    return _back(request, form.cleaned_data["next"], "notifications:follows")


@require_POST
@permission_required("notifications.view_notifications")
def mark_read(request, pk):
    notification_mark_read(user=request.user, pk=pk)
    return redirect("notifications:list")


@require_POST
@permission_required("notifications.view_notifications")
def mark_all_read(request):
    count = notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
    return redirect("notifications:list")


# No login: the link in the digest works from any mail program. The token is signed and
# expires; the change happens only on the POST of the confirmation page.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    person = unsubscribe_user(token)
    if person is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    form = UnsubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        digest_unsubscribe(user=person)
        return render(request, "notifications/unsubscribe_done.html")
    return render(request, "notifications/unsubscribe.html", {"form": form, "person": person})
