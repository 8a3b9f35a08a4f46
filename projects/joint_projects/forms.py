"""Forms for joint projects and their milestones."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import Form, ModelForm
from common.params import int_param
from common.phrases import END_BEFORE_START, SLUG_TAKEN, slug_help
from common.slugs import clean_slug
from common.uploads import DOCUMENT_HELP, validate_document
from members.models import Administration

from ..models import JointProject, Milestone, Topic
from .selectors import DECISION_CHOICES_LIMIT, decisions_for_linking


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        # The browser's date field sends and expects ISO dates, whatever the locale.
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DecisionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        day = timezone.localtime(obj.meeting.starts_at).strftime("%d.%m.%Y")
        wording = obj.wording if len(obj.wording) <= 90 else obj.wording[:89] + "…"
        return f"{day} {obj.meeting.title}: {wording}"


class JointProjectForm(ModelForm):
    decisions = DecisionChoiceField(
        label=_("Beschlüsse"), queryset=None, required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = JointProject
        fields = ["title", "slug", "goal", "lead", "participants", "working_group", "stage",
                  "start", "end", "funding_note", "topics", "decisions"]
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 5}),
            "funding_note": forms.Textarea(attrs={"rows": 3}),
            "participants": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
            "start": IsoDateInput,
            "end": IsoDateInput,
        }
        error_messages = {
            "slug": {"unique": SLUG_TAKEN},
        }
        help_texts = {
            "slug": slug_help("baulastenakten", from_title=True),
            "funding_note": _("Förderprogramm, Zuwendungsgeber oder Eigenanteile; nur für "
                              "angemeldete Mitglieder sichtbar."),
        }

    def __init__(self, *args, may_change_lead: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        current = Administration.objects.current().order_by("name")
        project = self.instance
        # Former members stay selectable where the project already names them.
        self.fields["lead"].queryset = current | Administration.objects.filter(
            pk=project.lead_id)
        participants = current
        topics = Topic.objects.filter(is_active=True)
        if project.pk:
            participants = current | Administration.objects.filter(joint_projects=project)
            topics = topics | Topic.objects.filter(projects=project)
        self.fields["participants"].queryset = participants.distinct().order_by("name")
        self.fields["topics"].queryset = topics.distinct()
        if not may_change_lead:
            self.fields["lead"].disabled = True
            self.fields["lead"].help_text = _("Die Federführung ändert die Koordinierungsstelle.")
        self.fields["slug"].required = False
        group = self._chosen_working_group()
        self.fields["decisions"].queryset = decisions_for_linking(working_group=group,
                                                                  project=project)
        self.fields["decisions"].help_text = (
            _("Beschlüsse aus den Sitzungen der gewählten Arbeitsgruppe. Wer die Arbeitsgruppe "
              "wechselt, speichert zuerst und wählt dann die Beschlüsse.") if group
            else _("Ohne Arbeitsgruppe: die %(limit)s neuesten Beschlüsse aller Sitzungen.")
            % {"limit": DECISION_CHOICES_LIMIT})

    def _chosen_working_group(self) -> int | None:
        """The group the decisions come from: the submitted one, else the saved one."""
        if self.is_bound:
            return int_param(self.data.get(self.add_prefix("working_group")), minimum=1)
        return self.instance.working_group_id

    def clean_slug(self) -> str:
        return clean_slug(self.cleaned_data["slug"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", END_BEFORE_START)
        return cleaned


class MilestoneForm(ModelForm):
    class Meta:
        model = Milestone
        fields = ["date", "title", "done"]
        widgets = {"date": IsoDateInput}


class ProjectDocumentForm(Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(label=_("Datei"), help_text=DOCUMENT_HELP,
                           validators=[validate_document])
