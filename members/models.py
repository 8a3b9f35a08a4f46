from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .enums import AdministrationKind, FederalState, Role


class Administration(models.Model):
    """A member of the network: a district, city, municipality or IT service provider."""

    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=30, blank=True)
    slug = models.SlugField(_("Kurzadresse"), max_length=100, unique=True)
    kind = models.CharField(_("Art"), max_length=30, choices=AdministrationKind.choices)
    federal_state = models.CharField(_("Bundesland"), max_length=2, choices=FederalState.choices)
    regional_key = models.CharField(
        _("Regionalschlüssel"), max_length=12, blank=True, null=True, unique=True
    )
    population = models.PositiveIntegerField(_("Einwohnerzahl"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("Fläche in km²"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    seat = models.CharField(_("Sitz"), max_length=200, blank=True)
    website = models.URLField(_("Website"), blank=True)

    class Meta:
        verbose_name = _("Verwaltung")
        verbose_name_plural = _("Verwaltungen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:list") + f"#{self.slug}"


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with a login; email is the login name. Belongs to one administration."""

    username = None
    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    administration = models.ForeignKey(
        Administration,
        verbose_name=_("Verwaltung"),
        on_delete=models.PROTECT,
        related_name="staff",
        null=True,
        blank=True,
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.READER)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def is_member_staff(self) -> bool:
        return self.is_active and (self.is_superuser or self.administration_id is not None)

    @property
    def is_coordinator(self) -> bool:
        return self.is_active and (self.is_superuser or self.role == Role.COORDINATOR)

    def is_editor_of(self, administration: Administration | None) -> bool:
        """Editors edit their own administration; coordinators and admins edit every one."""
        if administration is None or not self.is_active:
            return False
        if self.is_coordinator:
            return True
        return self.role == Role.EDITOR and self.administration_id == administration.pk
