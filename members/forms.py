"""Forms of the members app: an administration's facts, Steckbrief and contacts; inviting,
accepting an invitation and roles; a person's own profile, reminder settings and removal
request."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from common.reminders import reminder_kinds

from .enums import Role
from .models import (
    ADMINISTRATION_CORE_FIELDS,
    ADMINISTRATION_EVERYDAY_FIELDS,
    Administration,
    ContactPerson,
    ProfileQuestion,
    User,
)
from .settings_parts import settings_parts


class AdministrationForm(ModelForm):
    """Editors change the everyday facts; coordinators also the official and membership data."""

    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Administration
        fields = [*ADMINISTRATION_CORE_FIELDS, *ADMINISTRATION_EVERYDAY_FIELDS]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "member_since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "member_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, core: bool, **kwargs):
        """`core`: with the core facts (members.change_administration_core)."""
        super().__init__(*args, **kwargs)
        if not core:
            for name in ADMINISTRATION_CORE_FIELDS:
                del self.fields[name]
        else:
            self.fields["parent"].queryset = Administration.objects.exclude(pk=self.instance.pk)


class ProfileForm(Form):
    """One text field and one visibility checkbox per active Steckbrief question."""

    def __init__(self, *args, questions: list[ProfileQuestion], answers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            answer = answers.get(question.pk)
            self.fields[f"answer_{question.pk}"] = forms.CharField(
                label=question.text, help_text=question.help_text, required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=answer.text if answer else "",
            )
            self.fields[f"public_{question.pk}"] = forms.BooleanField(
                label=_("Antwort öffentlich zeigen"), required=False,
                initial=answer.is_public if answer else True,
            )

    def answers(self) -> list[tuple[ProfileQuestion, str, bool]]:
        return [
            (q, self.cleaned_data[f"answer_{q.pk}"], self.cleaned_data[f"public_{q.pk}"])
            for q in self.questions
        ]

    def field_pairs(self):
        """(answer field, visibility field) per question, for the template."""
        return [(self[f"answer_{q.pk}"], self[f"public_{q.pk}"]) for q in self.questions]


class ContactForm(ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["name", "function", "function_other", "department", "email", "phone",
                  "expertise", "is_public", "order"]


class OfferedRoleField(forms.ChoiceField):
    """Offers the roles the inviting person may hand out, but accepts every role: whether
    they may hand out the one sent is for the service to decide (a refusal, not a form
    error)."""

    def valid_value(self, value) -> bool:
        return value in Role.values


class InvitationForm(Form):
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    first_name = forms.CharField(label=_("Vorname"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Nachname"), max_length=150, required=False)
    role = OfferedRoleField(label=_("Rolle"))

    def __init__(self, *args, roles: list[str], **kwargs):
        """`roles`: those offered (members.rules.invitable_roles)."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]
        self.fields["role"].initial = Role.READER


class RoleForm(Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=Role.choices)


class InvitationAcceptForm(Form):
    first_name = forms.CharField(label=_("Vorname"), max_length=150)
    last_name = forms.CharField(label=_("Nachname"), max_length=150)
    password1 = forms.CharField(
        label=_("Passwort"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Mindestens 10 Zeichen; nicht nur Ziffern und kein gängiges Passwort."),
    )
    password2 = forms.CharField(
        label=_("Passwort wiederholen"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Die beiden Passwörter stimmen nicht überein."))
        elif password1:
            probe = User(email=self.email, first_name=cleaned.get("first_name", ""),
                         last_name=cleaned.get("last_name", ""))
            try:
                validate_password(password1, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


PHONE_ERROR = _("Bitte nur Ziffern, Leerzeichen und + ( ) / - eingeben, z. B. +49 261 108-0.")


class OwnProfileForm(ModelForm):
    """A person's own name, phone and function (Mein Profil)."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "phone", "function"]
        widgets = {"phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
                   "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
                   "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
                   "function": forms.TextInput(attrs={"autocomplete": "organization-title"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Content names people by their name; an empty one would show the address instead.
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and (not any(c.isdigit() for c in phone)
                      or any(not (c.isascii() and (c.isdigit() or c in " +()/-")) for c in phone)):
            raise forms.ValidationError(PHONE_ERROR)
        return phone


class RemovalRequestForm(Form):
    confirm = forms.BooleanField(
        label=_("Ich möchte, dass mein Konto entfernt wird."),
        error_messages={"required": _("Bitte bestätigen Sie, dass Ihr Konto entfernt werden "
                                      "soll.")})


class NotificationsForm(Form):
    """The settings other apps add (members.settings_parts, e.g. the e-mail digest), then
    one checkbox per reminder kind; ticked means the person wants these mails."""

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.part_fields: dict[str, list[str]] = {}
        for part in settings_parts():
            fields = part.fields(user)
            self.fields.update(fields)
            self.part_fields[part.key] = list(fields)
        for kind in reminder_kinds(user):
            self.fields[kind.value] = forms.BooleanField(
                label=kind.label, help_text=kind.help_text, required=False,
                initial=kind.value not in user.muted_reminders)

    def _part_names(self) -> set[str]:
        return {name for names in self.part_fields.values() for name in names}

    def part_boundfields(self) -> list:
        return [self[name] for name in self.fields if name in self._part_names()]

    def reminder_boundfields(self) -> list:
        return [self[name] for name in self.fields if name not in self._part_names()]

    def wanted(self) -> set[str]:
        parts = self._part_names()
        return {name for name, ticked in self.cleaned_data.items()
                if ticked and name not in parts}
