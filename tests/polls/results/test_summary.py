"""The asker's summary: saved and published through its form; the public page shows title,
summary and number of answers, and nothing internal."""

import pytest
from django.urls import reverse

from polls.models import Poll

pytestmark = pytest.mark.django_db


def test_asker_writes_and_publishes_the_summary(client, asker, poll, answered):
    client.force_login(asker)
    url = reverse("polls_results:summary_edit", args=[poll.pk])
    response = client.post(url, {"summary": "Zwei von drei nutzen **enaio**.",
                                 "summary_public": "on"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("polls_results:results", args=[poll.pk])
    html = response.content.decode()
    assert "Die Zusammenfassung ist veröffentlicht." in html
    assert "Zwei von drei nutzen <strong>enaio</strong>." in html
    poll.refresh_from_db()
    assert (poll.summary, poll.summary_public) == ("Zwei von drei nutzen **enaio**.", True)


def test_empty_summary_cannot_be_published(client, asker, poll):
    client.force_login(asker)
    response = client.post(reverse("polls_results:summary_edit", args=[poll.pk]),
                           {"summary": "   ", "summary_public": "on"})
    assert response.status_code == 400
    assert "Eine leere Zusammenfassung kann nicht veröffentlicht werden." in \
        response.content.decode()
    assert Poll.objects.get(pk=poll.pk).summary_public is False


def test_public_summary_shows_no_internals(client, poll, questions, answered):
    Poll.objects.filter(pk=poll.pk).update(
        summary="Die Mehrheit nutzt ein DMS.<script>alert(1)</script>", summary_public=True)
    response = client.get(reverse("polls_results:summary", args=[poll.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Welches DMS nutzen Sie?" in html  # the title
    assert "Die Mehrheit nutzt ein DMS." in html
    assert "<script>alert" not in html
    assert "3 Verwaltungen haben geantwortet." in html  # the draft does not count
    for internal in ("Landkreis Mayen-Koblenz", "Landkreis Neuwied", "Landkreis Ahrweiler",
                     "Cochem-Zell", "Andernach", "Eigenentwicklung", "Personalrat",
                     "Wir planen eine", "Wie viele Beschäftigte", "enaio",
                     "/ergebnisse/", "Erika"):
        assert internal not in html, internal


def test_public_summary_of_a_hidden_poll_is_gone(client, poll):
    from django.utils import timezone

    Poll.objects.filter(pk=poll.pk).update(summary="Text", summary_public=True,
                                           hidden_at=timezone.now())
    response = client.get(reverse("polls_results:summary", args=[poll.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
