"""The security sweep's hostile values (tests/security/test_fuzz.py) on the Rundfrage pages
and forms, which the demo network's crawl reaches only once it holds Rundfragen: no server
error, German messages only, typed input kept."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from polls.models import QuestionKind
from polls.services import QuestionData, poll_close
from tests.factories import UserFactory
from tests.polls.helpers import QUESTIONS, ask
from tests.security.crawler import fetch
from tests.security.test_fuzz import (
    BROKEN_UTF8,
    SHARED_FIELDS,
    Findings,
    _form_payload,
    _judge,
    _kept,
    _query_with,
    _send,
    values_for,
)

pytestmark = pytest.mark.django_db


def _sweep_forms(client: Client, url: str, findings: Findings) -> None:
    page = fetch(client, url)
    assert page.status == 200, url
    for form in (f for f in page.forms if f.method == "post" and "logout" not in f.action):
        kinds = {spec.name: spec.kind for spec in form.fields}
        for name in form.field_names():
            # Question rows are alike: the first stands for all (as in the sweep).
            if (name in SHARED_FIELDS or name == "csrfmiddlewaretoken"
                    or re.match(r"fragen-[1-9]", name)):
                continue
            for label, value in values_for(kinds.get(name)):
                data, extra = _form_payload(form, name, value)
                where = f"POST {form.action} {name}= {label}"
                html = _judge(findings, where, _send(client, "post", form.action, data=data,
                                                     **extra))
                if html and isinstance(value, str) and value != BROKEN_UTF8:
                    _kept(findings, where, html, name, value)


def _sweep_get(client: Client, url: str, names: list[str], findings: Findings) -> None:
    for name in names:
        for label, value in values_for(None):
            path, extra = _query_with(url, name, value)
            _judge(findings, f"GET {url} ?{name}= {label}", _send(client, "get", path, **extra))


def test_hostile_input_on_rundfrage_pages(administration, other_administration):
    asker = UserFactory(administration=other_administration, role="editor")
    editor = UserFactory(administration=administration, role="editor")
    poll = ask(asker, questions=[*QUESTIONS, QuestionData(
        text="Wie viele Lizenzen?", kind=QuestionKind.NUMBER), QuestionData(
        text="Seit wann?", kind=QuestionKind.DATE), QuestionData(
        text="Welche Module?", kind=QuestionKind.MULTIPLE, choices=["A", "B"])])
    closed = ask(asker, title="Beendet")
    poll_close(poll=closed, by=asker)
    findings = Findings()
    as_editor, as_asker = Client(raise_request_exception=False), Client(
        raise_request_exception=False)
    as_editor.force_login(editor)
    as_asker.force_login(asker)

    _sweep_get(as_editor, reverse("polls:list"), ["filter", "page"], findings)
    _sweep_forms(as_editor, reverse("polls:detail", args=[poll.pk]), findings)
    _sweep_forms(as_asker, reverse("polls:create"), findings)
    _sweep_forms(as_asker, reverse("polls:reopen", args=[closed.pk]), findings)

    assert findings.requests > 200
    assert findings.problems == []
