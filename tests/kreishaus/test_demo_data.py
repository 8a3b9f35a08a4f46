import csv
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from members.enums import AdministrationKind, ContactFunction, FederalState, Role
from members.models import Administration, ContactPerson, ProfileAnswer, ProfileQuestion, User

pytestmark = pytest.mark.django_db

DISTRICT_KEYS = {"07131", "07132", "07135", "07137", "07138", "07140", "07141", "07143",
                 "07233", "07339"}
CHILD_KEYS = {"071370003", "071370068", "071370203", "071375007", "071375008", "071375009"}
SHARED_GEMEINDEVERBAENDE = (Path(__file__).resolve().parents[3] / "shared" / "data" / "regions"
                            / "gemeindeverbaende_rlp_plus_coesfeld_neuss.csv")


def _snapshot():
    """Every field the demo loader sets, plus primary keys and timestamps: nothing may move."""
    return (
        sorted(Administration.objects.values_list(
            "pk", "regional_key", "slug", "name", "short_name", "kind", "federal_state",
            "parent__slug", "population", "area_km2", "seat", "address", "website",
            "member_since", "membership_number"), key=repr),
        sorted(ProfileQuestion.objects.values_list(
            "pk", "order", "text", "help_text", "is_active")),
        sorted(ProfileAnswer.objects.values_list(
            "pk", "administration__slug", "question__order", "text", "is_public",
            "updated_at")),
        sorted(ContactPerson.objects.values_list(
            "pk", "administration__slug", "name", "function", "function_other", "department",
            "email", "phone", "expertise", "is_public", "order")),
        sorted(User.objects.values_list("email", "role", "administration__regional_key",
                                        "password"), key=repr),
    )


def test_demo_data_is_idempotent():
    call_command("demo_data")
    first = _snapshot()
    call_command("demo_data")

    assert _snapshot() == first
    assert Administration.objects.count() == 17
    assert ProfileQuestion.objects.count() == 6
    assert ProfileAnswer.objects.count() == 77
    assert ContactPerson.objects.count() == 33
    assert User.objects.count() == 5


def test_demo_data_uses_real_facts_of_the_districts():
    call_command("demo_data")

    districts = Administration.objects.filter(kind=AdministrationKind.LANDKREIS)
    assert set(districts.values_list("regional_key", flat=True)) == DISTRICT_KEYS
    assert {key for key in Administration.objects.values_list("regional_key", flat=True)
            if key and len(key) == 5} == DISTRICT_KEYS
    myk = Administration.objects.get(regional_key="07137")
    assert (myk.name, myk.short_name, myk.seat, myk.population) == (
        "Landkreis Mayen-Koblenz", "MYK", "Koblenz", 218210)
    assert str(myk.area_km2) == "817.67"
    assert myk.address == "Bahnhofstraße 9\n56068 Koblenz"
    assert Administration.objects.get(regional_key="07143").name == "Westerwaldkreis"


def test_membership_numbers_follow_the_order_of_joining():
    call_command("demo_data")

    members = list(Administration.objects.order_by("membership_number"))
    assert [a.membership_number for a in members] == list(range(1, 18))
    assert members[0].regional_key == "07137"
    assert {a.regional_key for a in members[:10]} == DISTRICT_KEYS
    assert {a.regional_key for a in members[10:16]} == CHILD_KEYS
    assert all(a.member_since for a in members)
    assert [a.member_since for a in members] == sorted(a.member_since for a in members)
    assert members[0].member_since == date(2019, 5, 9)


def test_children_of_mayen_koblenz_have_their_real_facts():
    call_command("demo_data")

    myk = Administration.objects.get(regional_key="07137")
    children = Administration.objects.filter(parent=myk)
    assert set(children.values_list("regional_key", flat=True)) == CHILD_KEYS
    for child in children:
        assert len(child.regional_key) == 9 and child.regional_key.startswith("07137")
        assert child.federal_state == FederalState.RP
        assert child.kind in {AdministrationKind.STADT, AdministrationKind.VERBANDSGEMEINDE}
    andernach = children.get(regional_key="071370003")
    assert (andernach.name, andernach.kind, andernach.population, str(andernach.area_km2)) == (
        "Stadt Andernach", AdministrationKind.STADT, 30277, "53.34")
    weissenthurm = children.get(regional_key="071375008")
    assert (weissenthurm.name, weissenthurm.slug, weissenthurm.seat,
            weissenthurm.population) == (
        "Verbandsgemeinde Weißenthurm", "vg-weissenthurm", "Weißenthurm", 35279)


@pytest.mark.skipif(not SHARED_GEMEINDEVERBAENDE.exists(), reason="shared data not present")
def test_children_match_the_shared_reference_data():
    call_command("demo_data")

    with SHARED_GEMEINDEVERBAENDE.open(encoding="utf-8") as handle:
        rows = {row["rs_gemeindeverband"]: row for row in csv.DictReader(handle)}
    for child in Administration.objects.filter(regional_key__in=CHILD_KEYS):
        row = rows[child.regional_key]
        assert child.population == int(row["einwohner"])
        assert str(child.area_km2) == row["flaeche_km2"]


def test_the_it_service_provider_is_fictional_and_has_no_regional_key():
    call_command("demo_data")

    provider = Administration.objects.get(kind=AdministrationKind.IT_DIENSTLEISTER)
    assert (provider.name, provider.slug, provider.regional_key, provider.federal_state,
            provider.parent) == ("IT-Zweckverband Mittelrhein", "it-zweckverband-mittelrhein",
                                 None, FederalState.RP, None)
    assert provider.membership_number == 17


def test_every_district_has_a_steckbrief_and_two_or_three_contacts():
    call_command("demo_data")

    questions = ProfileQuestion.objects.count()
    for district in Administration.objects.filter(regional_key__in=DISTRICT_KEYS):
        assert district.profile_answers.count() == questions, district
        assert 2 <= district.contacts.count() <= 3, district
    assert ProfileQuestion.objects.order_by("order").first().text == (
        "Welche Bedeutung hat die Digitalisierung in Ihrer Verwaltung?")
    assert ProfileAnswer.objects.filter(is_public=False).exists()
    assert ProfileAnswer.objects.filter(is_public=True).exists()
    assert ProfileAnswer.objects.filter(
        is_public=False, question__text="Was erwarten Sie vom Netzwerk?").count() >= 3


def test_demo_contacts_are_fictional_and_reach_nobody_real():
    call_command("demo_data")

    assert ContactPerson.objects.filter(is_public=False).exists()
    assert ContactPerson.objects.filter(is_public=True).exists()
    others = ContactPerson.objects.filter(function=ContactFunction.OTHER)
    assert others.exists() and not others.filter(function_other="").exists()
    for contact in ContactPerson.objects.all():
        assert re.fullmatch(r"[a-z0-9.-]+@([a-z0-9-]+\.)?example\.org", contact.email), contact
        assert re.fullmatch(r"\+49 \d{3,4} 0000-\d{4}", contact.phone), contact
        assert contact.expertise and contact.department
    names = ContactPerson.objects.values_list("administration", "name")
    assert len(set(names)) == len(names)


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
