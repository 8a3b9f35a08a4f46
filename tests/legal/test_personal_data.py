"""The legal part of a person's data (common.personal_data): the feedback messages they
sent (while logged in or with their account's address) appear in "Meine Daten" and are
deleted on account removal; others' messages stay."""

import pytest
from django.utils import timezone

from common.personal_data import personal_data_for, personal_data_parts
from legal.models import Feedback
from legal.personal_data import collect
from tests.legal.helpers import feedback_make

pytestmark = pytest.mark.django_db


def test_legal_part_registered():
    assert "legal" in [part.key for part in personal_data_parts()]


def test_collect_finds_messages_by_account_and_address(reader):
    today = timezone.localdate()
    feedback_make(message="Angemeldet gesendet", received=today, user=reader)
    feedback_make(message="Mit Adresse gesendet", received=today,
                  email=reader.email.upper())
    feedback_make(message="Von jemand anderem", received=today, email="x@example.org")

    data = collect(reader)
    messages = [row["Nachricht"] for row in data["Rückmeldungen über das Kontaktformular"]]
    assert sorted(messages) == ["Angemeldet gesendet", "Mit Adresse gesendet"]
    part = next(p for p in personal_data_for(reader) if p["key"] == "legal")
    assert part["data"] == data


def test_erase_deletes_only_the_persons_messages(reader):
    today = timezone.localdate()
    feedback_make(message="Angemeldet gesendet", received=today, user=reader)
    feedback_make(message="Mit Adresse gesendet", received=today, email=reader.email)
    other = feedback_make(message="Von jemand anderem", received=today, email="x@example.org")
    part = next(p for p in personal_data_parts() if p.key == "legal")
    part.erase(reader)
    assert list(Feedback.objects.values_list("pk", flat=True)) == [other.pk]
