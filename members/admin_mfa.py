"""The admin of allauth's second factors with German labels: allauth's own admin shows its
model's field names ("Created at", "Last used at"), which have no translation."""

from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from common.admin_base import ModelAdmin
from common.forms import ModelForm

LABELS = {"user": _("Person"), "type": _("Art"), "data": _("Daten"),
          "created_at": _("eingerichtet am"), "last_used_at": _("zuletzt benutzt am")}


class AuthenticatorForm(ModelForm):
    class Meta:
        model = Authenticator
        fields = "__all__"
        labels = LABELS


class _TitledDateFilter(admin.DateFieldListFilter):
    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = LABELS[field_path]


class _TitledChoicesFilter(admin.ChoicesFieldListFilter):
    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = LABELS[field_path]


class AuthenticatorAdmin(ModelAdmin):
    form = AuthenticatorForm
    raw_id_fields = ["user"]
    list_display = ["person", "kind", "created", "last_used"]
    list_filter = [("type", _TitledChoicesFilter), ("created_at", _TitledDateFilter),
                   ("last_used_at", _TitledDateFilter)]

    @admin.display(description=LABELS["user"], ordering="user__email")
    def person(self, obj):
        return obj.user

    @admin.display(description=LABELS["type"], ordering="type")
    def kind(self, obj):
        return obj.get_type_display()

    @admin.display(description=LABELS["created_at"], ordering="created_at")
    def created(self, obj):
        return obj.created_at

    @admin.display(description=LABELS["last_used_at"], ordering="last_used_at")
    def last_used(self, obj):
        return obj.last_used_at


def register() -> None:
    """Replace allauth's registration (called from members.admin)."""
    if admin.site.is_registered(Authenticator):
        admin.site.unregister(Authenticator)
    admin.site.register(Authenticator, AuthenticatorAdmin)
