"""A person's own settings beside allauth's account pages: which reminders they receive."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms import NotificationsForm
from ..services.accounts import notifications_save


# Everyone logged in has settings of their own: no permission beyond the login, and
# visitors are sent to the login page rather than refused.
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def notifications(request):
    form = NotificationsForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        notifications_save(user=request.user, wanted=form.wanted(), data=form.cleaned_data)
        messages.success(request, _("Ihre Einstellungen zu Erinnerungen wurden gespeichert."))
        return redirect("notifications")
    return render(request, "account/notifications.html", {"form": form})
