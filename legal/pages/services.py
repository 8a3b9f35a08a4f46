"""Writes of the legal pages: save a text (each save a revision), restore a revision, and
set or remove the sign language video. Each checks its permission (legal.rules)."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.permissions import permission_check

from ..enums import PageKind
from ..models import LegalPage, LegalPageRevision

REVISED_FIELDS = ("title", "body", "consent_text", "reviewed_on")


class PageConflict(Exception):
    """Someone else saved the page after the editor opened it."""

    def __init__(self, page: LegalPage):
        super().__init__(page.kind)
        self.page = page


def _locked(kind: str) -> LegalPage:
    """The page's row, created on its first save, locked for this transaction."""
    page, _created = LegalPage.objects.get_or_create(
        kind=PageKind(kind), defaults={"title": str(PageKind(kind).label)})
    return LegalPage.objects.select_for_update().get(pk=page.pk)


def _revision_add(*, page: LegalPage, user, message: str,
                  restored_from: int | None = None) -> LegalPageRevision:
    page.revision_number += 1
    page.updated_by = user
    page.save()
    return LegalPageRevision.objects.create(
        page=page, number=page.revision_number, title=page.title, body=page.body,
        consent_text=page.consent_text, reviewed_on=page.reviewed_on, author=user,
        message=message[:200], restored_from=restored_from)


@transaction.atomic
def legal_page_save(*, kind: str, user, title: str, body: str, consent_text: str = "",
                    reviewed_on: date | None = None, message: str = "",
                    expected_revision: int | None = None) -> LegalPage:
    """Save the text of a page as a new revision; refuse if another save came in between
    (`expected_revision` is the revision the editor started from; None skips the check)."""
    permission_check(user, "legal.change_page")
    page = _locked(kind)
    if expected_revision is not None and page.revision_number != expected_revision:
        raise PageConflict(page)
    page.title, page.body = title, body
    page.consent_text = consent_text if kind == PageKind.PRIVACY else ""
    page.reviewed_on = reviewed_on
    _revision_add(page=page, user=user,
                  message=message or (_("Erste Fassung") if not page.revision_number else ""))
    return page


@transaction.atomic
def legal_page_restore(*, page: LegalPage, revision: LegalPageRevision,
                       user) -> LegalPageRevision:
    """Make an old revision's text current again; the restore is itself a new revision."""
    page = LegalPage.objects.select_for_update().get(pk=page.pk)
    if revision.page_id != page.pk:
        raise ValueError(f"revision {revision.pk} is not one of page {page.pk}")
    revision.page = page  # the locked row: is it still not the current revision?
    permission_check(user, "legal.restore_revision", revision)
    for name in REVISED_FIELDS:
        setattr(page, name, getattr(revision, name))
    message = _("Version %(number)s wiederhergestellt") % {"number": revision.number}
    return _revision_add(page=page, user=user, message=message,
                         restored_from=revision.number)


def _delete_after_commit(*names: str) -> None:
    storage = LegalPage._meta.get_field("video").storage
    for name in filter(None, names):
        transaction.on_commit(lambda name=name: storage.delete(name))


@transaction.atomic
def legal_video_set(*, user, video=None, video_type: str = "", captions=None) -> LegalPage:
    """Store a new sign language video (of the checked `video_type`) and/or captions; the
    files they replace are deleted once the change is committed."""
    permission_check(user, "legal.change_video")
    page = _locked(PageKind.SIGN_LANGUAGE)
    replaced = []
    if video is not None:
        replaced.append(page.video.name)
        page.video.save(video.name, video, save=False)
        page.video_type = video_type
    if captions is not None:
        replaced.append(page.captions.name)
        page.captions.save(captions.name, captions, save=False)
    page.video_updated_at = timezone.now()
    page.updated_by = user
    page.save()
    _delete_after_commit(*replaced)
    return page


@transaction.atomic
def legal_video_remove(*, user) -> LegalPage:
    """Take the video and its captions off the page (it says "folgt" again)."""
    page = _locked(PageKind.SIGN_LANGUAGE)
    permission_check(user, "legal.remove_video", page)
    names = (page.video.name, page.captions.name)
    page.video, page.captions, page.video_type = "", "", ""
    page.video_updated_at = timezone.now()
    page.updated_by = user
    page.save()
    _delete_after_commit(*names)
    return page
