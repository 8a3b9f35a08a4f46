"""Editing the legal pages: each save a revision with author and note, the history with a
diff between any two revisions, restoring an old text as a new revision, a preview that
saves nothing, and a save that came in between refused with the input kept."""

import pytest
from django.urls import reverse

from legal.enums import PageKind
from legal.models import LegalPage, LegalPageRevision
from tests.legal.helpers import page_fill

pytestmark = pytest.mark.django_db

EDIT = reverse("legal:page_edit", args=[PageKind.ACCESSIBILITY])


def _post(client, body, revision, **extra):
    data = {"title": "Erklärung zur Barrierefreiheit", "body": body,
            "reviewed_on": "2026-12-01", "message": "", "revision": revision}
    data.update(extra)
    return client.post(EDIT, data)


def test_first_save_creates_the_page_and_revision_one(client, coordinator):
    client.force_login(coordinator)
    assert "folgt in Kürze" not in client.get(EDIT).content.decode()
    response = _post(client, "Das Portal ist teilweise barrierefrei.", 0)
    assert response.status_code == 302 and response["Location"] == "/barrierefreiheit/"
    page = LegalPage.objects.get(kind=PageKind.ACCESSIBILITY)
    assert page.revision_number == 1 and page.updated_by == coordinator
    revision = page.revisions.get()
    assert (revision.number, revision.author, revision.message) == (
        1, coordinator, "Erste Fassung")
    html = client.get("/barrierefreiheit/").content.decode()
    assert "Das Portal ist teilweise barrierefrei." in html
    assert "Diese Erklärung wurde zuletzt am 1. Dezember 2026 überprüft." in html


def test_history_lists_revisions_and_diff(client, coordinator):
    client.force_login(coordinator)
    _post(client, "Zeile eins.\nZeile zwei.", 0)
    _post(client, "Zeile eins.\nZeile drei.", 1, message="Zeile zwei ersetzt")
    history = client.get(reverse("legal:page_history", args=[PageKind.ACCESSIBILITY]))
    html = history.content.decode()
    assert "Zeile zwei ersetzt" in html and "Erste Fassung" in html

    detail = client.get(reverse("legal:revision_detail",
                                args=[PageKind.ACCESSIBILITY, 2])).content.decode()
    assert "Version 2 im Vergleich zu Version 1" in detail
    assert '<span class="visually-hidden">entfernt: </span>Zeile zwei.</del>' in detail
    assert '<span class="visually-hidden">hinzugefügt: </span>Zeile drei.</ins>' in detail

    against = client.get(reverse("legal:revision_detail", args=[PageKind.ACCESSIBILITY, 1]),
                         {"gegen": 2}).content.decode()
    assert "Version 1 im Vergleich zu Version 2" in against


def test_restore_makes_old_text_current_as_new_revision(client, coordinator):
    client.force_login(coordinator)
    _post(client, "Alte Fassung.", 0)
    _post(client, "Neue, falsche Fassung.", 1)
    url = reverse("legal:revision_restore", args=[PageKind.ACCESSIBILITY, 1])
    confirm = client.get(url).content.decode()
    assert "Version 1 wiederherstellen?" in confirm and "Ja, wiederherstellen" in confirm

    response = client.post(url)
    assert response.status_code == 302
    page = LegalPage.objects.get(kind=PageKind.ACCESSIBILITY)
    assert page.body == "Alte Fassung." and page.revision_number == 3
    newest = page.revisions.get(number=3)
    assert newest.restored_from == 1 and newest.message == "Version 1 wiederhergestellt"
    assert LegalPageRevision.objects.filter(page=page).count() == 3
    assert "Alte Fassung." in client.get("/barrierefreiheit/").content.decode()


def test_restore_of_the_current_revision_changes_nothing(client, coordinator):
    client.force_login(coordinator)
    _post(client, "Einzige Fassung.", 0)
    response = client.post(reverse("legal:revision_restore",
                                   args=[PageKind.ACCESSIBILITY, 1]), follow=True)
    assert "Version 1 ist bereits die aktuelle Fassung." in response.content.decode()
    assert LegalPage.objects.get(kind=PageKind.ACCESSIBILITY).revision_number == 1


def test_preview_renders_and_saves_nothing(client, coordinator):
    client.force_login(coordinator)
    response = _post(client, "# Vorschau\n\nMit **fett**.", 0, preview="1")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>fett</strong>" in html
    assert not LegalPage.objects.exists()


def test_concurrent_save_refused_with_input_kept(client, coordinator, editor):
    client.force_login(coordinator)
    _post(client, "Fassung eins.", 0)
    page_fill(PageKind.ACCESSIBILITY, coordinator, body="Fassung aus einem anderen Tab.")
    response = _post(client, "Meine Fassung.", 1)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jemand anderes hat diese Seite gespeichert" in html
    assert "Meine Fassung." in html and "Fassung aus einem anderen Tab." in html
    page = LegalPage.objects.get(kind=PageKind.ACCESSIBILITY)
    assert page.body == "Fassung aus einem anderen Tab."


def test_consent_text_only_on_the_privacy_statement(client, coordinator):
    client.force_login(coordinator)
    privacy = client.get(reverse("legal:page_edit", args=[PageKind.PRIVACY])).content.decode()
    assert "Einwilligungstext im Kontaktformular" in privacy
    assert "Einwilligungstext" not in client.get(EDIT).content.decode()


def test_admin_save_keeps_a_revision(client, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("admin:legal_legalpage_add"), {
        "kind": PageKind.IMPRINT, "title": "Impressum", "body": "Im Admin geschrieben.",
        "consent_text": "", "reviewed_on": "",
        "revisions-TOTAL_FORMS": "0", "revisions-INITIAL_FORMS": "0",
        "revisions-MIN_NUM_FORMS": "0", "revisions-MAX_NUM_FORMS": "0"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page = LegalPage.objects.get(kind=PageKind.IMPRINT)
    assert page.revision_number == 1
    revision = page.revisions.get()
    assert revision.author == admin_user and revision.message == "Im Verwaltungsbereich angelegt"
