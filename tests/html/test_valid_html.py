"""The main pages of every role are valid HTML (issue 14, "Valid HTML").

Renders the main pages as visitor, reader, editor and coordinator with Django's test
client on the demo network, writes them to a temporary folder and validates all of them
with the Nu HTML Checker (vnu-jar) in one JVM start. `.ci/run` installs Java and vnu-jar
when they are missing; without them the test is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from comments.models import Comment
from knowledge.models import Article, Document
from legal.enums import PAGE_URL_NAMES, PageKind
from meetings.enums import MeetingState
from meetings.models import Meeting, WorkingGroup
from members.models import Administration
from projects.models import JointProject, OzgService, Topic
from tests.security.conftest import Network
from tests.security.crawler import ROLES

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))
JAVA = shutil.which("java")

pytestmark = pytest.mark.skipif(
    JAVA is None or not VNU_JAR.is_file(),
    reason=f"Nu HTML Checker unavailable: needs `java` on PATH (found: {JAVA}) and "
           f"{VNU_JAR} (`npm install vnu-jar`, or set VNU_JAR); .ci/run installs both",
)


def main_pages() -> dict[str, str]:
    """Page name -> URL: the pages each role uses most, with one meeting of every state."""
    administration = Administration.objects.order_by("pk").first()
    article = Article.objects.order_by("pk").first()
    pages = {
        "start": reverse("start"),
        "directory": reverse("members:list"),
        "administration": administration.get_absolute_url(),
        "meetings": reverse("meetings:index"),
        "working groups": reverse("groups:list"),
        "working group": WorkingGroup.objects.order_by("pk").first().get_absolute_url(),
        "matrix": reverse("projects:index"),
        "progress": reverse("projects:progress"),
        "topics": reverse("projects:catalogue"),
        "topic": Topic.objects.order_by("pk").first().get_absolute_url(),
        "ozg overview": reverse("projects:ozg"),
        "ozg service": reverse("projects:service",
                               args=[OzgService.objects.order_by("pk").first().ozg_id]),
        "status history": reverse("projects:status_history", args=[administration.slug]),
        "projects": reverse("projects:projects"),
        "project": JointProject.objects.order_by("pk").first().get_absolute_url(),
        "surveys": reverse("projects:surveys"),
        "knowledge": reverse("knowledge:index"),
        "article": reverse("knowledge:article_detail", args=[article.slug]),
        "article history": reverse("knowledge:article_history", args=[article.slug]),
        "documents": reverse("knowledge:document_list"),
        "document": reverse("knowledge:document_detail",
                            args=[Document.objects.order_by("pk").first().pk]),
        "search": reverse("search") + "?q=Digitalisierung",
        "interfaces": reverse("oparl:interfaces"),
        "contact": reverse("legal:feedback"),
        "legal pages": reverse("legal:page_list"),
        "legal history": reverse("legal:page_history", args=[PageKind.IMPRINT]),
        "feedback": reverse("legal:feedback_list"),
        "account": reverse("account"),
        "profile": reverse("profile"),
        "my data": reverse("my_data"),
        "notifications": reverse("notifications"),
        "calendar": reverse("meetings:calendar"),
        "login": reverse("account_login"),
    }
    # A demo comment of the editor's (Neuwied), on a demo article.
    comment = Comment.objects.filter(author__email="redaktion.neuwied@example.org").first()
    commented = Article.objects.get(pk=comment.object_id)
    pages.update({
        "commented article": reverse("knowledge:article_detail", args=[commented.slug]),
        "comment form": reverse("comments:create", args=["knowledge.article", article.pk]),
        "comment hide": reverse("comments:hide", args=[comment.pk]),
        "comment delete": reverse("comments:delete", args=[comment.pk]),
    })
    for name in PAGE_URL_NAMES.values():
        pages[f"legal {name}"] = reverse(f"legal:{name}")
    for state in MeetingState.values:
        meeting = Meeting.objects.filter(state=state).order_by("-starts_at").first()
        if meeting:
            pages[f"meeting {state}"] = meeting.get_absolute_url()
    return pages


def render_pages(network: Network, folder: Path) -> dict[str, str]:
    """Saves every HTML page each role gets (redirects to the login are no pages) and
    returns file name -> "role page-name (URL)"."""
    written = {}
    pages = main_pages()
    for role in ROLES:
        client = network.client(role)
        for name, url in pages.items():
            response = client.get(url)
            if not response.get("Content-Type", "").startswith("text/html"):
                continue
            if response.status_code in (301, 302):
                continue
            file_name = f"{role}-{name.replace(' ', '-')}.html"
            (folder / file_name).write_bytes(response.content)
            written[file_name] = f"{role} {name} ({url}, {response.status_code})"
    return written


KEEP = os.environ.get("VNU_KEEP_PAGES")  # a folder to keep the rendered pages in


def vnu_errors(folder: Path) -> list[dict]:
    result = subprocess.run(
        [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(folder)],
        capture_output=True, text=True, timeout=600, check=False)
    # vnu writes its JSON report to stderr; exit status 1 only means "errors found".
    return json.loads(result.stderr or result.stdout)["messages"]


def test_main_pages_of_every_role_are_valid_html(demo, tmp_path):
    written = render_pages(Network(), tmp_path)
    # Every role saw its pages (visitors get the public ones, members all of them).
    assert sum(name.startswith("visitor-") for name in written) >= 10
    for role in ROLES[1:]:
        assert sum(name.startswith(f"{role}-") for name in written) >= 30, role

    if KEEP:
        shutil.copytree(tmp_path, KEEP, dirs_exist_ok=True)
    messages = vnu_errors(tmp_path)

    report = []
    for message in messages:
        page = written.get(Path(message.get("url", "")).name, message.get("url", ""))
        extract = message.get("extract", "").replace("\n", " ")[:160]
        report.append(f"{page}, line {message.get('lastLine')}: {message['message']}"
                      f"\n    {extract}")
    assert not messages, f"{len(messages)} HTML errors:\n" + "\n".join(report)
