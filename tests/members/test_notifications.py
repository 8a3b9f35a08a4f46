import re

import pytest
from django.urls import reverse

from members.models import User

URL = "/konto/benachrichtigungen/"


def checkbox(content: str, name: str) -> str:
    [tag] = re.findall(rf'<input type="checkbox" name="{name}"[^>]*>', content)
    return tag


def test_notifications_url():
    assert reverse("notifications") == URL


def test_notifications_page_german_all_ticked_by_default(client, reader):
    client.force_login(reader)

    content = client.get(URL).content.decode()

    assert "<h1 class=\"kern-heading-large\">Benachrichtigungen</h1>" in content
    assert ("Einladungen zu Sitzungen, Absagen und Änderungen von Termin oder Ort einer "
            "Sitzung, für die Sie angemeldet sind, sowie die Nachricht, dass Sie von der "
            "Warteliste nachgerückt sind, erhalten Sie immer – sie lassen sich nicht "
            "abbestellen.") in content
    for name, label in [
        ("meeting", "Erinnerungen vor Sitzungen"),
        ("action_item", "Erinnerungen an fällige Aufgaben"),
        ("action_assigned", "Neue Aufgaben und geänderte Fälligkeiten"),
        ("minutes", "Erinnerungen an fehlende Protokolle (Koordinierungsstelle)"),
        ("survey", "Erinnerungen an offene Sachstandserhebungen"),
    ]:
        assert " checked" in checkbox(content, name)
        assert f'for="id_{name}">{label}</label>' in content
    assert "Sachstandserhebung noch nicht geantwortet hat." in content


def test_notifications_unticked_kinds_are_muted(client, reader):
    client.force_login(reader)

    response = client.post(URL, {"meeting": "on", "survey": "on"}, follow=True)

    reader.refresh_from_db()
    assert reader.muted_reminders == ["action_assigned", "action_item", "article_review",
                                      "minutes"]
    content = response.content.decode()
    assert "Ihre Einstellungen zu Erinnerungen wurden gespeichert." in content
    assert " checked" in checkbox(content, "meeting")
    assert " checked" not in checkbox(content, "action_item")
    assert " checked" not in checkbox(content, "minutes")


def test_notifications_ticking_again_unmutes(client, reader):
    User.objects.filter(pk=reader.pk).update(muted_reminders=["meeting", "survey"])
    client.force_login(reader)

    client.post(URL, {"meeting": "on", "action_item": "on", "action_assigned": "on",
                       "minutes": "on", "survey": "on", "article_review": "on"})

    reader.refresh_from_db()
    assert reader.muted_reminders == []


def test_notifications_in_account_subnavigation(client, reader):
    client.force_login(reader)

    content = client.get(URL).content.decode()

    assert f'<a href="{URL}" aria-current="page">Benachrichtigungen</a>' in content
    assert f'href="{reverse("account_email")}"' in content


@pytest.mark.parametrize("method", ["get", "post"])
def test_notifications_anonymous_redirected_to_login(client, method):
    response = getattr(client, method)(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={URL}"
