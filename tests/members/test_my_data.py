"""The registry of personal data, "Meine Daten" as page (Art. 15) and JSON (Art. 20), and
"Mein Profil" (Art. 16)."""

import json

import pytest
from django.urls import reverse

from common.personal_data import (
    personal_data_erase,
    personal_data_for,
    personal_data_forget,
    personal_data_parts,
    personal_data_register,
)
from members.models import User
from tests.factories import UserFactory
from tests.members.data_rights_helpers import footprint_make

pytestmark = pytest.mark.django_db

EVERY_APP = {"members", "meetings", "projects", "knowledge", "common", "legal", "polls",
             "comments"}


@pytest.fixture
def person(administration):
    return UserFactory(administration=administration, role="editor", first_name="Hedwig",
                       last_name="Quellbrunn", email="hedwig.quellbrunn@example.org")


@pytest.fixture
def footprint(person, other_editor):
    return footprint_make(person, other=other_editor)


def _rows(document: dict) -> dict[str, dict]:
    return {part["schluessel"]: part["daten"] for part in document["bereiche"]}


# --- The registry --------------------------------------------------------------------------

def test_registry_has_every_app_members_first_and_erases_it_last():
    keys = [part.key for part in personal_data_parts()]
    assert set(keys) == EVERY_APP
    assert keys[0] == "members"


def test_registry_erases_in_reverse_order_of_showing(person):
    calls = []
    personal_data_register("zz_first", label="Erster", order=1,
                           collect=lambda user: "a", erase=lambda user: calls.append("first"))
    personal_data_register("zz_last", label="Letzter", order=999,
                           collect=lambda user: "b", erase=lambda user: calls.append("last"))
    try:
        shown = [part["key"] for part in personal_data_for(person)]
        assert shown[0] == "zz_first" and shown[-1] == "zz_last"
        personal_data_erase(person)
        assert calls == ["last", "first"]
    finally:
        personal_data_forget("zz_first")
        personal_data_forget("zz_last")


def test_registry_refuses_a_key_registered_twice_with_other_functions():
    personal_data_register("zz_twice", label="Zweimal", collect=str, erase=print)
    try:
        personal_data_register("zz_twice", label="Zweimal", collect=str, erase=print)  # same
        with pytest.raises(ValueError, match="registered twice"):
            personal_data_register("zz_twice", label="Zweimal", collect=repr, erase=print)
    finally:
        personal_data_forget("zz_twice")


# --- Meine Daten ---------------------------------------------------------------------------

