"""Capacity has one meaning: empty is unlimited, otherwise at least one place.

Before, 0 was shown as "unlimited" on the meeting page but counted as "full" when people
registered. Existing meetings with 0 places become unlimited (what their page showed),
then the database refuses 0 from now on.
"""

import django.core.validators
from django.db import migrations, models


def zero_capacity_to_unlimited(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.filter(capacity=0).update(capacity=None)


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0002_agendaitem_projects_agendaitem_topics"),
    ]

    operations = [
        migrations.RunPython(zero_capacity_to_unlimited, migrations.RunPython.noop,
                             elidable=True),
        migrations.AlterField(
            model_name="meeting",
            name="capacity",
            field=models.PositiveIntegerField(
                blank=True, help_text="Leer lassen für unbegrenzt; sonst mindestens 1.",
                null=True, validators=[django.core.validators.MinValueValidator(1)],
                verbose_name="Plätze"),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.CheckConstraint(
                condition=models.Q(("capacity__isnull", True), ("capacity__gte", 1),
                                   _connector="OR"),
                name="meeting_capacity_unlimited_or_positive",
                violation_error_message="Plätze: leer lassen für unbegrenzt, sonst "
                                        "mindestens 1."),
        ),
    ]
