"""The category form of the coordination office."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm
from common.phrases import SLUG_TAKEN, slug_help
from common.slugs import clean_slug

from ..models import Category
from ..review_dates import REVIEW_INTERVAL_DEFAULT, interval_field_bound


class CategoryForm(ModelForm):
    class Meta:
        model = Category
        fields = ["name", "slug", "description", "position", "review_interval_months"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "name": {"unique": _("Eine Kategorie mit diesem Namen gibt es schon.")},
            "slug": {"unique": SLUG_TAKEN},
        }
        help_texts = {
            "slug": slug_help("gute-beispiele"),
            "description": _("Ein, zwei Sätze, was in diese Kategorie gehört; erscheint auf "
                             "der Startseite des Wissensbereichs."),
            "position": _("Kleinere Zahlen stehen weiter vorn."),
            "review_interval_months": _(
                "Nach so vielen Monaten werden Autorinnen und Autoren erinnert, ihre Artikel "
                "dieser Kategorie auf Aktualität zu prüfen (leer: %(default)s Monate). Ein "
                "Artikel kann ein eigenes Intervall haben.") % {"default": REVIEW_INTERVAL_DEFAULT},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["review_interval_months"].required = False
        interval_field_bound(self.fields["review_interval_months"])

    def clean_review_interval_months(self) -> int:
        value = self.cleaned_data["review_interval_months"]
        return REVIEW_INTERVAL_DEFAULT if value is None else value

    def clean_slug(self) -> str:
        return clean_slug(self.cleaned_data["slug"])
