"""Writes of shared documents: upload, change (optionally with a new file), archive.

Each checks its permission (knowledge.rules) on the document as stored, whoever calls it.
"""

from collections.abc import Iterable
from pathlib import PurePath

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from common.permissions import permission_check
from members.models import Administration, User

from ..models import Document

FILENAME_MAX = 200


def document_filename(name: str) -> str:
    """The uploaded file's own name without any path, shortened to fit (extension kept)."""
    path = PurePath(name.replace("\\", "/"))
    filename = path.name or "datei"
    if len(filename) > FILENAME_MAX:
        suffix = path.suffix[:20]
        filename = path.stem[:FILENAME_MAX - len(suffix)] + suffix
    return filename


def _file_set(document: Document, upload: UploadedFile) -> None:
    document.filename = document_filename(upload.name)
    document.size = upload.size
    document.file.save(document.filename, upload, save=False)


def _relations_set(document: Document, *, articles, meetings, joint_projects) -> None:
    if articles is not None:
        document.articles.set(articles)
    if meetings is not None:
        document.meetings.set(meetings)
    if joint_projects is not None:
        document.joint_projects.set(joint_projects)


@transaction.atomic
def document_create(*, user: User, title: str, file: UploadedFile, visibility: str,
                    description: str = "", reuse_note: str = "",
                    administration: Administration | None = None,
                    articles: Iterable = (), meetings: Iterable = (),
                    joint_projects: Iterable = ()) -> Document:
    """Store an uploaded document; the uploader's administration contributes it unless
    the coordination office credits another one."""
    permission_check(user, "knowledge.add_document")
    if administration is not None and administration.pk != user.administration_id:
        permission_check(user, "knowledge.credit_administration")
    document = Document(
        title=title, description=description, reuse_note=reuse_note, visibility=visibility,
        uploaded_by=user, administration=administration or user.administration)
    _file_set(document, file)
    try:
        document.save()
        _relations_set(document, articles=articles, meetings=meetings,
                       joint_projects=joint_projects)
    except Exception:
        # The row is rolled back; the stored file must not stay behind without it.
        document.file.storage.delete(document.file.name)
        raise
    return document


@transaction.atomic
def document_update(*, document: Document, user: User, file: UploadedFile | None = None,
                    articles: Iterable | None = None, meetings: Iterable | None = None,
                    joint_projects: Iterable | None = None, **fields) -> Document:
    """Save changed metadata and links; a new file replaces the old one, which is deleted
    once the change is committed. `fields`: title, description, reuse_note, visibility,
    administration."""
    allowed = {"title", "description", "reuse_note", "visibility", "administration"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"document_update() got unexpected fields: {sorted(unknown)}")
    stored = Document.objects.select_for_update().get(pk=document.pk)
    permission_check(user, "knowledge.change_document", stored)
    if "administration" in fields and (getattr(fields["administration"], "pk", None)
                                       != stored.administration_id):
        permission_check(user, "knowledge.credit_administration")
    for name, value in fields.items():
        setattr(document, name, value)
    old_name = document.file.name
    storage = document.file.storage
    if file is not None:
        _file_set(document, file)
    document.save()
    _relations_set(document, articles=articles, meetings=meetings,
                   joint_projects=joint_projects)
    if file is not None and old_name and old_name != document.file.name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return document


def document_archive(*, document: Document, user: User, archived: bool = True) -> Document:
    """Take a document out of the lists (or bring it back with `archived=False`); member
    staff can still open an archived document, visitors no longer can."""
    rule = "knowledge.archive_document" if archived else "knowledge.unarchive_document"
    permission_check(user, rule, document)
    document.archived_at = timezone.now() if archived else None
    document.save(update_fields=["archived_at", "updated_at"])
    return document
