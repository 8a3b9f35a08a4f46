"""The flow of the small coordinator forms (agenda item, decision, action item)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def form_page(request, meeting, form, title: str, anchor: str, save):
    """Validate, call the service (`save(fields)`), go back to the meeting's section; a
    refusal of the service is shown on the form."""
    if request.method == "POST" and form.is_valid():
        try:
            save({name: form.cleaned_data[name] for name in form.fields})
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Gespeichert."))
            return redirect(meeting.get_absolute_url() + anchor)
    return render(request, "meetings/item_form.html",
                  {"meeting": meeting, "form": form, "title": title, "anchor": anchor})
