import secrets

import django.contrib.postgres.fields
from django.db import migrations, models

import members.models


def fill_tokens(apps, schema_editor):
    User = apps.get_model("members", "User")
    for user in User.objects.filter(calendar_token__isnull=True):
        user.calendar_token = secrets.token_urlsafe(32)
        user.save(update_fields=["calendar_token"])


class Migration(migrations.Migration):
    dependencies = [("members", "0002_contactperson_invitation_profileanswer_and_more")]

    operations = [
        migrations.AddField(
            model_name="user", name="calendar_token",
            field=models.CharField(editable=False, max_length=64, null=True,
                                   verbose_name="Kalender-Schlüssel"),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user", name="calendar_token",
            field=models.CharField(default=members.models.new_calendar_token, editable=False,
                                   max_length=64, unique=True, verbose_name="Kalender-Schlüssel"),
        ),
        migrations.AddField(
            model_name="user", name="muted_reminders",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.CharField(max_length=30), blank=True, default=list, size=None,
                verbose_name="abbestellte Erinnerungen"),
        ),
    ]