def test_my_data_json_holds_items_from_every_app(client, footprint):
    person = footprint.person
    client.force_login(person)
    response = client.get(reverse("my_data_json"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="kreishaus-meine-daten-')
    assert response["Cache-Control"] == "private, no-store"
    document = json.loads(response.content)
    assert document["person"] == "hedwig.quellbrunn@example.org"
    data = _rows(document)
    assert set(data) == EVERY_APP

    account = data["members"]["Konto"]
    assert account["Vorname"] == "Hedwig" and account["Nachname"] == "Quellbrunn"
    assert account["Rolle"] == "Redaktion"
    assert account["Verwaltung"] == "Landkreis Mayen-Koblenz"
    assert account["Persönlicher Kalender-Link eingerichtet"] is True
    assert data["members"]["Zwei-Faktor-Authentifizierung"] == (
        "eingerichtet: Authenticator-App (TOTP)")
    assert [a["Adresse"] for a in data["members"]["E-Mail-Adressen"]] == [
        "hedwig.quellbrunn@example.org"]

    meetings = data["meetings"]
    assert [(r["Sitzung"], r["anwesend"]) for r in meetings["Anmeldungen und Anwesenheit"]] == [
        ("Quartalssitzung Frühjahr", True), ("Quartalssitzung Herbst", None)]
    assert [a["Aufgabe"] for a in meetings["Aufgaben, für die Sie zuständig sind oder waren"]] == [
        "Musterdienstanweisung verteilen"]
    assert [m["Sitzung"] for m in meetings["Protokolle, die Sie veröffentlicht haben"]] == [
        "Quartalssitzung Frühjahr"]
    assert [c["Thema oder OZG-Leistung"]
            for c in data["projects"]["Änderungen an Sachständen"]] == ["E-Akte"]
    knowledge = data["knowledge"]
    assert [a["Titel"] for a in knowledge["Artikel, die Sie verfasst haben"]] == [
        "Erfahrungen mit der E-Akte"]
    assert len(knowledge["Artikelversionen, die Sie gespeichert haben"]) == 1
    assert [d["Titel"] for d in knowledge["Dokumente, die Sie hochgeladen haben"]] == [
        "Leitfaden Scannen"]
    mails = data["common"]["E-Mails an Sie"]
    assert "Einladung zur Quartalssitzung" in [m["Betreff"] for m in mails]
    assert all(set(m) == {"Erstellt am", "Gesendet am", "Betreff", "Status"} for m in mails)
    assert [f["Nachricht"] for f in data["legal"]["Rückmeldungen über das Kontaktformular"]] == [
        "Der Kontrast im Menü ist zu schwach."]

    # Secrets are never part of it: the calendar token, the TOTP secret, the password hash.
    text = response.content.decode()
    person.refresh_from_db()
    assert person.calendar_token not in text
    assert "GEHEIMERSCHLUESSEL" not in text
    assert person.password not in text


def test_my_data_page_shows_every_part_in_german(client, footprint):
    client.force_login(footprint.person)
    response = client.get(reverse("my_data"))

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("private")
    html = response.content.decode()
    for heading in ("Konto und Verwaltung", "Sitzungen", "Vorhaben und Sachstände", "Wissen",
                    "E-Mails", "Rückmeldungen und rechtliche Seiten"):
        assert f">{heading}</h2>" in html
    for value in ("Quellbrunn", "Quartalssitzung Frühjahr", "Musterdienstanweisung verteilen",
                  "Erfahrungen mit der E-Akte", "Leitfaden Scannen",
                  "Einladung zur Quartalssitzung", "Der Kontrast im Menü ist zu schwach."):
        assert value in html
    assert "eingerichtet: Authenticator-App (TOTP)" in html
    assert reverse("my_data_json") in html


def test_my_data_shows_only_ones_own(client, footprint, reader):
    client.force_login(reader)
    response = client.get(reverse("my_data_json"))

    data = _rows(json.loads(response.content))
    assert data["members"]["Konto"]["Vorname"] == "Rita"
    assert data["meetings"]["Anmeldungen und Anwesenheit"] == []
    assert data["knowledge"]["Artikel, die Sie verfasst haben"] == []
    assert "Quellbrunn" not in response.content.decode()


def test_my_data_page_limits_long_tables_the_download_has_all(client, person, monkeypatch):
    from common.outbox import mail_queue

    for number in range(5):
        mail_queue(to=person.email, subject=f"Rundschreiben {number}", text="…")
    monkeypatch.setattr("members.views.account.ROW_LIMIT", 3)
    client.force_login(person)

    html = client.get(reverse("my_data")).content.decode()
    assert "Gezeigt werden 3 von 5 Einträgen; die Datei zum Herunterladen enthält alle." in html
    data = _rows(json.loads(client.get(reverse("my_data_json")).content))
    assert len(data["common"]["E-Mails an Sie"]) == 5


@pytest.mark.parametrize("name", ["account", "profile", "my_data", "my_data_json",
                                  "account_removal"])
def test_account_pages_send_visitors_to_the_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_account_hub_links_every_account_page(client, reader):
    client.force_login(reader)
    html = client.get(reverse("account")).content.decode()
    for name in ("profile", "account_email", "account_change_password", "mfa_index",
                 "notifications", "my_data", "account_removal"):
        assert f'href="{reverse(name)}"' in html
    # The header's "Mein Konto" leads here.
    assert f'<a class="kern-link" href="{reverse("account")}">Mein Konto</a>' in html


# --- Mein Profil ---------------------------------------------------------------------------

def test_profile_saves_own_name_phone_and_function(client, reader):
    client.force_login(reader)
    response = client.post(reverse("profile"), {
        "first_name": "Rita", "last_name": "Rheinberg", "phone": "+49 261  108-0",
        "function": "Digitalbeauftragte"}, follow=True)

    assert "Ihr Profil wurde gespeichert." in response.content.decode()
    reader.refresh_from_db()
    assert (reader.last_name, reader.phone, reader.function) == (
        "Rheinberg", "+49 261 108-0", "Digitalbeauftragte")
    assert "Angemeldet als Rita Rheinberg" in response.content.decode()


def test_profile_refuses_bad_input_in_german_and_keeps_it(client, reader):
    client.force_login(reader)
    old_name = reader.last_name
    response = client.post(reverse("profile"), {
        "first_name": "Rita", "last_name": "", "phone": "ruf mich an",
        "function": "Zeile eins\nZeile zwei"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld ist zwingend erforderlich." in html
    assert "Bitte nur Ziffern, Leerzeichen und + ( ) / - eingeben" in html
    assert 'value="ruf mich an"' in html
    reader.refresh_from_db()
    assert (reader.last_name, reader.phone) == (old_name, "")
    # The header still shows the stored name, not the typed one.
    assert f"Angemeldet als Rita {old_name}" in html


@pytest.mark.parametrize("value", ["Nul\x00l", "\u202eRTLO", "x" * 10_000, "٣٤٥"])
def test_profile_takes_hostile_input_without_server_error(client, reader, value):
    client.force_login(reader)
    response = client.post(reverse("profile"), {
        "first_name": value, "last_name": value, "phone": value, "function": value})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "Bitte" in response.content.decode() or "höchstens" in response.content.decode()


def test_profile_changes_only_ones_own_account(client, reader, editor):
    client.force_login(reader)
    client.post(reverse("profile"), {"first_name": "Rita", "last_name": "Neu", "phone": "",
                                     "function": "", "pk": editor.pk, "email": "x@example.org"})
    editor.refresh_from_db()
    reader.refresh_from_db()
    assert editor.last_name != "Neu"
    assert reader.last_name == "Neu"
    assert User.objects.filter(email="x@example.org").count() == 0
