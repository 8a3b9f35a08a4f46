"""The directory: administrations (members of the network and those imported from the
municipality directory), their Steckbrief questions and answers, and contact persons."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import rules as member_rules
from ..enums import AdministrationKind, ContactFunction, FederalState
from ..validators import validate_logo, validate_regional_key, validate_regional_key_state


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:  # a value no longer among the choices: shown as stored
        return value


class AdministrationQuerySet(models.QuerySet):
    """Administrations known to the platform; only those that joined are members."""

    def current(self, on: date | None = None) -> "AdministrationQuerySet":
        """Members on the given day (today by default): joined, and not yet left."""
        on = on or timezone.localdate()
        return self.filter(member_since__lte=on).filter(
            models.Q(member_until__isnull=True) | models.Q(member_until__gt=on)
        )

    def ever_members(self) -> "AdministrationQuerySet":
        """Current and former members; former ones stay in history."""
        return self.filter(member_since__isnull=False)


# An administration's official and membership data: only the coordination office changes
# them (members.change_administration_core, checked in services.administrations). The
# Redaktion of the administration keeps the everyday facts.
ADMINISTRATION_CORE_FIELDS = ("name", "slug", "kind", "federal_state", "regional_key", "parent",
                              "member_since", "member_until", "membership_number")
ADMINISTRATION_EVERYDAY_FIELDS = ("short_name", "seat", "address", "website", "logo",
                                  "population", "area_km2")


class Administration(models.Model):
    """A member of the network: a district, city, municipality or IT service provider."""

    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=30, blank=True)
    slug = models.SlugField(_("Kurzadresse"), max_length=100, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=AdministrationKind.choices)
    federal_state = models.CharField(_("Bundesland"), max_length=2, choices=FederalState.choices)
    regional_key = models.CharField(
        _("Regionalschlüssel"), max_length=12, blank=True, null=True, unique=True,
        validators=[validate_regional_key],
        help_text=_("Amtlicher Regionalschlüssel: 5 Ziffern für einen Kreis oder eine "
                    "kreisfreie Stadt, 9 für einen Gemeindeverband, 12 für eine Gemeinde."),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("Übergeordnete Verwaltung"), on_delete=models.PROTECT,
        related_name="children", null=True, blank=True,
        help_text=_("Zum Beispiel der Kreis einer kreisangehörigen Gemeinde."),
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("Fläche in km²"), max_digits=8, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0, message=_("Die Fläche kann nicht negativ sein."))],
    )
    seat = models.CharField(_("Sitz"), max_length=200, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    logo = models.ImageField(
        _("Logo"), upload_to="logos/", blank=True, validators=[validate_logo],
        help_text=_("PNG, JPEG oder WebP, höchstens 1 MB."),
    )
    member_since = models.DateField(_("Mitglied seit"), null=True, blank=True)
    member_until = models.DateField(
        _("Mitglied bis"), null=True, blank=True,
        help_text=_("Nach diesem Tag gilt die Verwaltung als ehemaliges Mitglied."),
    )
    membership_number = models.PositiveIntegerField(
        _("Mitgliedsnummer"), null=True, blank=True, unique=True,
        help_text=_("Reihenfolge des Beitritts."),
    )

    objects = AdministrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Verwaltung")
        verbose_name_plural = _("Verwaltungen")
        ordering = ["name"]
        # The directory and every list of members read them by name, a page at a time.
        indexes = [models.Index(fields=["name"], name="administration_name")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(regional_key__isnull=True)
                | models.Q(regional_key__regex=r"^([0-9]{5}|[0-9]{9}|[0-9]{12})$"),
                name="administration_regional_key_format",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="administration_not_own_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(member_until__isnull=True)
                | models.Q(member_since__isnull=True)
                | models.Q(member_until__gte=models.F("member_since")),
                name="administration_membership_dates_ordered",
            ),
            # population is a PositiveIntegerField and has its own check in the database.
            models.CheckConstraint(
                condition=models.Q(area_km2__isnull=True) | models.Q(area_km2__gte=0),
                name="administration_area_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:detail", args=[self.slug])

    # Through the enums, not Django's generated get_FOO_display(), which flattens all
    # choices on every call: lists show these for dozens of members per page.
    def get_kind_display(self) -> str:
        return _label(AdministrationKind, self.kind)

    def get_federal_state_display(self) -> str:
        return _label(FederalState, self.federal_state)

    @property
    def is_former(self) -> bool:
        return self.member_until is not None and self.member_until <= timezone.localdate()

    def clean(self) -> None:
        errors = {}
        if self.regional_key:
            try:
                validate_regional_key_state(self.regional_key, self.federal_state)
            except ValidationError as error:
                errors["regional_key"] = error
        if self.parent_id and self._parent_chain_contains_self():
            errors["parent"] = ValidationError(
                _("Diese Zuordnung ergäbe einen Kreis: eine Verwaltung kann nicht unter sich "
                  "selbst oder einer ihrer untergeordneten Verwaltungen stehen."), code="cycle")
        if self.member_since and self.member_until and self.member_until < self.member_since:
            errors["member_until"] = ValidationError(
                _("Das Ende der Mitgliedschaft liegt vor ihrem Beginn."), code="order")
        if errors:
            raise ValidationError(errors)

    def _parent_chain_contains_self(self) -> bool:
        seen, current = set(), self.parent
        while current is not None and current.pk not in seen:
            if self.pk is not None and current.pk == self.pk:
                return True
            seen.add(current.pk)
            current = current.parent
        return False


class ProfileQuestion(models.Model):
    """A question of the Steckbrief, maintained by the coordination office."""

    text = models.CharField(_("Frage"), max_length=300)
    help_text = models.CharField(_("Hinweis zur Frage"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    is_active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        verbose_name = _("Steckbrief-Frage")
        verbose_name_plural = _("Steckbrief-Fragen")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class PublicFlagQuerySet(models.QuerySet):
    """Rows with an `is_public` flag: member staff see all of them, everyone else the
    public ones. The administration page and every list elsewhere read them through this."""

    def visible_to(self, user) -> "PublicFlagQuerySet":
        return self if member_rules.is_member_staff(user) else self.filter(is_public=True)


class ContactPersonQuerySet(PublicFlagQuerySet):
    """Contacts; removed ones stay only where statuses name them, and are listed nowhere."""

    def present(self) -> "ContactPersonQuerySet":
        return self.filter(removed_at__isnull=True)

    def visible_to(self, user) -> "ContactPersonQuerySet":
        return super().visible_to(user).present()


class ProfileAnswer(models.Model):
    administration = models.ForeignKey(
        Administration, verbose_name=_("Verwaltung"), on_delete=models.CASCADE,
        related_name="profile_answers",
    )
    question = models.ForeignKey(
        ProfileQuestion, verbose_name=_("Frage"), on_delete=models.CASCADE,
        related_name="answers",
    )
    text = models.TextField(_("Antwort"))
    is_public = models.BooleanField(
        _("öffentlich"), default=True,
        help_text=_("Öffentliche Antworten sehen auch Besucherinnen und Besucher ohne Anmeldung."),
    )
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(
        "members.User", verbose_name=_("geändert von"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )

    objects = PublicFlagQuerySet.as_manager()

    class Meta:
        verbose_name = _("Steckbrief-Antwort")
        verbose_name_plural = _("Steckbrief-Antworten")
        ordering = ["question__order", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["administration", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.administration}: {self.question}"


class ContactPerson(models.Model):
    """Whom to call about what; a contact need not have a login."""

    administration = models.ForeignKey(
        Administration, verbose_name=_("Verwaltung"), on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("Name"), max_length=200)
    function = models.CharField(
        _("Funktion"), max_length=40, choices=ContactFunction.choices,
        default=ContactFunction.DIGITALBEAUFTRAGTE,
    )
    function_other = models.CharField(
        _("Andere Funktion"), max_length=200, blank=True,
        help_text=_("Nur ausfüllen, wenn oben „Andere Funktion“ gewählt ist."),
    )
    department = models.CharField(_("Organisationseinheit"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    expertise = models.CharField(
        _("Fachgebiete"), max_length=300, blank=True,
        help_text=_("Themen, zu denen man diese Person fragen kann, z. B. E-Akte, OZG."),
    )
    is_public = models.BooleanField(
        _("öffentlich"), default=False,
        help_text=_("Öffentliche Ansprechpersonen sehen auch Besucherinnen und Besucher."),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    # Removed, but named in statuses or their history: kept under a pseudonym, listed
    # nowhere (members.services.removal).
    removed_at = models.DateTimeField(_("entfernt am"), null=True, blank=True)

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(function="other") | ~models.Q(function_other=""),
                name="contact_other_function_named",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.function_label})"

    @property
    def function_label(self) -> str:
        if self.function == ContactFunction.OTHER:
            return self.function_other
        # The enum, not get_function_display(): Django flattens all choices on each call,
        # and lists of helpers name hundreds of contacts.
        try:
            return str(ContactFunction(self.function).label)
        except ValueError:  # a value no longer among the choices: shown as stored
            return self.function

    def clean(self) -> None:
        if self.function == ContactFunction.OTHER and not self.function_other.strip():
            raise ValidationError({"function_other": _(
                "Bitte nennen Sie die Funktion, wenn Sie „Andere Funktion“ wählen.")})
