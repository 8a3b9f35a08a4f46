"""Validation of administrations, regional keys, parents, contacts and logos."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from PIL import Image

from members.models import Administration, ContactPerson
from members.validators import validate_regional_key
from tests.factories import AdministrationFactory


@pytest.mark.parametrize("key", ["07137", "071375001", "071370001001"])
def test_regional_key_accepts_kreis_gemeindeverband_and_gemeinde(key):
    validate_regional_key(key)


@pytest.mark.parametrize(("key", "message"), [
    ("0713X", "nur Ziffern"),
    ("0713", "nicht 4"),
    ("0713700", "nicht 7"),
    ("17137", "kein Bundesland"),
    ("00137", "kein Bundesland"),
])
def test_regional_key_refuses_bad_keys_in_german(key, message):
    with pytest.raises(ValidationError) as error:
        validate_regional_key(key)
    assert message in error.value.messages[0]


@pytest.mark.django_db
def test_regional_key_must_match_federal_state():
    administration = AdministrationFactory.build(regional_key="05558", federal_state="07")

    with pytest.raises(ValidationError) as error:
        administration.full_clean()

    assert "passt also nicht zum Bundesland Rheinland-Pfalz" in str(error.value)


@pytest.mark.django_db
def test_regional_key_is_unique():
    AdministrationFactory(regional_key="07137")

    with pytest.raises(IntegrityError):
        AdministrationFactory(regional_key="07137")


@pytest.mark.django_db
def test_database_refuses_badly_formed_key():
    with pytest.raises(IntegrityError):
        Administration.objects.create(name="X", slug="x", kind="gemeinde", federal_state="07",
                                      regional_key="071")


@pytest.mark.django_db
def test_parent_cycle_is_refused():
    kreis = AdministrationFactory()
    gemeinde = AdministrationFactory(parent=kreis)
    kreis.parent = gemeinde

    with pytest.raises(ValidationError) as error:
        kreis.full_clean()

    assert "ergäbe einen Kreis" in str(error.value)


@pytest.mark.django_db
def test_former_member_is_not_current(administration):
    former = AdministrationFactory(member_since=date(2019, 1, 1), member_until=date(2024, 12, 31))

    assert former.is_former is True
    assert list(Administration.objects.current()) == [administration]


@pytest.mark.django_db
def test_other_function_needs_a_name(administration):
    contact = ContactPerson(administration=administration, name="Olaf", function="other")

    with pytest.raises(ValidationError) as error:
        contact.full_clean()

    assert "Bitte nennen Sie die Funktion" in str(error.value)


def _png(size=(10, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def _gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(buffer, "GIF")
    return buffer.getvalue()


def _post_logo(client, editor, administration, upload):
    client.force_login(editor)
    return client.post(reverse("members:edit", args=[administration.slug]),
                       {"short_name": "MYK", "seat": "Koblenz", "logo": upload})


@pytest.mark.django_db
def test_logo_upload_accepts_png(client, editor, administration):
    response = _post_logo(client, editor, administration,
                          SimpleUploadedFile("logo.png", _png(), content_type="image/png"))

    assert response.status_code == 302
    administration.refresh_from_db()
    assert administration.logo.name.startswith("logos/")
    served = client.get(administration.logo.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert f'src="{administration.logo.url}"' in client.get(
        administration.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_logo_upload_refuses_text_disguised_as_png(client, editor, administration):
    fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")

    response = _post_logo(client, editor, administration, fake)

    assert response.status_code == 200
    assert "Bitte ein gültiges Bild hochladen" in response.content.decode()
    administration.refresh_from_db()
    assert not administration.logo


@pytest.mark.django_db
def test_logo_upload_refuses_other_image_types(client, editor, administration):
    response = _post_logo(client, editor, administration,
                          SimpleUploadedFile("logo.gif", _gif(), content_type="image/gif"))

    assert "PNG-, JPEG- oder WebP-Bild" in response.content.decode()
    administration.refresh_from_db()
    assert not administration.logo


@pytest.mark.django_db
def test_logo_upload_refuses_large_files(client, editor, administration, settings):
    big = SimpleUploadedFile("logo.png", _png() + b"\0" * (1024 * 1024 + 1),
                             content_type="image/png")

    response = _post_logo(client, editor, administration, big)

    assert "erlaubt sind höchstens 1024 KB" in response.content.decode()
    assert 'value="MYK"' in response.content.decode()


def test_regional_key_refuses_non_ascii_digits():
    with pytest.raises(ValidationError):
        validate_regional_key("07１３７")


@pytest.mark.django_db
def test_blank_state_reports_field_error_instead_of_crashing():
    administration = AdministrationFactory.build(regional_key="07137", federal_state="")

    with pytest.raises(ValidationError) as error:
        administration.full_clean()

    assert "federal_state" in error.value.message_dict


@pytest.mark.django_db
def test_only_joined_administrations_are_members(administration):
    AdministrationFactory(name="Gemeinde ohne Beitritt", member_since=None)
    AdministrationFactory(name="Beitritt im nächsten Jahr", member_since=date(2099, 1, 1))

    assert list(Administration.objects.current()) == [administration]
    assert "Gemeinde ohne Beitritt" not in Administration.objects.ever_members().values_list(
        "name", flat=True)
