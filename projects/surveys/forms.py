"""Opening a survey round, and the answer form: one row form per status in scope."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from meetings.enums import MeetingState
from meetings.models import Meeting

from ..enums import Maturity, Stage
from ..models import OzgThemenfeld, SurveyRound, Topic
from .selectors import SurveyRow
from .services import SurveyAnswer


class SurveyRoundForm(ModelForm):
    class Meta:
        model = SurveyRound
        fields = ["title", "topics", "themenfelder", "deadline", "meeting"]
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "themenfelder": forms.CheckboxSelectMultiple,
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "themenfelder": _("Abgefragt werden die OZG-Leistungen dieser Themenfelder, zu "
                              "denen ein Mitglied schon einen Sachstand erfasst hat."),
            "meeting": _("Die Sitzung, die diese Erhebung vorbereitet."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.filter(is_active=True)
        self.fields["themenfelder"].queryset = OzgThemenfeld.objects.all()
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(starts_at__gte=timezone.now())
            .exclude(state=MeetingState.CANCELLED).order_by("starts_at"))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("Die Frist darf nicht in der Vergangenheit liegen."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topics") and not cleaned.get("themenfelder"):
            raise forms.ValidationError(_("Bitte wählen Sie mindestens ein Thema oder ein "
                                          "OZG-Themenfeld."))
        return cleaned


ANSWER_FIELDS = ("stage", "maturity", "since", "product", "note")


class SurveyRowForm(Form):
    """One status of the answer form: tick "unverändert" or enter the new values."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    unchanged = forms.BooleanField(label=_("unverändert"), required=False)
    stage = forms.TypedChoiceField(label=_("Stand"), coerce=int, empty_value=None,
                                   required=False,
                                   choices=[("", _("– bitte wählen –")), *Stage.choices])
    maturity = forms.TypedChoiceField(label=_("Reifegrad"), coerce=int, empty_value=None,
                                      required=False,
                                      choices=[("", _("– ohne –")), *Maturity.choices])
    since = forms.DateField(
        label=_("seit"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Seit wann dieser Stand gilt. Ändern Sie den Stand und lassen dieses "
                    "Datum unverändert, gilt der heutige Tag."))
    product = forms.CharField(label=_("Produkt/Anbieter"), max_length=200, required=False)
    note = forms.CharField(label=_("Notiz"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, row: SurveyRow, **kwargs):
        status = row.status
        initial = {"version": status.version if status else 0}
        if status:
            initial.update(stage=status.stage, maturity=status.maturity, since=status.since,
                           product=status.product, note=status.note)
        super().__init__(*args, prefix=row.key, initial=initial, **kwargs)
        self.row = row
        self.conflict = ""
        if row.topic is not None:
            del self.fields["maturity"]
        if status is not None:
            # A recorded status always has a stage; only a new one may stay empty.
            self.fields["stage"].choices = Stage.choices
            self.fields["stage"].required = True

    def changes(self) -> dict:
        """The entered values that differ from the stored status (all for a new one)."""
        values = {name: self.cleaned_data[name] for name in ANSWER_FIELDS
                  if name in self.fields}
        status = self.row.status
        if status is None:
            return values
        return {name: value for name, value in values.items()
                if getattr(status, name) != value}

    def is_stale(self) -> bool:
        status = self.row.status
        return self.cleaned_data.get("version") != (status.version if status else 0)

    def _entered(self) -> bool:
        """Whether the row asks for a change: other values than stored, or any value for a
        topic without a status yet."""
        if self.row.status is not None:
            return bool(self.changes())
        return any(value not in (None, "") for value in self.changes().values())

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if self.is_stale():
            # Someone saved this row meanwhile; the service reports it as a conflict.
            if not cleaned["unchanged"] and cleaned["stage"] is None:
                raise forms.ValidationError(_("Bitte wählen Sie einen Stand."))
            return cleaned
        if cleaned["unchanged"]:
            if self._entered():
                raise forms.ValidationError(_(
                    "Sie haben Werte geändert und zugleich „unverändert“ angekreuzt. Bitte "
                    "nehmen Sie das Kreuz heraus oder die Änderung zurück."))
        elif cleaned["stage"] is None:
            raise forms.ValidationError(_("Bitte wählen Sie einen Stand oder kreuzen Sie "
                                          "„unverändert“ an."))
        elif not self._entered():
            raise forms.ValidationError(_("Bitte bestätigen Sie den Stand mit „unverändert“ "
                                          "oder tragen Sie den neuen Stand ein."))
        return cleaned

    def answer(self) -> SurveyAnswer:
        unchanged = self.cleaned_data["unchanged"]
        return SurveyAnswer(expected_version=self.cleaned_data["version"], unchanged=unchanged,
                            fields={} if unchanged else self.changes(),
                            topic=self.row.topic, service=self.row.service)


def survey_row_forms(rows: list[SurveyRow], data=None) -> list[SurveyRowForm]:
    return [SurveyRowForm(data, row=row) for row in rows]
