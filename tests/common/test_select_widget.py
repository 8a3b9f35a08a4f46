"""common.forms.Select: the same HTML as Django's template-rendered select, faster."""

import pytest
from django import forms
from django.test.html import parse_html

from common.forms import Form, Select

CHOICES = [("", "alle Schlagwörter"), ("e-akte", "E-Akte"), ("haushalt", "Haushalt & <Etat>"),
           ("Gruppe \"A\"", [("a1", "Erste"), ("a2", "Zweite")])]


def _forms():
    class Quick(Form):
        tag = forms.ChoiceField(label="Schlagwort", choices=CHOICES, required=False,
                                help_text="Eine Hilfe", widget=Select)

    class Plain(Form):
        tag = forms.ChoiceField(label="Schlagwort", choices=CHOICES, required=False,
                                help_text="Eine Hilfe")

    return Quick, Plain


@pytest.mark.parametrize("data", [None, {"tag": "haushalt"}, {"tag": "a2"},
                                  {"tag": "gibt-es-nicht"}],
                         ids=["unbound", "selected", "in a group", "invalid"])
def test_select_renders_like_djangos_template(data):
    quick, plain = (form(data) for form in _forms())

    assert parse_html(str(quick)) == parse_html(str(plain))
    html = str(quick["tag"])
    assert "kern-form-input__select" in html  # still the widget type "select"
    assert "Haushalt &amp; &lt;Etat&gt;" in html  # labels escaped
    if data and data["tag"] != "gibt-es-nicht":
        assert f'<option value="{data["tag"]}" selected>' in html
