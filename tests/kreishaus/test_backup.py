"""Backup and restore: the drill (demo network and uploads → backup → everything dropped →
restore → the same rows, files and pages), and what restore refuses."""

import hashlib
import io
import json
import re
import shutil
import tarfile
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from PIL import Image

from common.backup import media_files, tables_list
from knowledge.models import Article, Document
from meetings.models import Meeting
from members.models import Administration, User

pytestmark = pytest.mark.django_db(transaction=True)

TOKENS = re.compile(r'(name="(?:csrfmiddlewaretoken|_once)" value=")[^"]*(")')


def _row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in tables_list():
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def _file_digests(root) -> dict[str, str]:
    return {relative: hashlib.sha256(path.read_bytes()).hexdigest()
            for relative, path in media_files(root)}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (11, 70, 135)).save(out, "PNG")
    return out.getvalue()


def _pages(paths_by_role: dict[str, list[str]]) -> dict[tuple[str, str], tuple[int, bytes]]:
    """Each page as the role sees it; the per-render form tokens blanked out."""
    seen = {}
    for role, paths in paths_by_role.items():
        client = Client()
        if role != "visitor":
            client.force_login(User.objects.get(email=role))
        for path in paths:
            response = client.get(path)
            body = b"".join(response) if response.streaming else response.content
            if response["Content-Type"].startswith("text/html"):
                body = TOKENS.sub(r"\1\2", body.decode()).encode()
            seen[(role, path)] = (response.status_code, body)
    return seen


@pytest.fixture
def demo_network(settings, tmp_path):
    """The demo network with its generated documents, plus a logo upload."""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("demo_data", stdout=StringIO())
    administration = Administration.objects.get(short_name="MYK")
    administration.logo.save("myk.png", ContentFile(_png()))
    return administration


def test_backup_restore_drill_gives_back_rows_files_and_pages(demo_network, settings, tmp_path):
    media = settings.MEDIA_ROOT
    article = Article.objects.filter(visibility="public").order_by("pk").first()
    document = Document.objects.order_by("pk").first()
    meeting = Meeting.objects.order_by("-starts_at").first()
    pages = {
        "visitor": ["/", "/mitglieder/", demo_network.get_absolute_url(), demo_network.logo.url,
                    reverse("knowledge:article_detail", args=[article.slug])],
        "lesen.ahrweiler@example.org": [
            "/wissen/", reverse("knowledge:article_detail", args=[article.slug]),
            meeting.get_absolute_url(), reverse("knowledge:document_detail", args=[document.pk]),
            reverse("knowledge:document_download", args=[document.pk]), "/vorhaben/",
            demo_network.get_absolute_url()],
    }
    before = _pages(pages)
    counts, files = _row_counts(), _file_digests(media)
    assert counts["members_administration"] > 10
    assert f"logos/{demo_network.logo.name.split('/')[-1]}" in files
    assert any(name.startswith("knowledge/") or name.startswith("documents/")
               for name in files), files
    archive = tmp_path / "backups" / "drill.tar.gz"

    out = StringIO()
    call_command("backup", output=archive, stdout=out)
    assert f"{archive}: {len(counts)} tables, {sum(counts.values())} rows, {len(files)} files" \
        in out.getvalue()

    # Everything gone: every table, every file.
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE " + ", ".join(f'"{t}"' for t in tables_list()) + " CASCADE")
    shutil.rmtree(media)
    assert tables_list() == []

    out = StringIO()
    call_command("restore", archive, stdout=out)

    assert f"{len(counts)} tables, {sum(counts.values())} rows, {len(files)} files" \
        in out.getvalue()
    assert _row_counts() == counts
    assert _file_digests(media) == files
    after = _pages(pages)
    for key, (status, body) in before.items():
        assert status == 200, key
        assert after[key] == (status, body), key
    # New rows continue after the restored ids.
    new = Administration.objects.create(name="Neue Gemeinde", short_name="NG",
                                        slug="neue-gemeinde")
    assert new.pk > max(Administration.objects.exclude(pk=new.pk).values_list("pk", flat=True))


def test_backup_manifest_counts_rows_and_files(settings, tmp_path, administration):
    settings.MEDIA_ROOT = tmp_path / "media"
    administration.logo.save("logo.png", ContentFile(_png()))
    archive = tmp_path / "b.tar.gz"

    call_command("backup", output=archive, stdout=StringIO())

    with tarfile.open(archive, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        copied = tar.extractfile("database/members_administration.copy").read()
    table = manifest["tables"]["members_administration"]
    assert table["rows"] == 1
    assert table["sha256"] == hashlib.sha256(copied).hexdigest()
    assert b"Landkreis Mayen-Koblenz" in copied
    assert list(manifest["media"]) == [administration.logo.name]
    assert manifest["media"][administration.logo.name]["sha256"] == \
        hashlib.sha256(_png()).hexdigest()
    assert ["common", "0001_initial"] in manifest["migrations"]


def test_restore_refuses_a_database_with_data_unless_forced(settings, tmp_path, administration):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "b.tar.gz"
    call_command("backup", output=archive, stdout=StringIO())
    Administration.objects.create(name="Nach der Sicherung", short_name="NS", slug="ns")

    with pytest.raises(CommandError, match="Refusing to restore: the database has data"):
        call_command("restore", archive, stdout=StringIO())
    assert Administration.objects.count() == 2

    call_command("restore", archive, force=True, stdout=StringIO())
    assert list(Administration.objects.values_list("name", flat=True)) == [
        "Landkreis Mayen-Koblenz"]


def test_restore_refuses_a_damaged_archive_and_keeps_nothing_half(settings, tmp_path,
                                                                  administration):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive, damaged = tmp_path / "b.tar.gz", tmp_path / "damaged.tar.gz"
    call_command("backup", output=archive, stdout=StringIO())
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "database/members_administration.copy":
                data = data.replace(b"Mayen-Koblenz", b"Mayen-Koblenx")
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="members_administration: checksum differs"):
        call_command("restore", damaged, force=True, stdout=StringIO())
    assert not Administration.objects.filter(name__contains="Koblenx").exists()
