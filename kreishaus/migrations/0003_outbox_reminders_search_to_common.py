"""The outbox, the reminders and the search index now belong to the common app (common
0002). State only: the tables and their rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('common', '0002_outbox_reminders_search_from_kreishaus'),
        ('kreishaus', '0002_search_entry'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Reminder'),
                migrations.DeleteModel(name='OutgoingMail'),
                migrations.DeleteModel(name='SearchEntry'),
            ],
            database_operations=[],
        ),
    ]
