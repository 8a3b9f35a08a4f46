"""Reads of the legal pages: one page by kind, all of them in the order of the footer,
those still unfilled, and the revisions of a page."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..enums import PageKind
from ..models import LegalPage, LegalPageRevision

# Shown beside the consent checkbox of the contact form while the privacy statement has no
# text of its own for it.
DEFAULT_CONSENT_TEXT = _(
    "Ich bin einverstanden, dass meine Angaben aus diesem Formular gespeichert und zur "
    "Bearbeitung meiner Nachricht verwendet werden. Einzelheiten stehen in der "
    "Datenschutzerklärung.")


def _blank(kind: str) -> LegalPage:
    """An unsaved page for a kind that nobody has written yet."""
    return LegalPage(kind=kind, title=str(PageKind(kind).label))


def legal_page(kind: str) -> LegalPage:
    """The page of that kind, or an unsaved, unfilled one (ValueError for an unknown kind)."""
    PageKind(kind)
    return LegalPage.objects.filter(kind=kind).first() or _blank(kind)


def legal_pages_all() -> list[LegalPage]:
    """Every kind of page in the order of PageKind (the footer's order), unsaved ones for
    kinds without a row; one query."""
    stored = {page.kind: page for page in LegalPage.objects.select_related("updated_by")}
    return [stored.get(kind) or _blank(kind) for kind in PageKind.values]


def legal_pages_unfilled() -> list[LegalPage]:
    """The pages whose text is still missing (the dashboard warns about them)."""
    return [page for page in legal_pages_all() if not page.is_filled]


def consent_text() -> str:
    """The sentence the contact form's consent checkbox shows: the privacy statement's own,
    else the default."""
    text = (LegalPage.objects.filter(kind=PageKind.PRIVACY)
            .values_list("consent_text", flat=True).first() or "").strip()
    return text or str(DEFAULT_CONSENT_TEXT)


def page_revisions(page: LegalPage) -> QuerySet[LegalPageRevision]:
    """The revisions of a page, newest first, with their authors."""
    return page.revisions.select_related("author", "page").order_by("-number")


def revision_before(*, page: LegalPage, revision: LegalPageRevision
                    ) -> LegalPageRevision | None:
    """The revision saved just before this one (None for the first)."""
    return page_revisions(page).filter(number__lt=revision.number).first()


def revision_numbers(page: LegalPage) -> list[int]:
    return list(page.revisions.order_by("-number").values_list("number", flat=True))
