"""The outbox, reminders and search index moved from the kreishaus app to common: a
database migrated before the move keeps every row, and finds them through the new models.

The test database is migrated back to the state before the move (common 0001, kreishaus
0002: today's main), rows are written with the historical kreishaus models, and the
database is migrated forward again.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Value

from common.enums import MailState
from common.models import OutgoingMail, Reminder, SearchEntry
from members.models import User
from tests.migrating import migrate

BEFORE_THE_MOVE = [("common", "0001_initial"), ("kreishaus", "0002_search_entry")]


@pytest.fixture
def before_the_move(transactional_db):
    """The historical models of the database as today's main leaves it; afterwards the
    database is at the latest state again, whatever the test did."""
    executor = migrate(BEFORE_THE_MOVE)
    try:
        yield executor.loader.project_state(BEFORE_THE_MOVE).apps
    finally:
        migrate()


def test_rows_written_before_the_move_are_found_through_the_new_models(before_the_move):
    old = before_the_move
    assert [model._meta.app_label for model in (
        old.get_model("kreishaus", "OutgoingMail"), old.get_model("kreishaus", "Reminder"),
        old.get_model("kreishaus", "SearchEntry"))] == ["kreishaus"] * 3
    # Without an administration: a new administration would be indexed with search
    # functions this old schema does not have yet (the members tables are today's).
    person = User.objects.create(email="rita@example.org", first_name="Rita",
                                 last_name="Muster")
    mail = old.get_model("kreishaus", "OutgoingMail").objects.create(
        to="rita@example.org", subject="Erinnerung: Sitzung", body_text="Hallo Rita",
        state="queued", attempts=2, last_error="SMTPConnectError: 421")
    reminder = old.get_model("kreishaus", "Reminder").objects.create(
        recipient_id=person.pk, object_key="meeting:7", kind="meeting_before_14", mail=mail)
    words = SearchVector(Value("Digitaler Bauantrag im Landkreis"), config="german")
    entry = old.get_model("kreishaus", "SearchEntry").objects.create(
        kind="article", object_id=4711, slug="bauantrag", title="Digitaler Bauantrag",
        text="Digitaler Bauantrag im Landkreis", vector=words, head_vector=words)
    old_content_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="kreishaus", model="outgoingmail")

    migrate()

    moved_mail = OutgoingMail.objects.get(pk=mail.pk)
    assert (moved_mail.to, moved_mail.subject, moved_mail.body_text, moved_mail.state,
            moved_mail.attempts, moved_mail.last_error) == (
        "rita@example.org", "Erinnerung: Sitzung", "Hallo Rita", MailState.QUEUED, 2,
        "SMTPConnectError: 421")
    moved_reminder = Reminder.objects.select_related("mail", "recipient").get(pk=reminder.pk)
    assert (moved_reminder.recipient, moved_reminder.object_key, moved_reminder.kind,
            moved_reminder.mail) == (person, "meeting:7", "meeting_before_14", moved_mail)
    assert person.reminders.get() == moved_reminder
    found = SearchEntry.objects.filter(vector=SearchQuery("Bauantrag", config="german"))
    assert list(found.values_list("pk", "kind", "object_id", "slug", "title")) == [
        (entry.pk, "article", 4711, "bauantrag", "Digitaler Bauantrag")]
    # Permissions and admin log entries hang on the content type; it moved along.
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(OutgoingMail).pk == old_content_type.pk
    assert not ContentType.objects.filter(app_label="kreishaus", model="outgoingmail").exists()


def test_tables_indexes_and_constraints_keep_their_names(transactional_db):
    with connection.cursor() as cursor:
        tables = {table for table in connection.introspection.table_names(cursor)
                  if table.startswith(("kreishaus_", "common_"))}
        constraints = {
            name for model in (OutgoingMail, Reminder, SearchEntry)
            for name in connection.introspection.get_constraints(cursor, model._meta.db_table)
        }

    assert {"kreishaus_outgoingmail", "kreishaus_reminder", "kreishaus_searchentry"} <= tables
    assert not tables & {"common_outgoingmail", "common_reminder", "common_searchentry"}
    assert {"kreishaus_o_state_be8cd9_idx", "one_reminder_per_kind", "search_vector_gin",
            "search_public_vector_gin", "search_one_entry_per_object",
            "search_public_text_and_vector_together"} <= constraints
