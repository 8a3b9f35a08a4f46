"""Form rendering in the KERN UX style: label, hint and error beside every field.

settings.FORM_RENDERER points here, so every form, filter form and formset renders through
templates/forms/ (one include that shows labels, help texts and errors next to the field,
linked with aria-describedby).
"""

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting

_WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "radioselect": "kern-form-check__radio",
    "checkboxselectmultiple": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
    "selectmultiple": "kern-form-input__select",
    "nullbooleanselect": "kern-form-input__select",
    "csvselect": "kern-form-input__select",  # django-filter's ordering select
}


class KernBoundField(BoundField):
    """Adds the KERN classes; Django itself sets aria-describedby and aria-invalid."""

    @property
    def kern_class(self) -> str:
        return _WIDGET_CLASSES.get(self.widget_type, "kern-form-input__input")

    @property
    def is_single_select(self) -> bool:
        widget = self.field.widget
        return self.kern_class == "kern-form-input__select" and not widget.allow_multiple_selected

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        base = self.kern_class
        classes = [attrs.get("class", ""), base, f"{base}--error" if self.errors else ""]
        attrs["class"] = " ".join(c for c in classes if c)
        return attrs


class KernFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = KernBoundField
