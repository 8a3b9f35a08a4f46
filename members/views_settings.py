"""Personal settings beside allauth's account pages: which reminders one receives."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.forms import Form
from common.reminders import reminder_kinds

from .preferences import notifications_save


class NotificationsForm(Form):
    """One checkbox per reminder kind; ticked means the person wants these mails."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in reminder_kinds():
            self.fields[kind.value] = forms.BooleanField(
                label=kind.label, help_text=kind.help_text, required=False,
                initial=kind.value not in user.muted_reminders)

    def wanted(self) -> set[str]:
        return {name for name, ticked in self.cleaned_data.items() if ticked}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def notifications(request):
    form = NotificationsForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        notifications_save(user=request.user, wanted=form.wanted())
        messages.success(request, _("Ihre Einstellungen zu Erinnerungen wurden gespeichert."))
        return redirect("notifications")
    return render(request, "account/notifications.html", {"form": form})
