"""The article editor."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.forms import ModelForm
from meetings.models import Meeting
from members.models import Administration
from projects.models import JointProject, Topic

from ..models import Article, Category
from ..review_dates import interval_field_bound

# The meeting picker offers meetings of this many past days, every upcoming one, and those
# the article already links.
MEETING_CHOICES_DAYS = 730
TAG_MAX_LENGTH = 100

BODY_HELP = _(
    "Markdown: Leerzeile für einen neuen Absatz, <code># Abschnitt</code> für eine "
    "Zwischenüberschrift (<code>## Unterabschnitt</code> darunter), <code>**fett**</code>, "
    "<code>*kursiv*</code>, "
    "<code>- Punkt</code> für Listen, <code>[Linktext](https://…)</code> für Links. "
    "Tabellen: Spalten mit <code>|</code> trennen, unter der Kopfzeile eine Zeile wie "
    "<code>| --- | --- |</code>. HTML wird nicht übernommen; Bilder erscheinen als Link."
)


class CommaTagWidget(forms.TextInput):
    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            value = ", ".join(sorted((getattr(tag, "name", tag) for tag in value), key=str.lower))
        return super().format_value(value)


class CommaTagField(forms.CharField):
    """Tags separated by commas only, so "digitale Verwaltung" stays one tag."""

    widget = CommaTagWidget

    def clean(self, value) -> list[str]:
        value = super().clean(value) or ""
        names, seen = [], set()
        for part in value.split(","):
            name = " ".join(part.split())
            if not name or name.lower() in seen:
                continue
            if len(name) > TAG_MAX_LENGTH:
                raise forms.ValidationError(
                    _("Ein Schlagwort darf höchstens %(max)s Zeichen lang sein."),
                    params={"max": TAG_MAX_LENGTH}, code="tag_too_long")
            seen.add(name.lower())
            names.append(name)
        return names


class MeetingChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        day = timezone.localtime(obj.starts_at).strftime("%d.%m.%Y")
        return f"{day} · {obj.title} ({obj.working_group.name})"


class ArticleForm(ModelForm):
    tags = CommaTagField(
        label=_("Schlagwörter"), required=False, max_length=1000,
        help_text=_("Durch Kommas getrennt, z. B. „E-Akte, Ausländerbehörde, Scannen“."))
    meetings = MeetingChoiceField(
        label=_("Sitzungen"), queryset=Meeting.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Neueste zuerst; mehrere wählen Sie mit gedrückter Strg- bzw. Cmd-Taste."))
    message = forms.CharField(
        label=_("Änderungsnotiz"), required=False, max_length=200,
        help_text=_("Was haben Sie geändert? Die Notiz erscheint in der Versionsgeschichte."))
    revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    class Meta:
        model = Article
        fields = ["title", "summary", "body", "category", "tags", "visibility",
                  "administration", "topics", "joint_projects", "meetings",
                  "review_interval_months"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 20, "spellcheck": "true"}),
            "visibility": forms.RadioSelect,
            "topics": forms.CheckboxSelectMultiple,
            "joint_projects": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "summary": _("Zwei, drei Sätze: Worum geht es, für wen ist es nützlich? "
                         "Erscheint in Listen und Suchergebnissen."),
            "body": BODY_HELP,
            "visibility": _("Öffentliche Artikel sehen auch Besucherinnen und Besucher "
                            "ohne Anmeldung."),
            "topics": _("Mitglieder, die diese Themen schon umsetzen, erscheinen im Kasten "
                        "„Wer kann helfen?“."),
            "review_interval_months": _(
                "Nach so vielen Monaten werden Sie erinnert, den Artikel auf Aktualität zu "
                "prüfen. Leer lassen: das Intervall der Kategorie gilt (meist 12 Monate)."),
        }

    def __init__(self, *args, user, may_choose_administration: bool, **kwargs):
        super().__init__(*args, **kwargs)
        article = self.instance
        self.fields["category"].queryset = Category.objects.order_by("position", "name")
        self.fields["category"].empty_label = _("Bitte wählen")
        self._limit_administration(user, may_choose_administration)
        interval_field_bound(self.fields["review_interval_months"])
        topics = Topic.objects.filter(is_active=True)
        recent = timezone.now() - timedelta(days=MEETING_CHOICES_DAYS)
        meetings = Meeting.objects.filter(starts_at__gte=recent)
        if article.pk:
            topics = topics | Topic.objects.filter(articles=article)
            meetings = meetings | Meeting.objects.filter(articles=article)
            self.initial.setdefault("revision", article.revision_number)
            # Without it a save would silently replace whatever someone else saved meanwhile;
            # a missing or tampered value shows the error of common.forms at the top.
            self.fields["revision"].required = True
        self.fields["topics"].queryset = topics.distinct()
        self.fields["joint_projects"].queryset = JointProject.objects.order_by("title")
        self.fields["meetings"].queryset = (meetings.distinct().select_related("working_group")
                                            .order_by("-starts_at", "pk"))

    def _limit_administration(self, user, may_choose: bool) -> None:
        field = self.fields["administration"]
        own = self.instance.administration_id if self.instance.pk else user.administration_id
        field.queryset = (Administration.objects.current()
                          | Administration.objects.filter(pk=own)).distinct().order_by("name")
        if may_choose:
            # Every article names who shares it; the coordination office may credit anyone.
            field.required = True
            field.empty_label = _("Bitte wählen")
            self.initial["administration"] = own
            field.help_text = _("Die Verwaltung, die ihr Wissen hier teilt. Ihre Redaktion "
                                "darf den Artikel ebenfalls bearbeiten.")
            return
        field.disabled = True
        field.required = own is not None
        self.initial["administration"] = own
        field.help_text = _("Artikel erscheinen unter Ihrer Verwaltung. Eine andere Verwaltung "
                            "kann nur die Koordinierungsstelle eintragen.")

    def article_fields(self) -> dict:
        """Plain fields for the article services (relations are passed separately)."""
        names = ("title", "summary", "body", "category", "visibility", "administration",
                 "review_interval_months")
        return {name: self.cleaned_data[name] for name in names}

    def relations(self) -> dict:
        return {name: self.cleaned_data[name]
                for name in ("tags", "topics", "joint_projects", "meetings")}
