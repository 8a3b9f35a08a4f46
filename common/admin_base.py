"""Base classes for the project's Django admin: its forms follow the input rules of
common.forms like every other form (no line breaks in single-line fields, bounded numbers).

Registers nothing itself.
"""

from django.contrib import admin
from django.db import models

from .forms import ModelForm

# Addresses typed without a scheme are https (Django 6's default; the portal's forms do so).
FORMFIELD_OVERRIDES = {models.URLField: {"assume_scheme": "https"}}


class ModelAdmin(admin.ModelAdmin):
    form = ModelForm
    formfield_overrides = FORMFIELD_OVERRIDES

    def get_changelist_form(self, request, **kwargs):
        # `list_editable` rows: Django would build them from its plain ModelForm.
        kwargs.setdefault("form", ModelForm)
        return super().get_changelist_form(request, **kwargs)


class TabularInline(admin.TabularInline):
    form = ModelForm
    formfield_overrides = FORMFIELD_OVERRIDES


class StackedInline(admin.StackedInline):
    form = ModelForm
    formfield_overrides = FORMFIELD_OVERRIDES
