"""Asking a Rundfrage without JavaScript: the Rundfrage's fields and a formset of question
rows; "Weitere Frage" sends the page back with one more row and everything typed kept."""

from django import forms
from django.db.models import Q
from django.db.models.functions import Lower
from django.forms.utils import ErrorDict, ErrorList
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import HIDDEN_FIELD_ERROR, Form
from common.params import int_param
from meetings.models import WorkingGroup
from members.enums import AdministrationKind
from members.models import Administration
from projects.models import Topic

from ..models import Audience, Poll, QuestionKind, ResultsVisibility
from ..services import QuestionData
from ..services.polls import CHOICE_KINDS

PREFIX = "fragen"
EMPTY_ROWS = 3  # empty question rows of a new Rundfrage
MAX_QUESTIONS = 20
MAX_CHOICES = 30
MAX_NAMES = 500


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class PollForm(Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    context = forms.CharField(
        label=_("Hintergrund"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        max_length=20_000,
        help_text=_("Warum Sie fragen und wofür Sie die Antworten brauchen. Markdown ist "
                    "möglich (Listen, **fett**, Links)."))
    topics = forms.ModelMultipleChoiceField(
        label=_("Themen"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Topic.objects.filter(is_active=True))
    audience = forms.ChoiceField(label=_("Wer wird gefragt?"), choices=Audience.choices,
                                 initial=Audience.ALL, widget=forms.RadioSelect)
    audience_kinds = forms.MultipleChoiceField(
        label=_("Arten von Verwaltungen"), required=False, choices=AdministrationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Nur bei „Mitglieder bestimmter Arten“, z. B. alle Landkreise."))
    audience_groups = forms.ModelMultipleChoiceField(
        label=_("Arbeitsgruppen"), required=False, widget=forms.CheckboxSelectMultiple,
        queryset=WorkingGroup.objects.order_by("name"),
        help_text=_("Nur bei „Mitglieder einer oder mehrerer Arbeitsgruppen“."))
    audience_names = forms.CharField(
        label=_("Ausgewählte Verwaltungen"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=30_000,
        help_text=_("Nur bei „Ausgewählte Verwaltungen“: je Zeile ein Kurzname (z. B. MYK) "
                    "oder der vollständige Name eines Mitglieds."))
    deadline = forms.DateField(label=_("Antworten bis"), widget=IsoDateInput,
                               help_text=_("Bis zum Ende dieses Tages wird geantwortet."))
    results_visibility = forms.ChoiceField(
        label=_("Wer sieht die Ergebnisse?"), choices=ResultsVisibility.choices,
        initial=ResultsVisibility.MEMBERS, widget=forms.RadioSelect)

    @classmethod
    def initial_for(cls, poll: Poll) -> dict:
        return {
            "title": poll.title, "context": poll.context, "topics": list(poll.topics.all()),
            "audience": poll.audience, "audience_kinds": poll.audience_kinds,
            "audience_groups": list(poll.audience_groups.all()),
            "audience_names": "\n".join(
                a.short_name or a.name for a in poll.audience_administrations.order_by("name")),
            "deadline": poll.deadline, "results_visibility": poll.results_visibility,
        }

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("Die Frist darf nicht in der Vergangenheit liegen."))
        return deadline

    def clean(self):
        data = super().clean()
        audience = data.get("audience")
        data["audience_administrations"] = []
        if audience == Audience.KINDS and not data.get("audience_kinds"):
            self.add_error("audience_kinds", _("Bitte wählen Sie mindestens eine Art von "
                                               "Verwaltungen."))
        elif audience == Audience.GROUPS and not data.get("audience_groups"):
            self.add_error("audience_groups", _("Bitte wählen Sie mindestens eine "
                                                "Arbeitsgruppe."))
        elif audience == Audience.CHOSEN and "audience_names" in data:
            self._chosen_clean(data)
        return data

    def _chosen_clean(self, data: dict) -> None:
        names = list(dict.fromkeys(
            line.strip() for line in data["audience_names"].splitlines() if line.strip()))
        if not names:
            self.add_error("audience_names", _("Bitte nennen Sie mindestens eine Verwaltung."))
            return
        if len(names) > MAX_NAMES:
            self.add_error("audience_names", _("Bitte nennen Sie höchstens %(max)d "
                                               "Verwaltungen.") % {"max": MAX_NAMES})
            return
        keys = [name.casefold() for name in names]
        found = list(Administration.objects.current()
                     .annotate(short_key=Lower("short_name"), name_key=Lower("name"))
                     .filter(Q(short_key__in=keys) | Q(name_key__in=keys)))
        known = {a.short_name.casefold() for a in found} | {a.name.casefold() for a in found}
        missing = [name for name in names if name.casefold() not in known]
        if missing:
            self.add_error("audience_names", _(
                "Diese Verwaltungen wurden unter den Mitgliedern nicht gefunden: %(names)s. "
                "Bitte prüfen Sie die Schreibweise (Kurzname oder vollständiger Name, je Zeile "
                "einer).") % {"names": ", ".join(f"„{name}“" for name in missing)})
            return
        data["audience_administrations"] = found


class QuestionForm(Form):
    text = forms.CharField(label=_("Frage"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Art der Antwort"), choices=QuestionKind.choices,
                             initial=QuestionKind.TEXT)
    choices = forms.CharField(
        label=_("Auswahlmöglichkeiten"), required=False, max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Nur bei „Eine Auswahl“ und „Mehrfachauswahl“: eine je Zeile."))
    allow_other = forms.BooleanField(label=_("„Sonstiges“ mit eigener Angabe erlauben"),
                                     required=False)

    def clean(self):
        data = super().clean()
        choices = list(dict.fromkeys(line.strip() for line in data.get("choices", "").splitlines()
                                     if line.strip()))
        data["choice_list"] = choices
        if not data.get("text"):
            if choices:
                self.add_error("text", _("Bitte geben Sie den Text der Frage ein."))
            return data
        if data.get("kind") in CHOICE_KINDS:
            if len(choices) < 2:
                self.add_error("choices", _("Bitte geben Sie mindestens zwei "
                                            "Auswahlmöglichkeiten ein, eine je Zeile."))
            elif len(choices) > MAX_CHOICES:
                self.add_error("choices", _("Bitte geben Sie höchstens %(max)d "
                                            "Auswahlmöglichkeiten ein.") % {"max": MAX_CHOICES})
            elif any(len(choice) > 200 for choice in choices):
                self.add_error("choices", _("Eine Auswahlmöglichkeit darf höchstens 200 "
                                            "Zeichen lang sein."))
        return data

    def question(self) -> QuestionData | None:
        data = self.cleaned_data
        if not data.get("text"):
            return None
        return QuestionData(text=data["text"], kind=data["kind"], choices=data["choice_list"],
                            allow_other=data["allow_other"])


class BaseQuestionFormSet(forms.BaseFormSet):
    default_error_messages = {
        "missing_management_form": HIDDEN_FIELD_ERROR,
        "too_many_forms": _("Bitte stellen Sie höchstens %(num)d Fragen."),
        "too_few_forms": _("Bitte stellen Sie mindestens eine Frage."),
    }

    def clean(self):
        # A broken management form has its own error, which an error raised here would replace.
        if any(self.errors) or not self.management_form.is_valid():
            return
        if not self.questions():
            raise forms.ValidationError(_("Bitte stellen Sie mindestens eine Frage."))

    def questions(self) -> list[QuestionData]:
        return [q for q in (form.question() for form in self.forms
                            if hasattr(form, "cleaned_data")) if q is not None]

    def errors_hidden(self) -> "BaseQuestionFormSet":
        """Render the posted rows as typed, without checking them (for "Weitere Frage")."""
        self._errors, self._non_form_errors = [], ErrorList()
        for form in self.forms:
            form._errors = ErrorDict()
        return self


QuestionFormSet = forms.formset_factory(
    QuestionForm, formset=BaseQuestionFormSet, extra=EMPTY_ROWS, max_num=MAX_QUESTIONS,
    absolute_max=MAX_QUESTIONS, validate_max=True)


def question_formset(data=None, *, poll: Poll | None = None, more: bool = False):
    """The question rows: posted ones (with `more` one empty row added, up to the maximum),
    or the poll's questions plus one empty row, or empty rows for a new Rundfrage."""
    if data is not None:
        if more:
            data = data.copy()
            key = f"{PREFIX}-TOTAL_FORMS"
            rows = int_param(data.get(key), maximum=MAX_QUESTIONS) or 0
            data[key] = str(min(rows + 1, MAX_QUESTIONS))
        return QuestionFormSet(data, prefix=PREFIX)
    initial = []
    if poll is not None:
        initial = [{"text": q.text, "kind": q.kind, "choices": "\n".join(q.choices),
                    "allow_other": q.allow_other} for q in poll.questions.all()]
    formset_class = forms.formset_factory(
        QuestionForm, formset=BaseQuestionFormSet, extra=1 if initial else EMPTY_ROWS,
        max_num=MAX_QUESTIONS, absolute_max=MAX_QUESTIONS, validate_max=True)
    return formset_class(initial=initial or None, prefix=PREFIX)


class ReopenForm(Form):
    deadline = forms.DateField(label=_("Neue Frist"), widget=IsoDateInput,
                               help_text=_("Bis zum Ende dieses Tages wird wieder geantwortet."))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("Die Frist darf nicht in der Vergangenheit liegen."))
        return deadline
