from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.models import SurveyResponse
from projects.surveys.services import survey_round_open
from tests.projects.helpers import make_topic

pytestmark = pytest.mark.django_db


def test_dashboard_lists_open_survey_until_answered(client, editor, coordinator, administration):
    survey = survey_round_open(by=coordinator, title="Erhebung Frühjahr",
                               deadline=timezone.localdate() + timedelta(days=14),
                               topics=[make_topic()])
    client.force_login(editor)

    before = client.get(reverse("start")).content.decode()
    SurveyResponse.objects.update_or_create(
        round=survey, administration=administration,
        defaults={"completed_at": timezone.now(), "completed_by": editor})
    after = client.get(reverse("start")).content.decode()

    assert "Erhebung Frühjahr" in before
    assert "Die Antwort Ihrer Verwaltung fehlt noch." in before
    assert "Erhebung Frühjahr" not in after
    assert "Keine offenen Erhebungen." in after


def test_survey_list_shows_newest_round_first(client, reader, coordinator):
    topic = make_topic()
    for title in ["Erhebung 1", "Erhebung 2", "Erhebung 3"]:
        survey_round_open(by=coordinator, title=title, topics=[topic],
                          deadline=timezone.localdate() + timedelta(days=14))
    client.force_login(reader)

    page = client.get(reverse("projects:surveys")).content.decode()

    assert page.index("Erhebung 3") < page.index("Erhebung 2") < page.index("Erhebung 1")


def test_topics_follow_the_catalogue_groups_everywhere():
    from projects.models import Topic

    Topic.objects.create(name="Bürgerportal", slug="portal", group="citizen")
    Topic.objects.create(name="Fortbildung", slug="fortbildung", group="work")
    Topic.objects.create(name="E-Akte", slug="e-akte", group="internal")

    assert list(Topic.objects.values_list("name", flat=True)) == [
        "E-Akte", "Bürgerportal", "Fortbildung"]
