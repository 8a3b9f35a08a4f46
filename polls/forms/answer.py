"""The answer form: one group of fields per question (its kind decides which), "Keine
Angabe möglich" for each, and the version of the answer the form was opened with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import Form

from ..models import Answer, Question, QuestionKind
from ..services import ItemData
from .poll import IsoDateInput

YES, NO = "ja", "nein"
MISSING = _("Bitte beantworten Sie diese Frage oder kreuzen Sie „Keine Angabe möglich“ an.")
BOTH = _("Bitte geben Sie entweder eine Antwort oder „Keine Angabe möglich“ an, nicht beides.")


def _value_field(question: Question) -> forms.Field:
    label = question.text
    kind = question.kind
    if kind == QuestionKind.SINGLE:
        return forms.ChoiceField(label=label, required=False, widget=forms.RadioSelect,
                                 choices=[(c, c) for c in question.choices])
    if kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(label=label, required=False,
                                         widget=forms.CheckboxSelectMultiple,
                                         choices=[(c, c) for c in question.choices])
    if kind == QuestionKind.YES_NO:
        return forms.ChoiceField(label=label, required=False, widget=forms.RadioSelect,
                                 choices=[(YES, _("Ja")), (NO, _("Nein"))])
    if kind == QuestionKind.NUMBER:
        return forms.DecimalField(label=label, required=False, max_digits=14,
                                  decimal_places=2, localize=True,
                                  help_text=_("Eine Zahl, z. B. 12 oder 3,5."))
    if kind == QuestionKind.DATE:
        return forms.DateField(label=label, required=False, widget=IsoDateInput)
    return forms.CharField(label=label, required=False, max_length=10_000,
                           widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, questions: list[Question], answer: Answer | None = None,
                 finalise: bool = False, **kwargs):
        self.questions, self.finalise = questions, finalise
        kwargs.setdefault("initial", self.initial_from(answer))
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q{question.pk}_value"] = _value_field(question)
            if question.allow_other and question.kind in (QuestionKind.SINGLE,
                                                          QuestionKind.MULTIPLE):
                self.fields[f"q{question.pk}_other"] = forms.CharField(
                    label=_("Sonstiges"), required=False, max_length=200)
            self.fields[f"q{question.pk}_none"] = forms.BooleanField(
                label=_("Keine Angabe möglich"), required=False)

    def initial_from(self, answer: Answer | None) -> dict:
        initial = {"version": answer.version if answer else 0}
        kinds = {question.pk: question.kind for question in self.questions}
        for item in answer.items.all() if answer else []:
            key, kind = f"q{item.question_id}", kinds.get(item.question_id)
            initial[f"{key}_none"] = item.not_possible
            initial[f"{key}_other"] = item.other
            initial[f"{key}_value"] = {
                QuestionKind.SINGLE: item.choices[0] if item.choices else None,
                QuestionKind.MULTIPLE: item.choices,
                QuestionKind.YES_NO: {True: YES, False: NO}.get(item.yes),
                QuestionKind.NUMBER: item.number,
                QuestionKind.DATE: item.date,
            }.get(kind, item.text)
        return initial

    def rows(self):
        """Per question: the question and its bound fields (for the template)."""
        for question in self.questions:
            key = f"q{question.pk}"
            yield question, [self[name] for name in (f"{key}_value", f"{key}_other",
                                                     f"{key}_none") if name in self.fields]

    def clean(self):
        data = super().clean()
        for question in self.questions:
            key = f"q{question.pk}"
            item = self._item(question, data)
            if item.not_possible and not ItemData(**{
                    **item.__dict__, "not_possible": False}).is_empty():
                self.add_error(f"{key}_none", BOTH)
            elif self.finalise and item.is_empty():
                self.add_error(f"{key}_value", MISSING)
        return data

    def _item(self, question: Question, data: dict) -> ItemData:
        key = f"q{question.pk}"
        value = data.get(f"{key}_value")
        not_possible = bool(data.get(f"{key}_none"))
        other = data.get(f"{key}_other") or ""
        kind = question.kind
        if kind == QuestionKind.SINGLE:
            return ItemData(not_possible=not_possible, choices=[value] if value else [],
                            other=other)
        if kind == QuestionKind.MULTIPLE:
            return ItemData(not_possible=not_possible, choices=list(value or []), other=other)
        if kind == QuestionKind.YES_NO:
            return ItemData(not_possible=not_possible,
                            yes={YES: True, NO: False}.get(value))
        if kind == QuestionKind.NUMBER:
            return ItemData(not_possible=not_possible, number=value)
        if kind == QuestionKind.DATE:
            return ItemData(not_possible=not_possible, date=value)
        return ItemData(not_possible=not_possible, text=(value or "").strip())

    def items(self) -> dict[int, ItemData]:
        return {question.pk: self._item(question, self.cleaned_data)
                for question in self.questions}
