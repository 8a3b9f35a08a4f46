"""Forms of the results pages: the filter by kind of administration, the asker's summary,
and the category of the knowledge article made from the results."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from knowledge.models import Category
from members.enums import AdministrationKind

from ..models import Poll


class KindFilter(Form):
    """`?art=landkreis`: results of one kind of administration (GET)."""

    art = forms.ChoiceField(label=_("Art der Verwaltung"), required=False,
                            choices=[("", _("alle Arten"))] + AdministrationKind.choices,
                            error_messages={"invalid_choice": _(
                                "„%(value)s“ ist keine bekannte Art der Verwaltung. Gezeigt "
                                "werden die Antworten aller befragten Verwaltungen.")})

    def kind(self) -> str:
        """The valid chosen kind, or "" (all) when none or an invalid one was sent."""
        if not self.is_bound or not self.is_valid():
            return ""
        return self.cleaned_data["art"]

    def query(self) -> str:
        """The valid filter as a query string for the download links ("" without one)."""
        kind = self.kind()
        return f"?{urlencode({'art': kind})}" if kind else ""


class SummaryForm(ModelForm):
    class Meta:
        model = Poll
        fields = ["summary", "summary_public"]
        labels = {"summary_public": _("Zusammenfassung öffentlich zeigen")}
        help_texts = {
            "summary": _("Markdown. Fassen Sie die Ergebnisse in eigenen Worten zusammen."),
            "summary_public": _(
                "Dann kann jede Person die Zusammenfassung mit Titel und Zahl der Antworten "
                "unter ihrer Adresse lesen, auch ohne Anmeldung; Namen der Verwaltungen und "
                "einzelne Antworten bleiben intern."),
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 12})}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("summary_public") and not (cleaned.get("summary") or "").strip():
            self.add_error("summary_public", _(
                "Eine leere Zusammenfassung kann nicht veröffentlicht werden. Bitte schreiben "
                "Sie zuerst die Zusammenfassung."))
        return cleaned


class ArticleFromPollForm(Form):
    category = forms.ModelChoiceField(
        label=_("Kategorie des Artikels"), queryset=Category.objects.order_by("position", "name"),
        empty_label=_("Bitte wählen"),
        help_text=_("Der Artikel wird als interner Artikel angelegt; Sie können ihn danach "
                    "bearbeiten und veröffentlichen."))
