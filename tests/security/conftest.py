"""The demo network as the data of the security sweeps, loaded once per module."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from knowledge.models import Article, Document
from meetings.enums import MeetingState
from meetings.models import Meeting
from members.models import User
from polls.models import Poll
from projects.models import JointProject, SurveyRound
from tests.security.crawler import DEMO_LOGINS


class Network:
    """The loaded demo network: a logged-in client for every role ("visitor": none)."""

    def user(self, role: str) -> User | None:
        return None if role == "visitor" else User.objects.get(email=DEMO_LOGINS[role])

    def client(self, role: str, **defaults) -> Client:
        client = Client(**defaults)
        user = self.user(role)
        if user is not None:
            client.force_login(user)
        return client

    def seed_urls(self) -> tuple[str, ...]:
        """Start points besides "/": one object of every state, so that a crawl limited
        to a few URLs per pattern still meets every kind of page (held meetings with
        minutes, closed survey rounds, archived articles, the calendar feed …)."""
        urls = ["/", reverse("healthz")]
        for state in MeetingState.values:
            meeting = Meeting.objects.filter(state=state).order_by("-starts_at").first()
            if meeting:
                urls.append(meeting.get_absolute_url())
        for survey in SurveyRound.objects.order_by("state", "-pk").distinct("state"):
            urls.append(survey.get_absolute_url())
        for article in Article.objects.order_by("visibility", "-pk").distinct("visibility"):
            urls.append(reverse("knowledge:article_detail", args=[article.slug]))
        for document in Document.objects.order_by("visibility", "-pk").distinct("visibility"):
            urls.append(reverse("knowledge:document_detail", args=[document.pk]))
        urls += [project.get_absolute_url() for project in JointProject.objects.all()[:2]]
        # Rundfragen: results (with their exports, summary and article pages), closed and open.
        urls += [reverse("polls_results:results", args=[pk])
                 for pk in Poll.objects.order_by("pk").values_list("pk", flat=True)[:3]]
        urls += [reverse("polls_results:summary", args=[pk]) for pk in Poll.objects.filter(
            summary_public=True).order_by("pk").values_list("pk", flat=True)[:1]]
        for user in User.objects.filter(email__in=DEMO_LOGINS.values()):
            if user.calendar_token:
                urls.append(reverse("meetings:feed", args=[user.calendar_token]))
        return tuple(dict.fromkeys(urls))


@pytest.fixture(scope="module")
def _network_media(tmp_path_factory):
    return tmp_path_factory.mktemp("network-media")


@pytest.fixture(scope="module")
def _network_loaded(django_db_setup, django_db_blocker, _network_media):
    """Demo data inside one transaction for the whole module, rolled back at its end, so
    other modules still start from an empty database."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=_network_media):
        atomic = transaction.atomic()
        atomic.__enter__()
        call_command("demo_data", stdout=StringIO())
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _media_root(settings, _network_media):
    """The demo documents' files live in the module's media folder (overrides the
    suite-wide fixture of the same name)."""
    settings.MEDIA_ROOT = _network_media


@pytest.fixture
def network(_network_loaded, db) -> Network:
    return Network()
