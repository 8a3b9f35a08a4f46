"""The demo fills every legal page (Mayen-Koblenz as operator) with a first revision and
three feedback messages; a second run changes nothing and an edited page is never
overwritten; the pages render with the data-rights links and the right enforcement body."""

import pytest
from django.urls import reverse

from legal import demo
from legal.enums import FeedbackState, PageKind
from legal.models import Feedback, LegalPage, LegalPageRevision
from members import demo as members_demo
from tests.legal.helpers import page_fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    members_demo.load()
    demo.load()


def _snapshot():
    return (sorted(LegalPage.objects.values_list("pk", "kind", "title", "body", "consent_text",
                                                 "revision_number")),
            sorted(LegalPageRevision.objects.values_list("pk", "page__kind", "number")),
            sorted(Feedback.objects.values_list("pk", "message", "state", "answer_due")))


def test_demo_fills_every_page(loaded):
    pages = {page.kind: page for page in LegalPage.objects.all()}
    assert set(pages) == set(PageKind.values)
    for page in pages.values():
        assert page.is_filled and page.revision_number == 1 and page.reviewed_on
        assert page.revisions.get().message == "Text für das Demo-Netzwerk"
    for kind in (PageKind.IMPRINT, PageKind.PRIVACY, PageKind.ACCESSIBILITY,
                 PageKind.EASY_LANGUAGE):
        assert "Mayen-Koblenz" in pages[kind].body
    assert pages[PageKind.PRIVACY].consent_text.startswith("Ich bin einverstanden")
    assert demo.counts() == {"legal_pages": 5, "feedback": 3}
    assert sorted(Feedback.objects.values_list("state", flat=True)) == sorted(
        [FeedbackState.NEW, FeedbackState.IN_PROGRESS, FeedbackState.ANSWERED])


def test_demo_is_idempotent_and_keeps_edited_pages(loaded, coordinator):
    page_fill(PageKind.IMPRINT, coordinator, body="Vom Betreiber überarbeitet.")
    before = _snapshot()
    demo.load()
    assert _snapshot() == before
    assert LegalPage.objects.get(kind=PageKind.IMPRINT).body == "Vom Betreiber überarbeitet."


def test_demo_pages_render_for_visitors(client, loaded):
    imprint = client.get("/impressum/").content.decode()
    assert "Landkreis Mayen-Koblenz" in imprint and "§ 18 Absatz 2 Medienstaatsvertrag" in imprint

    privacy = client.get("/datenschutz/").content.decode()
    for name in ("profile", "my_data", "account_removal"):
        assert f'href="{reverse(name)}"' in privacy
    for heading in ("Verantwortlicher", "Datenschutzbeauftragte", "Cookies", "Empfänger",
                    "Ihre Rechte", "Was bei einer Löschung bleibt",
                    "Beschwerde bei der Aufsichtsbehörde"):
        assert f">{heading}</h" in privacy
    assert "Art. 17 Abs. 3" in privacy and "Cookie-Banner" in privacy

    accessibility = client.get("/barrierefreiheit/").content.decode()
    assert "durchsetzungsstelle@mastd.rlp.de" in accessibility
    assert "nur für öffentliche Stellen des Bundes zuständig" in accessibility
    assert "Diese Erklärung wurde zuletzt am" in accessibility

    easy = client.get("/leichte-sprache/").content.decode()
    assert "Kreishaus ist eine Seite im Internet." in easy

    sign = client.get("/gebaerdensprache/").content.decode()
    assert "Das Video in Deutscher Gebärdensprache folgt." in sign

