import pytest
from django.core.management import call_command
from django.urls import reverse

from members.enums import Role
from members.models import Administration, User

pytestmark = pytest.mark.django_db

DISTRICT_KEYS = {"07131", "07132", "07135", "07137", "07138", "07140", "07141", "07143",
                 "07233", "07339"}


def _snapshot():
    return (
        sorted(Administration.objects.values_list("regional_key", "name", "population",
                                                  "area_km2", "seat")),
        sorted(User.objects.values_list("email", "role", "administration__regional_key",
                                        "password")),
    )


def test_demo_data_is_idempotent():
    call_command("demo_data")
    first = _snapshot()
    call_command("demo_data")

    assert _snapshot() == first
    assert Administration.objects.count() == 10
    assert User.objects.count() == 5


def test_demo_data_uses_real_facts_of_the_districts():
    call_command("demo_data")

    assert set(Administration.objects.values_list("regional_key", flat=True)) == DISTRICT_KEYS
    myk = Administration.objects.get(regional_key="07137")
    assert (myk.name, myk.short_name, myk.seat, myk.population) == (
        "Landkreis Mayen-Koblenz", "MYK", "Koblenz", 218210)
    assert str(myk.area_km2) == "817.67"
    assert Administration.objects.get(regional_key="07143").name == "Westerwaldkreis"


def test_demo_logins_have_their_roles_and_can_log_in(client):
    call_command("demo_data")
    expected = {
        "admin@example.org": (None, True),
        "koordination@example.org": ("07137", False),
        "redaktion.myk@example.org": ("07137", False),
        "redaktion.neuwied@example.org": ("07138", False),
        "lesen.ahrweiler@example.org": ("07131", False),
    }
    for email, (key, superuser) in expected.items():
        user = User.objects.get(email=email)
        assert (user.administration.regional_key if user.administration else None) == key
        assert user.is_superuser is superuser
    assert User.objects.get(email="koordination@example.org").role == Role.COORDINATOR
    assert User.objects.get(email="lesen.ahrweiler@example.org").role == Role.READER

    response = client.post(reverse("account_login"), {"login": "redaktion.neuwied@example.org",
                                                       "password": "kreishaus-demo"})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        User.objects.get(email="redaktion.neuwied@example.org").pk)


def test_demo_data_if_empty_leaves_existing_data_alone(administration):
    call_command("demo_data", "--if-empty")

    assert Administration.objects.count() == 1
