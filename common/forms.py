"""Base classes of every form of the project (forms, filter forms, admin forms).

They add the input rules that hold for every field of their kind, so that no form can
forget them:

* a single-line text field (a CharField whose widget is not a Textarea) refuses line
  breaks, which would otherwise reach mail headers, CSV rows and list layouts;
* an integer field without an upper bound is bounded to the database's bigint range, so
  a huge number is refused by the form instead of failing in the database;
* an invalid hidden field (a tampered or outdated version number) shows an error at the
  top of the form: its own error would not be visible anywhere.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .input import has_line_break
from .params import BIGINT_MAX

LINE_BREAK_ERROR = _("Bitte ohne Zeilenumbruch eingeben: Dieses Feld ist einzeilig.")
HIDDEN_FIELD_ERROR = _(
    "Das Formular wurde unvollständig oder verändert übertragen. Bitte laden Sie die Seite "
    "neu und geben Sie Ihre Änderungen noch einmal ein.")


def is_single_line(field: forms.Field) -> bool:
    return isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea)


class InputRulesMixin:
    """The rules of the module docstring; mix in before Django's form class."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = getattr(getattr(self, "_meta", None), "model", None)
        for name, field in self.fields.items():
            # FloatField and DecimalField are IntegerFields to Django; their ranges differ.
            if isinstance(field, forms.IntegerField) and not isinstance(
                    field, forms.FloatField | forms.DecimalField):
                _bound_integer(field, *_model_limits(model, name))

    def _clean_fields(self):
        super()._clean_fields()
        hidden_invalid = False
        for name, bound in self._bound_items():
            if name in self._errors:
                hidden_invalid = hidden_invalid or bound.is_hidden
                continue
            field = bound.field
            if not is_single_line(field) or field.disabled:
                continue
            value = bound.data
            if isinstance(value, str) and has_line_break(
                    value.strip() if getattr(field, "strip", False) else value):
                self.add_error(name, ValidationError(LINE_BREAK_ERROR, code="line_break"))
        if hidden_invalid:
            self.add_error(None, ValidationError(HIDDEN_FIELD_ERROR, code="hidden_field"))


def _model_limits(model, name: str) -> tuple[int, int]:
    """The range of the model field behind a form field (bigint if there is none); the
    model checks it too, but only after every form field has passed."""
    minimum, maximum = -BIGINT_MAX - 1, BIGINT_MAX
    try:
        validators = getattr(model._meta.get_field(name), "validators", []) if model else []
    except FieldDoesNotExist:  # a field of the form only
        validators = []
    for validator in validators:
        if isinstance(validator, MinValueValidator) and isinstance(validator.limit_value, int):
            minimum = max(minimum, validator.limit_value)
        elif isinstance(validator, MaxValueValidator) and isinstance(validator.limit_value,
                                                                     int):
            maximum = min(maximum, validator.limit_value)
    return minimum, maximum


def _bound_integer(field: forms.IntegerField, minimum: int, maximum: int) -> None:
    if field.max_value is None:
        field.validators.append(MaxValueValidator(maximum))
    if field.min_value is None:
        field.validators.append(MinValueValidator(minimum))


class Form(InputRulesMixin, forms.Form):
    pass


class ModelForm(InputRulesMixin, forms.ModelForm):
    pass


class Select(forms.Select):
    """A select that renders its options in Python, not through one template include per
    option: the same HTML as Django's templates, at a fraction of the cost (a filter with
    150 options took half of the knowledge start page's time). For selects with many
    options; the class name keeps the widget type "select" (common.rendering's classes)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = []
        for group_name, group_choices, _index in widget["optgroups"]:
            rendered = format_html_join("", '<option value="{}"{}>{}</option>', (
                (str(option["value"]), flatatt(option["attrs"]), option["label"])
                for option in group_choices))
            options.append(format_html('<optgroup label="{}">{}</optgroup>', group_name,
                                       rendered) if group_name else rendered)
        return format_html('<select name="{}"{}>{}</select>', widget["name"],
                           flatatt(widget["attrs"]), mark_safe("".join(options)))  # noqa: S308 (escaped above)
