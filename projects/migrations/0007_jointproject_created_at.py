import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Joint projects record when they were created (for the recent changes). Existing
    projects keep NULL: their creation time is unknown, and they are not news."""

    dependencies = [("projects", "0006_status_covering_indexes")]

    operations = [
        # Added without a default first, so existing rows stay NULL ...
        migrations.AddField(
            model_name="jointproject", name="created_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="angelegt am"),
        ),
        # ... then new rows get the time of their creation (a Python-side default).
        migrations.AlterField(
            model_name="jointproject", name="created_at",
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False,
                                       null=True, verbose_name="angelegt am"),
        ),
    ]
