from datetime import date

import factory
from allauth.account.models import EmailAddress

from members.enums import AdministrationKind, FederalState, Role
from members.models import Administration, User

TEST_PASSWORD = "richtig-geheim-2026"


class AdministrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Administration

    name = factory.Sequence(lambda n: f"Landkreis Beispiel {n}")
    short_name = factory.Sequence(lambda n: f"LB{n}")
    slug = factory.Sequence(lambda n: f"landkreis-beispiel-{n}")
    kind = AdministrationKind.LANDKREIS
    federal_state = FederalState.RP
    regional_key = factory.Sequence(lambda n: f"07{n:07d}")  # 9 digits, never overflows
    population = 100_000
    member_since = date(2020, 1, 1)


class UserFactory(factory.django.DjangoModelFactory):
    """A member staff user with a verified email address and TEST_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    administration = factory.SubFactory(AdministrationFactory)
    role = Role.READER
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
