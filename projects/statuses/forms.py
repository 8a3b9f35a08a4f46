"""The form of one status (with the version it started from) and the OZG service picker."""

from django import forms
from django.db.models import QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from common.forms import Form
from members.models import ContactPerson

from ..enums import MATURITY_DESCRIPTIONS, Maturity
from ..models import OzgService, Status

STATUS_FIELDS = ["stage", "maturity", "since", "department", "product", "contact", "note"]
PRODUCT_LIST_ID = "produkt-vorschlaege"


def maturity_help() -> str:
    """The official meaning of every OZG maturity level, as a list under the field."""
    items = format_html_join("", "<li>{}: {}</li>", (
        (level.label, MATURITY_DESCRIPTIONS[level]) for level in Maturity))
    return format_html("{}<ul class=\"kern-list\">{}</ul>",
                       _("Reifegrade nach dem OZG-Reifegradmodell:"), items)


class StatusForm(Form):
    """The fields of one status; `version` is the version the editor started from."""

    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, contacts: QuerySet[ContactPerson], with_maturity: bool, **kwargs):
        super().__init__(*args, **kwargs)
        fields = forms.fields_for_model(Status, fields=STATUS_FIELDS, widgets={
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "product": forms.TextInput(attrs={"list": PRODUCT_LIST_ID, "autocomplete": "off"}),
            "note": forms.Textarea(attrs={"rows": 4}),
        }, help_texts={
            "product": _("Damit andere Mitglieder sehen, wer dasselbe Produkt nutzt. "
                         "Vorschläge stammen aus den Angaben anderer Mitglieder."),
            "department": _("z. B. Amt, Fachbereich oder Stabsstelle"),
        })
        fields["contact"].queryset = contacts
        fields["contact"].empty_label = _("– keine –")
        if with_maturity:
            fields["maturity"].help_text = maturity_help()
            fields["maturity"].choices = [("", _("– nicht angegeben –")), *Maturity.choices]
        else:
            del fields["maturity"]
        self.fields.update(fields)

    @staticmethod
    def initial_for(status: Status | None) -> dict:
        if status is None:
            return {"version": 0}
        return {"version": status.version, "contact": status.contact_id,
                **{name: getattr(status, name) for name in STATUS_FIELDS if name != "contact"}}

    def status_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in STATUS_FIELDS if name in self.fields}


class OzgPickForm(Form):
    ozg_id = forms.IntegerField(label=_("OZG-ID"), min_value=1)

    def clean_ozg_id(self) -> int:
        ozg_id = self.cleaned_data["ozg_id"]
        if not OzgService.objects.filter(ozg_id=ozg_id).exists():
            raise forms.ValidationError(_("Eine OZG-Leistung mit der ID %(id)s gibt es nicht."),
                                        params={"id": ozg_id})
        return ozg_id
